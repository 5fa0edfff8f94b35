import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { api, fileBody, unwrap } from "../../api";
import { ExportButtons } from "../../components/ExportButtons";
import { FileImport, type ImportMode } from "../../components/FileImport";
import { ListToolbar } from "../../components/ListToolbar";
import { loadedCount, MoreButton, usePagedList } from "../../components/PagedList";
import { PageTitle } from "../../components/PageTitle";
import { formatNumber, useT } from "../../i18n";
import { notify } from "../../notify";
import { useSession } from "../../session";
import { useSearch } from "../../use-search";
import { KpiForm } from "./KpiForm";
import { kpiColor } from "./kpis-api";

const upload = async (file: File, query: { mode: ImportMode; dryRun: boolean }) =>
  unwrap(
    await api.POST("/api/v1/kpis/import", {
      params: { query: { ...query, dryRun: String(query.dryRun) as "true" | "false" } },
      ...fileBody(file),
    }),
  );

/** Measurements from a spreadsheet: indicator, periode, waarde (and eenheid, wijk, toelichting). */
function MeasurementImport() {
  const { t, lang } = useT();
  const queryClient = useQueryClient();
  const n = (x: number) => formatNumber(x, lang);
  return (
    <FileImport
      title={t("kpi.import")}
      help={t("kpi.importHelp")}
      fileLabel={t("areas.file")}
      checkLabel={t("areas.check")}
      upload={upload}
      summary={(r) =>
        t(r.imported ? "kpi.reportImported" : "kpi.reportChecked", { rows: n(r.rows), valid: n(r.validRows) })
      }
      onImported={async (r) => {
        notify(t("kpi.imported", { count: r.validRows }));
        await queryClient.invalidateQueries({ queryKey: ["kpis"] });
        await queryClient.invalidateQueries({ queryKey: ["kpi"] });
      }}
    />
  );
}

/**
 * The indicators of the regioplan: each with its newest measurement against the target and
 * whether it is on course. The bureau defines them and imports measurements.
 */
export function KpisPage() {
  const { t, lang } = useT();
  const session = useSession();
  const [query, searchBox] = useSearch();
  const [form, setForm] = useState(false);
  const filter = query ? { q: query } : {};
  const { list, rows } = usePagedList(["kpis", filter], async (cursor) =>
    unwrap(await api.GET("/api/v1/kpis", { params: { query: { ...filter, cursor, limit: 50 } } })),
  );
  const bureau = Boolean(session?.permissions["kpi.create"]);
  const n = (x: number) => formatNumber(x, lang);

  return (
    <Stack>
      <PageTitle>{t("kpi.listTitle")}</PageTitle>
      <Text c="gray.7" size="sm">
        {t("kpi.intro")}
      </Text>
      {bureau &&
        (form ? (
          <KpiForm onDone={() => setForm(false)} />
        ) : (
          <Group>
            <Button onClick={() => setForm(true)}>{t("kpi.new")}</Button>
          </Group>
        ))}
      <TextInput label={t("kpi.search")} type="search" {...searchBox} maw={360} />
      <ListToolbar count={t("kpi.count", { count: loadedCount(list, rows) })}>
        <ExportButtons path="/api/v1/kpis/export" filter={filter} />
      </ListToolbar>
      {rows.length === 0 ? (
        <Text c="gray.7">{t("kpi.none")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("kpi.name")}</Table.Th>
                <Table.Th>{t("kpi.resultArea")}</Table.Th>
                <Table.Th>{t("kpi.latest")}</Table.Th>
                <Table.Th>{t("kpi.target")}</Table.Th>
                <Table.Th>{t("kpi.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => <Link {...props} to="/indicatoren/$id" params={{ id: k.id }} />}
                    >
                      {k.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{k.resultArea.name}</Table.Td>
                  <Table.Td>
                    {k.latest ? `${n(k.latest.value)} ${k.unit} (${k.latest.period})` : "—"}
                  </Table.Td>
                  <Table.Td>
                    {n(k.target)} {k.unit}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={kpiColor[k.status]} variant="outline">
                      {t(`kpi.status.${k.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <MoreButton list={list} />
      {bureau && <MeasurementImport />}
    </Stack>
  );
}
