import { Anchor, Group, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { isIsoDate } from "../../../shared/dates";
import { MEMBERSHIP_BODIES, type MembershipBody } from "../../../shared/network";
import { api, unwrap } from "../../api";
import { ExportButtons } from "../../components/ExportButtons";
import { PageTitle } from "../../components/PageTitle";
import { formatNumber, useT } from "../../i18n";
import type { MessageKey } from "../../i18n/nl";

/**
 * Members on a date of every coöperatie, vereniging, zorggroep and WSV, per discipline: the
 * region-wide table a bureau used to assemble from Excel sheets.
 */
export function MemberCountsPage() {
  const { t, lang } = useT();
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [kind, setKind] = useState<MembershipBody | null>("neighbourhood_network");
  const valid = isIsoDate(date);
  const table = useQuery({
    queryKey: ["member-counts-table", date, kind],
    enabled: valid,
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/memberships/counts", { params: { query: { date, kind: kind ?? undefined } } }),
      ),
    placeholderData: keepPreviousData,
  });
  const label = (d: string) =>
    d === "organisation" ? t("memberCounts.organisations") : t(`person.discipline.${d}` as MessageKey);
  const n = (x: number) => formatNumber(x, lang);
  const data = table.data;

  return (
    <Stack>
      <Anchor component={Link} to="/netwerk" size="sm">
        ← {t("nav.network")}
      </Anchor>
      <PageTitle>{t("memberCounts.title")}</PageTitle>
      <Text>{t("memberCounts.intro")}</Text>
      <Group align="flex-end">
        <TextInput
          type="date"
          label={t("membership.onDate")}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        <Select
          label={t("org.kind")}
          placeholder={t("map.all")}
          data={MEMBERSHIP_BODIES.map((k) => ({ value: k, label: t(`org.kind.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v as MembershipBody | null)}
          clearable
        />
        <ExportButtons path="/api/v1/memberships/counts/export" filter={{ date, kind: kind ?? undefined }} />
      </Group>
      {data && data.rows.length === 0 && <Text>{t("memberCounts.none")}</Text>}
      {data && data.rows.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Caption>
              {t("memberCounts.caption", { date: date.split("-").reverse().join("-") })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("memberCounts.body")}</Table.Th>
                <Table.Th scope="col">{t("memberCounts.total")}</Table.Th>
                {data.disciplines.map((d) => (
                  <Table.Th scope="col" key={d}>
                    {label(d)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((r) => (
                <Table.Tr key={r.organisationId}>
                  <Table.Th scope="row" fw="normal">
                    <Anchor
                      renderRoot={(props) => (
                        <Link {...props} to="/organisaties/$id" params={{ id: r.organisationId }} />
                      )}
                    >
                      {r.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td fw={700}>{n(r.total)}</Table.Td>
                  {data.disciplines.map((d) => (
                    <Table.Td key={d}>{n(r.byDiscipline[d] ?? 0)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
