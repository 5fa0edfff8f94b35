import { Code, Group, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api";
import { ExportButtons } from "../../components/ExportButtons";
import { MoreButton, usePagedList } from "../../components/PagedList";
import { PageTitle } from "../../components/PageTitle";
import { formatDateTime, useT } from "../../i18n";

export function LogbookPage() {
  const { t, lang } = useT();
  const [entityType, setEntityType] = useState<string | null>(null);
  const [actorId, setActorId] = useState<string | null>(null);
  const [personSearch, setPersonSearch] = useState("");
  const [personQuery] = useDebouncedValue(personSearch, 250);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const filter = {
    actorId: actorId ?? undefined,
    entityType: entityType ?? undefined,
    from: from || undefined,
    to: to || undefined,
  };

  // People to filter on: searched on the server, so it works for regions with thousands of accounts.
  // After a choice the search box holds "name · e-mail"; search on the name part.
  const personName = personQuery.split(" · ")[0]?.trim();
  const people = useQuery({
    queryKey: ["audit-people", personName],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/users", { params: { query: { q: personName || undefined, limit: 20 } } }))
        .items,
    placeholderData: keepPreviousData,
  });
  const types = useQuery({
    queryKey: ["audit-types"],
    queryFn: async () => unwrap(await api.GET("/api/v1/audit-events/entity-types")).items,
  });
  const fetchPage = async (cursor?: string) =>
    unwrap(
      await api.GET("/api/v1/audit-events", {
        params: { query: { ...filter, cursor, limit: 50 } },
      }),
    );
  const { list: events, rows } = usePagedList(["audit", filter], fetchPage);

  return (
    <Stack>
      <PageTitle>{t("logbook.title")}</PageTitle>
      <Group wrap="wrap" align="flex-end">
        <Select
          label={t("logbook.person")}
          placeholder={t("logbook.anyone")}
          data={(people.data ?? []).map((u) => ({ value: u.id, label: `${u.name} · ${u.email}` }))}
          value={actorId}
          onChange={setActorId}
          searchable
          searchValue={personSearch}
          onSearchChange={setPersonSearch}
          filter={({ options }) => options}
          nothingFoundMessage={t("nav.nothingFound")}
          clearable
        />
        <Select
          label={t("logbook.entityType")}
          placeholder={t("logbook.allTypes")}
          data={types.data ?? []}
          value={entityType}
          onChange={setEntityType}
          clearable
        />
        <TextInput
          label={t("logbook.from")}
          type="date"
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          label={t("logbook.to")}
          type="date"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <ExportButtons path="/api/v1/audit-events/export" filter={filter} />
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("logbook.when")}</Table.Th>
              <Table.Th>{t("logbook.who")}</Table.Th>
              <Table.Th>{t("logbook.what")}</Table.Th>
              <Table.Th>{t("logbook.action")}</Table.Th>
              <Table.Th>{t("logbook.changes")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatDateTime(e.at, lang)}</Table.Td>
                <Table.Td>{e.actorName}</Table.Td>
                <Table.Td>{e.entityType}</Table.Td>
                <Table.Td>{e.action}</Table.Td>
                <Table.Td>
                  {Object.entries(e.changes as Record<string, [unknown, unknown]>).map(
                    ([field, [before, after]]) => (
                      <Text size="xs" key={field}>
                        <Code>{field}</Code>: {JSON.stringify(before)} → {JSON.stringify(after)}
                      </Text>
                    ),
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {events.isSuccess && rows.length === 0 && <Text>{t("logbook.empty")}</Text>}
      <MoreButton list={events} />
    </Stack>
  );
}
