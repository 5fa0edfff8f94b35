import { NumberInput, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { KPI_DIRECTIONS, type KpiDirection } from "../../../shared/kpi";
import { api, unwrap } from "../../api";
import { FormActions } from "../../components/FormActions";
import { useT } from "../../i18n";
import { notify, notifyFormError } from "../../notify";
import type { KpiDetail } from "./kpis-api";
import { useResultAreaOptions } from "./projects-api";

/**
 * Define an indicator, or change one: the resultaatgebied it measures, its definition and unit,
 * the baseline (nulmeting), the target and whether higher or lower is better.
 */
export function KpiForm({ kpi, onDone }: { kpi?: KpiDetail; onDone: () => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const resultAreas = useResultAreaOptions();
  const form = useForm({
    initialValues: {
      resultAreaId: kpi?.resultArea.id ?? (null as string | null),
      name: kpi?.name ?? "",
      definition: kpi?.definition ?? "",
      unit: kpi?.unit ?? "",
      baseline: (kpi?.baseline ?? "") as number | string,
      target: (kpi?.target ?? "") as number | string,
      direction: kpi?.direction ?? ("up" as KpiDirection),
    },
    validate: {
      resultAreaId: (v) => (v ? null : t("field.required")),
      name: (v) => (v.trim() ? null : t("field.required")),
      unit: (v) => (v.trim() ? null : t("field.required")),
      baseline: (v) => (v === "" ? t("field.required") : null),
      target: (v, values) =>
        v === ""
          ? t("field.required")
          : Number(v) === Number(values.baseline)
            ? t("kpi.targetIsBaseline")
            : null,
    },
  });
  const submit = form.onSubmit(async (values) => {
    const body = {
      resultAreaId: values.resultAreaId!,
      name: values.name.trim(),
      definition: values.definition.trim() || null,
      unit: values.unit.trim(),
      baseline: Number(values.baseline),
      target: Number(values.target),
      direction: values.direction,
    };
    try {
      if (kpi)
        unwrap(
          await api.PATCH("/api/v1/kpis/{id}", {
            params: { path: { id: kpi.id } },
            body: { ...body, version: kpi.version },
          }),
        );
      else unwrap(await api.POST("/api/v1/kpis", { body }));
      notify(t("common.saved"), "green");
      await queryClient.invalidateQueries({ queryKey: ["kpis"] });
      await queryClient.invalidateQueries({ queryKey: ["kpi"] });
      onDone();
    } catch (e) {
      notifyFormError(form, e);
    }
  });
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={submit}
        aria-label={kpi ? t("kpi.editNamed", { name: kpi.name }) : t("kpi.new")}
        noValidate
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t("kpi.name")} required {...form.getInputProps("name")} />
            <Select
              label={t("kpi.resultArea")}
              data={resultAreas}
              searchable
              required
              {...form.getInputProps("resultAreaId")}
            />
            <TextInput
              label={t("kpi.unit")}
              description={t("kpi.unitHelp")}
              required
              {...form.getInputProps("unit")}
            />
            <Select
              label={t("kpi.direction")}
              data={KPI_DIRECTIONS.map((d) => ({ value: d, label: t(`kpi.direction.${d}`) }))}
              allowDeselect={false}
              {...form.getInputProps("direction")}
            />
            <NumberInput
              label={t("kpi.baseline")}
              decimalSeparator=","
              required
              {...form.getInputProps("baseline")}
            />
            <NumberInput
              label={t("kpi.target")}
              decimalSeparator=","
              required
              {...form.getInputProps("target")}
            />
          </SimpleGrid>
          <Textarea label={t("kpi.definition")} autosize minRows={2} {...form.getInputProps("definition")} />
          <FormActions
            submit={kpi ? t("common.save") : t("kpi.create")}
            loading={form.submitting}
            onCancel={onDone}
          />
        </Stack>
      </form>
    </Paper>
  );
}
