import { Anchor, Button, Group, Select, Stack, Table, TextInput, UnstyledButton } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { ORGANISATION_KINDS, ORGANISATION_STATUSES } from "../../../shared/network";
import { api, unwrap } from "../../api";
import { ExportButtons } from "../../components/ExportButtons";
import { ListToolbar } from "../../components/ListToolbar";
import { MoreButton, usePagedList } from "../../components/PagedList";
import { PageTitle } from "../../components/PageTitle";
import { useT } from "../../i18n";
import { useSession } from "../../session";
import { useSearch } from "../../use-search";

type Kind = (typeof ORGANISATION_KINDS)[number];
type Status = (typeof ORGANISATION_STATUSES)[number];

/** The region's organisations: search, filter, sort by name, page on, export what is filtered. */
export function OrganisationsPage() {
  const { t } = useT();
  const session = useSession();
  const [search, searchBox] = useSearch();
  const [kind, setKind] = useState<Kind | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [municipalityCode, setMunicipality] = useState<string | null>(null);
  const [descending, setDescending] = useState(false);
  const filter = {
    q: search || undefined,
    kind: kind ?? undefined,
    status: status ?? undefined,
    municipalityCode: municipalityCode ?? undefined,
  };

  const municipalities =
    useQuery({
      queryKey: ["region"],
      queryFn: async () => unwrap(await api.GET("/api/v1/region")),
    }).data?.municipalities ?? [];
  const fetchPage = async (cursor?: string) =>
    unwrap(
      await api.GET("/api/v1/organisations", {
        params: { query: { ...filter, sort: descending ? "-name" : "name", cursor, limit: 50 } },
      }),
    );
  const { list, rows, firstPage } = usePagedList(["organisations", filter, descending], fetchPage);

  return (
    <Stack>
      <PageTitle>{t("org.title")}</PageTitle>
      <Group wrap="wrap" align="flex-end">
        <TextInput label={t("org.search")} {...searchBox} />
        <Select
          label={t("org.kind")}
          placeholder={t("org.allKinds")}
          data={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`org.kind.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v as Kind | null)}
          searchable
          clearable
        />
        <Select
          label={t("org.status")}
          placeholder={t("org.allStatuses")}
          data={ORGANISATION_STATUSES.map((s) => ({ value: s, label: t(`org.status.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v as Status | null)}
          clearable
        />
        <Select
          label={t("org.municipality")}
          placeholder={t("org.allMunicipalities")}
          data={municipalities.map((m) => ({ value: m.cbsCode, label: m.name }))}
          value={municipalityCode}
          onChange={setMunicipality}
          searchable
          clearable
        />
      </Group>
      <ListToolbar count={t("org.count", { count: firstPage?.total ?? 0 })}>
        {session?.permissions["organisation.export"] && (
          <ExportButtons path="/api/v1/organisations/export" filter={filter} />
        )}
        {session?.permissions["import.create"] && (
          <Button component={Link} to="/import" size="xs" variant="default">
            {t("org.import")}
          </Button>
        )}
        {session?.permissions["organisation.create"] && (
          <Button component={Link} to="/organisaties/nieuw" size="xs">
            {t("org.add")}
          </Button>
        )}
      </ListToolbar>
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th aria-sort={descending ? "descending" : "ascending"}>
                <UnstyledButton onClick={() => setDescending((d) => !d)} aria-label={t("org.sortName")}>
                  {t("org.name")} {descending ? "▼" : "▲"}
                </UnstyledButton>
              </Table.Th>
              <Table.Th>{t("org.kind")}</Table.Th>
              <Table.Th>{t("org.city")}</Table.Th>
              <Table.Th>{t("org.parent")}</Table.Th>
              <Table.Th>{t("org.status")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>
                  <Anchor
                    renderRoot={(props) => <Link {...props} to="/organisaties/$id" params={{ id: o.id }} />}
                  >
                    {o.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`org.kind.${o.kind}`)}</Table.Td>
                <Table.Td>{o.visitCity ?? ""}</Table.Td>
                <Table.Td>{o.parentName ?? ""}</Table.Td>
                <Table.Td>{t(`org.status.${o.status}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <MoreButton list={list} />
    </Stack>
  );
}
