import "@mantine/charts/styles.css";
import { BarChart, LineChart } from "@mantine/charts";
import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { PERIOD } from "../../../shared/kpi";
import { api, unwrap } from "../../api";
import { FormActions } from "../../components/FormActions";
import { PageTitle } from "../../components/PageTitle";
import { formatNumber, useT } from "../../i18n";
import { notify, notifyFormError } from "../../notify";
import { useSession } from "../../session";
import { useWijkOptions } from "../network/areas";
import { WsvSelect } from "../network/OrganisationSelect";
import { KpiForm } from "./KpiForm";
import { fetchKpi, type KpiDetail, kpiColor, kpiKey, useKpiChange } from "./kpis-api";

/** Record a measurement: the period, the value in the KPI's unit, and optionally a wijk or a WSV. */
function MeasurementForm({ kpi, onDone }: { kpi: KpiDetail; onDone: () => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const wijken = useWijkOptions();
  const form = useForm({
    initialValues: {
      period: "",
      value: "" as number | string,
      wijkCode: null as string | null,
      organisationId: null as string | null,
      note: "",
    },
    validate: {
      period: (v) => (PERIOD.test(v.trim().toUpperCase()) ? null : t("kpi.periodFormat")),
      value: (v) => (v === "" ? t("field.required") : null),
      organisationId: (v, values) => (v && values.wijkCode ? t("kpi.oneScope") : null),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      unwrap(
        await api.POST("/api/v1/kpis/{id}/measurements", {
          params: { path: { id: kpi.id } },
          body: {
            period: values.period.trim().toUpperCase(),
            value: Number(values.value),
            unit: kpi.unit,
            wijkCode: values.wijkCode,
            organisationId: values.organisationId,
            note: values.note.trim() || null,
          },
        }),
      );
      notify(t("kpi.measured"), "green");
      await queryClient.invalidateQueries({ queryKey: kpiKey(kpi.id) });
      await queryClient.invalidateQueries({ queryKey: ["kpis"] });
      onDone();
    } catch (e) {
      notifyFormError(form, e);
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label={t("kpi.measure")} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("kpi.period")}
              description={t("kpi.periodHelp", { from: kpi.plan.startYear, to: kpi.plan.endYear })}
              required
              {...form.getInputProps("period")}
            />
            <NumberInput
              label={t("kpi.valueIn", { unit: kpi.unit })}
              decimalSeparator=","
              required
              {...form.getInputProps("value")}
            />
            <Select
              label={t("kpi.wijk")}
              description={t("kpi.wijkHelp")}
              data={wijken}
              searchable
              clearable
              {...form.getInputProps("wijkCode")}
            />
            <WsvSelect
              label={t("kpi.wsv")}
              description={t("kpi.wsvHelp")}
              clearable
              clearButtonProps={{ "aria-label": t("kpi.noWsv") }}
              {...form.getInputProps("organisationId")}
            />
            <TextInput label={t("kpi.note")} {...form.getInputProps("note")} />
          </SimpleGrid>
          <FormActions submit={t("kpi.measure")} loading={form.submitting} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}

/**
 * The region's series as a line against the target, and the newest period per wijk or WSV as bars.
 * Each chart has a text alternative; the table below lists every value.
 */
function Charts({ kpi }: { kpi: KpiDetail }) {
  const { t, lang } = useT();
  const n = (x: number) => formatNumber(x, lang);
  const region = kpi.measurements.filter((m) => !m.wijk && !m.organisation);
  const scoped = kpi.measurements.filter((m) => m.wijk || m.organisation);
  const newest = scoped.at(-1)?.period;
  const perWijk = scoped
    .filter((m) => m.period === newest)
    .map((m) => ({ name: m.wijk?.name ?? m.organisation?.name ?? "", value: m.value }));
  const series = t("kpi.seriesRegion");
  const target = t("kpi.target");
  return (
    <SimpleGrid cols={{ base: 1, md: perWijk.length ? 2 : 1 }}>
      {region.length > 0 && (
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t("kpi.chartLine")}
          </Title>
          <div
            role="img"
            aria-label={t("kpi.chartLineAlt", {
              values: region.map((m) => `${m.period}: ${n(m.value)}`).join(", "),
              target: n(kpi.target),
              unit: kpi.unit,
            })}
          >
            <LineChart
              h={240}
              data={region.map((m) => ({ period: m.period, [series]: m.value }))}
              dataKey="period"
              series={[{ name: series, color: "blue.9" }]}
              curveType="linear"
              referenceLines={[{ y: kpi.target, label: target, color: "green.9" }]}
              yAxisProps={{ domain: ["auto", "auto"] }}
              valueFormatter={(v) => `${n(v)} ${kpi.unit}`}
            />
          </div>
        </Stack>
      )}
      {perWijk.length > 0 && (
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t("kpi.chartBars", { period: newest ?? "" })}
          </Title>
          <div
            role="img"
            aria-label={t("kpi.chartBarsAlt", {
              values: perWijk.map((m) => `${m.name}: ${n(m.value)}`).join(", "),
              unit: kpi.unit,
            })}
          >
            <BarChart
              h={240}
              data={perWijk.map((m) => ({ scope: m.name, [series]: m.value }))}
              dataKey="scope"
              series={[{ name: series, color: "violet.9" }]}
              referenceLines={[{ y: kpi.target, label: target, color: "green.9" }]}
              valueFormatter={(v) => `${n(v)} ${kpi.unit}`}
            />
          </div>
        </Stack>
      )}
    </SimpleGrid>
  );
}

/**
 * One indicator: what it measures, from which baseline to which target, where it stands, its
 * measurements as charts and as a table. The bureau records and removes measurements.
 */
export function KpiPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t, lang } = useT();
  const session = useSession();
  const query = useQuery({ queryKey: kpiKey(id), queryFn: () => fetchKpi(id) });
  const change = useKpiChange(id);
  const [form, setForm] = useState<"measure" | "edit" | null>(null);
  if (query.isError) return <Text role="alert">{t("kpi.notFound")}</Text>;
  if (!query.data) return <Text>{t("common.loading")}</Text>;
  const kpi = query.data;
  const n = (x: number) => formatNumber(x, lang);
  const bureau = Boolean(session?.permissions["kpi.measure"]);
  const remove = (m: KpiDetail["measurements"][number]) =>
    change.run(
      async () =>
        unwrap(
          await api.DELETE("/api/v1/kpi-measurements/{id}", {
            params: { path: { id: m.id }, query: { version: m.version } },
          }),
        ),
      t("kpi.measurementRemoved", { period: m.period }),
    );

  return (
    <Stack>
      <PageTitle>{kpi.name}</PageTitle>
      <Group gap="xs">
        <Badge color={kpiColor[kpi.status]} variant="outline">
          {t(`kpi.status.${kpi.status}`)}
        </Badge>
        <Text size="sm">
          {kpi.resultArea.policyAreaName} · {kpi.resultArea.name}
        </Text>
      </Group>
      {kpi.definition && <Text>{kpi.definition}</Text>}
      <Text size="sm">
        {t("kpi.summary", {
          baseline: n(kpi.baseline),
          target: n(kpi.target),
          unit: kpi.unit,
          direction: t(`kpi.direction.${kpi.direction}`),
          plan: kpi.plan.title,
        })}
      </Text>
      {bureau && !form && (
        <Group>
          <Button onClick={() => setForm("measure")}>{t("kpi.measure")}</Button>
          <Button variant="default" onClick={() => setForm("edit")}>
            {t("common.edit")}
          </Button>
        </Group>
      )}
      {form === "measure" && <MeasurementForm kpi={kpi} onDone={() => setForm(null)} />}
      {form === "edit" && <KpiForm kpi={kpi} onDone={() => setForm(null)} />}
      <Charts kpi={kpi} />
      {kpi.measurements.length === 0 ? (
        <Text c="gray.7">{t("kpi.noMeasurements")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Caption>{t("kpi.measurements")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("kpi.period")}</Table.Th>
                <Table.Th>{t("kpi.scope")}</Table.Th>
                <Table.Th>{t("kpi.value")}</Table.Th>
                <Table.Th>{t("kpi.note")}</Table.Th>
                {bureau && <Table.Th>{t("action.more")}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {kpi.measurements.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.period}</Table.Td>
                  <Table.Td>{m.wijk?.name ?? m.organisation?.name ?? t("kpi.wholeRegion")}</Table.Td>
                  <Table.Td>
                    {n(m.value)} {kpi.unit}
                  </Table.Td>
                  <Table.Td>{m.note ?? ""}</Table.Td>
                  {bureau && (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="default"
                        aria-label={t("kpi.removeMeasurement", { period: m.period })}
                        onClick={() =>
                          window.confirm(t("kpi.removeConfirm", { period: m.period })) && remove(m)
                        }
                      >
                        {t("plan.remove")}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
