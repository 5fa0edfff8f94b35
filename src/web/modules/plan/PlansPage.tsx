import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { PLAN_STATUSES, type PlanStatus, planPeriod } from "../../../shared/plan";
import { api, unwrap } from "../../api";
import { ExportButtons } from "../../components/ExportButtons";
import { ListToolbar } from "../../components/ListToolbar";
import { loadedCount, MoreButton, usePagedList } from "../../components/PagedList";
import { PageTitle } from "../../components/PageTitle";
import { formatDate, useT } from "../../i18n";
import { useSession } from "../../session";
import { useSearch } from "../../use-search";
import { PlanForm } from "./PlanForm";
import { planColor } from "./plan-api";

/**
 * The region's regioplannen, the newest period first: each version with its status and who
 * vastgesteld it. Searched by title and vision, filtered by status; the bureau begins new ones.
 */
export function PlansPage() {
  const { t, lang } = useT();
  const session = useSession();
  const [query, searchBox] = useSearch();
  const [status, setStatus] = useState<PlanStatus | null>(null);
  const [writing, setWriting] = useState(false);
  const filter = { ...(query ? { q: query } : {}), ...(status ? { status } : {}) };
  const { list, rows } = usePagedList(["plans", filter], async (cursor) =>
    unwrap(await api.GET("/api/v1/plans", { params: { query: { ...filter, cursor, limit: 50 } } })),
  );

  return (
    <Stack>
      <PageTitle>{t("plan.listTitle")}</PageTitle>
      <Text c="gray.7" size="sm">
        {t("plan.intro")}
      </Text>
      {session?.permissions["plan.create"] &&
        (writing ? (
          <PlanForm onDone={() => setWriting(false)} />
        ) : (
          <Group>
            <Button onClick={() => setWriting(true)}>{t("plan.new")}</Button>
          </Group>
        ))}
      <Group wrap="wrap" align="flex-end">
        <TextInput label={t("plan.search")} type="search" {...searchBox} />
        <Select
          label={t("plan.status")}
          clearable
          value={status}
          onChange={(v) => setStatus(v as PlanStatus | null)}
          data={PLAN_STATUSES.map((s) => ({ value: s, label: t(`plan.status.${s}`) }))}
        />
      </Group>
      <ListToolbar count={t("plan.count", { count: loadedCount(list, rows) })}>
        <ExportButtons path="/api/v1/plans/export" filter={filter} />
      </ListToolbar>
      {rows.length === 0 ? (
        <Text c="gray.7">{t("plan.none")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("plan.title")}</Table.Th>
                <Table.Th>{t("plan.period")}</Table.Th>
                <Table.Th>{t("plan.revision")}</Table.Th>
                <Table.Th>{t("plan.status")}</Table.Th>
                <Table.Th>{t("plan.adoptedBy")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => <Link {...props} to="/regioplan/$id" params={{ id: p.id }} />}
                    >
                      {p.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{planPeriod(p.startYear, p.endYear)}</Table.Td>
                  <Table.Td>{p.revision}</Table.Td>
                  <Table.Td>
                    <Badge color={planColor[p.status]} variant="outline">
                      {t(`plan.status.${p.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {p.adoptedBy ? `${p.adoptedBy.name}, ${formatDate(p.adoptedOn, lang)}` : "—"}
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
