import { Anchor, Group, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api";
import { ExportButtons } from "../../components/ExportButtons";
import { ListToolbar } from "../../components/ListToolbar";
import { loadedCount, MoreButton, usePagedList } from "../../components/PagedList";
import { PageTitle } from "../../components/PageTitle";
import { formatDateTime, useT } from "../../i18n";
import { useSearch } from "../../use-search";
import { BodyFilter } from "./BodySelect";

/** The besluitenlijst of the region: every decision by number, newest first, per body and year. */
export function DecisionsPage() {
  const { t, lang } = useT();
  const [search, searchBox] = useSearch();
  const [bodyId, setBodyId] = useState<string | null>(null);
  const [year, setYear] = useState<string | null>(null);
  const filter = {
    ...(search ? { q: search } : {}),
    ...(bodyId ? { bodyId } : {}),
    ...(year ? { year: Number(year) } : {}),
  };
  const { list, rows } = usePagedList(["decisions", filter], async (cursor) =>
    unwrap(await api.GET("/api/v1/decisions", { params: { query: { ...filter, cursor, limit: 50 } } })),
  );
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear + 1 - i));

  return (
    <Stack>
      <PageTitle>{t("decision.listTitle")}</PageTitle>
      <Group wrap="wrap" align="flex-end">
        <TextInput label={t("decision.search")} {...searchBox} />
        <BodyFilter value={bodyId} onChange={setBodyId} />
        <Select label={t("decision.year")} clearable value={year} onChange={setYear} data={years} />
      </Group>
      <ListToolbar count={t("decision.count", { count: loadedCount(list, rows) })}>
        <ExportButtons path="/api/v1/decisions/export" filter={{ ...filter, year: year ?? undefined }} />
      </ListToolbar>
      {rows.length === 0 ? (
        <Text c="gray.7">{t("decision.none")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("decision.number")}</Table.Th>
                <Table.Th>{t("decision.text")}</Table.Th>
                <Table.Th>{t("decision.meeting")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{d.number}</Table.Td>
                  <Table.Td>{d.text}</Table.Td>
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => (
                        <Link {...props} to="/vergaderingen/$id" params={{ id: d.meetingId }} />
                      )}
                    >
                      {d.bodyName}, {formatDateTime(d.meetingStartsAt, lang)}
                    </Anchor>
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
