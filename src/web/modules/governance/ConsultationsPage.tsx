import { Anchor, Badge, Button, Checkbox, Group, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { CONSULTATION_STATUSES, type ConsultationStatus } from "../../../shared/consultation";
import { api, unwrap } from "../../api";
import { ExportButtons } from "../../components/ExportButtons";
import { ListToolbar } from "../../components/ListToolbar";
import { loadedCount, MoreButton, usePagedList } from "../../components/PagedList";
import { PageTitle } from "../../components/PageTitle";
import { formatDate, useT } from "../../i18n";
import { useSession } from "../../session";
import { useSearch } from "../../use-search";
import { BodyFilter } from "./BodySelect";
import { ConsultationForm } from "./ConsultationForm";
import { consultationColor } from "./consultations-api";

/**
 * The region's adviesnotities and their consultation rounds, newest first: searched by title,
 * per werkgroep and status, or only those the user was asked about. The bureau writes new ones.
 */
export function ConsultationsPage() {
  const { t, lang } = useT();
  const session = useSession();
  const [query, searchBox] = useSearch();
  const [bodyId, setBodyId] = useState<string | null>(null);
  const [status, setStatus] = useState<ConsultationStatus | null>(null);
  const [mine, setMine] = useState(false);
  const [writing, setWriting] = useState(false);
  const filter = {
    ...(query ? { q: query } : {}),
    ...(bodyId ? { bodyId } : {}),
    ...(status ? { status } : {}),
    ...(mine ? { mine: "true" as const } : {}),
  };
  const { list, rows } = usePagedList(["consultations", filter], async (cursor) =>
    unwrap(await api.GET("/api/v1/consultations", { params: { query: { ...filter, cursor, limit: 50 } } })),
  );

  return (
    <Stack>
      <PageTitle>{t("consultation.listTitle")}</PageTitle>
      <Text c="gray.7" size="sm">
        {t("consultation.intro")}
      </Text>
      {session?.permissions["consultation.create"] &&
        (writing ? (
          <ConsultationForm onDone={() => setWriting(false)} />
        ) : (
          <Group>
            <Button onClick={() => setWriting(true)}>{t("consultation.new")}</Button>
          </Group>
        ))}
      <Group wrap="wrap" align="flex-end">
        <TextInput label={t("consultation.search")} type="search" {...searchBox} />
        <BodyFilter value={bodyId} onChange={setBodyId} />
        <Select
          label={t("consultation.status")}
          clearable
          value={status}
          onChange={(v) => setStatus(v as ConsultationStatus | null)}
          data={CONSULTATION_STATUSES.map((s) => ({ value: s, label: t(`consultation.status.${s}`) }))}
        />
        <Checkbox
          label={t("consultation.mine")}
          checked={mine}
          onChange={(e) => setMine(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <ListToolbar count={t("consultation.count", { count: loadedCount(list, rows) })}>
        <ExportButtons path="/api/v1/consultations/export" filter={filter} />
      </ListToolbar>
      {rows.length === 0 ? (
        <Text c="gray.7">{t("consultation.none")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("consultation.title")}</Table.Th>
                <Table.Th>{t("consultation.body")}</Table.Th>
                <Table.Th>{t("consultation.policyArea")}</Table.Th>
                <Table.Th>{t("consultation.status")}</Table.Th>
                <Table.Th>{t("consultation.deadline")}</Table.Th>
                <Table.Th>{t("consultation.response")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => <Link {...props} to="/consultaties/$id" params={{ id: c.id }} />}
                    >
                      {c.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.bodyName}</Table.Td>
                  <Table.Td>{c.policyArea ?? "—"}</Table.Td>
                  <Table.Td>
                    <Badge color={consultationColor[c.status]} variant="outline">
                      {t(`consultation.status.${c.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDate(c.deadline, lang)}</Table.Td>
                  <Table.Td>
                    {c.status === "draft"
                      ? "—"
                      : t("consultation.responded", { responded: c.responded, invited: c.invited })}
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
