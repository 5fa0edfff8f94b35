import { Anchor, Badge, Button, Group, Select, Stack, Table, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { PROPOSAL_STATUSES, type ProposalStatus } from "../../../shared/voting";
import { api, unwrap } from "../../api";
import { ExportButtons } from "../../components/ExportButtons";
import { ListToolbar } from "../../components/ListToolbar";
import { loadedCount, MoreButton, usePagedList } from "../../components/PagedList";
import { PageTitle } from "../../components/PageTitle";
import { formatDateTime, useT } from "../../i18n";
import { useSession } from "../../session";
import { BodyFilter } from "./BodySelect";
import { ProposalForm } from "./ProposalForm";
import { statusColor } from "./proposals-api";

/** The region's proposals and votes, newest first, per body and status; the bureau drafts new ones. */
export function ProposalsPage() {
  const { t, lang } = useT();
  const session = useSession();
  const [bodyId, setBodyId] = useState<string | null>(null);
  const [status, setStatus] = useState<ProposalStatus | null>(null);
  const [drafting, setDrafting] = useState(false);
  const filter = { ...(bodyId ? { bodyId } : {}), ...(status ? { status } : {}) };
  const { list, rows } = usePagedList(["proposals", filter], async (cursor) =>
    unwrap(await api.GET("/api/v1/proposals", { params: { query: { ...filter, cursor, limit: 50 } } })),
  );

  return (
    <Stack>
      <PageTitle>{t("proposal.listTitle")}</PageTitle>
      {session?.permissions["proposal.create"] &&
        (drafting ? (
          <ProposalForm onDone={() => setDrafting(false)} />
        ) : (
          <Group>
            <Button onClick={() => setDrafting(true)}>{t("proposal.new")}</Button>
          </Group>
        ))}
      <Group wrap="wrap" align="flex-end">
        <BodyFilter value={bodyId} onChange={setBodyId} />
        <Select
          label={t("proposal.status")}
          clearable
          value={status}
          onChange={(v) => setStatus(v as ProposalStatus | null)}
          data={PROPOSAL_STATUSES.map((s) => ({ value: s, label: t(`proposal.status.${s}`) }))}
        />
      </Group>
      <ListToolbar count={t("proposal.count", { count: loadedCount(list, rows) })}>
        <ExportButtons path="/api/v1/proposals/export" filter={filter} />
      </ListToolbar>
      {rows.length === 0 ? (
        <Text c="gray.7">{t("proposal.none")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("proposal.title")}</Table.Th>
                <Table.Th>{t("proposal.body")}</Table.Th>
                <Table.Th>{t("proposal.status")}</Table.Th>
                <Table.Th>{t("proposal.closesAt")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => <Link {...props} to="/stemmingen/$id" params={{ id: p.id }} />}
                    >
                      {p.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.bodyName}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColor[p.status]} variant="outline">
                      {t(`proposal.status.${p.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {p.mode === "meeting" ? t("proposal.mode.meeting") : formatDateTime(p.closesAt, lang)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <MoreButton list={list} />
    </Stack>
  );
}
