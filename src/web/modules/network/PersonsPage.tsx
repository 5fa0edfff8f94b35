import { Anchor, Button, Group, Select, Stack, Table, TextInput } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { DISCIPLINES } from "../../../shared/network";
import { api, unwrap } from "../../api";
import { ExportButtons } from "../../components/ExportButtons";
import { ListToolbar } from "../../components/ListToolbar";
import { MoreButton, usePagedList } from "../../components/PagedList";
import { PageTitle } from "../../components/PageTitle";
import { useT } from "../../i18n";
import { useSession } from "../../session";
import { useSearch } from "../../use-search";

type Discipline = (typeof DISCIPLINES)[number];

/** The people the user may see: search, filter by discipline, page on, export. */
export function PersonsPage() {
  const { t } = useT();
  const session = useSession();
  const [search, searchBox] = useSearch();
  const [discipline, setDiscipline] = useState<Discipline | null>(null);
  const filter = { q: search || undefined, discipline: discipline ?? undefined };

  const fetchPage = async (cursor?: string) =>
    unwrap(await api.GET("/api/v1/persons", { params: { query: { ...filter, cursor, limit: 50 } } }));
  const { list, rows, firstPage } = usePagedList(["persons", filter], fetchPage);

  return (
    <Stack>
      <PageTitle>{t("person.title")}</PageTitle>
      <Group wrap="wrap" align="flex-end">
        <TextInput label={t("person.search")} {...searchBox} />
        <Select
          label={t("person.discipline")}
          placeholder={t("person.allDisciplines")}
          data={DISCIPLINES.map((d) => ({ value: d, label: t(`person.discipline.${d}`) }))}
          value={discipline}
          onChange={(v) => setDiscipline(v as Discipline | null)}
          searchable
          clearable
        />
      </Group>
      <ListToolbar count={t("person.count", { count: firstPage?.total ?? 0 })}>
        {session?.permissions["person.export"] && (
          <ExportButtons path="/api/v1/persons/export" filter={filter} />
        )}
        {session?.permissions["import.create"] && (
          <Button
            renderRoot={(props) => <Link {...props} to="/import" search={{ soort: "personen" }} />}
            size="xs"
            variant="default"
          >
            {t("person.import")}
          </Button>
        )}
        {session?.permissions["person.create"] && (
          <Button component={Link} to="/personen/nieuw" size="xs">
            {t("person.add")}
          </Button>
        )}
      </ListToolbar>
      <Table.ScrollContainer minWidth={560}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("person.name")}</Table.Th>
              <Table.Th>{t("person.disciplines")}</Table.Th>
              <Table.Th>{t("person.email")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor
                    renderRoot={(props) => <Link {...props} to="/personen/$id" params={{ id: p.id }} />}
                  >
                    {p.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{p.disciplines.map((d) => t(`person.discipline.${d}`)).join(", ")}</Table.Td>
                <Table.Td>{p.email ?? ""}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <MoreButton list={list} />
    </Stack>
  );
}
