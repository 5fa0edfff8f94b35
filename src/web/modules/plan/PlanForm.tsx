import { Paper, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { PLAN_MAX_YEARS } from "../../../shared/plan";
import { api, unwrap } from "../../api";
import { FormActions } from "../../components/FormActions";
import { useT } from "../../i18n";
import { notify, notifyFormError } from "../../notify";
import { type Plan, planKey } from "./plan-api";

/**
 * Begin a regioplan, or change a concept: its title, the years it covers, the shared vision and
 * the collective ambitions (both Markdown).
 */
export function PlanForm({ plan, onDone }: { plan?: Plan; onDone: () => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const thisYear = new Date().getFullYear();
  const form = useForm({
    initialValues: {
      title: plan?.title ?? "",
      startYear: String(plan?.startYear ?? thisYear),
      endYear: String(plan?.endYear ?? thisYear + 2),
      vision: plan?.vision ?? "",
      ambitions: plan?.ambitions ?? "",
    },
    validate: {
      title: (v) => (v.trim() ? null : t("field.required")),
      startYear: (v) => (/^\d{4}$/.test(v) ? null : t("plan.yearHelp")),
      endYear: (v, values) =>
        !/^\d{4}$/.test(v)
          ? t("plan.yearHelp")
          : Number(v) < Number(values.startYear)
            ? t("plan.periodOrder")
            : Number(v) - Number(values.startYear) >= PLAN_MAX_YEARS
              ? t("plan.periodLength", { years: PLAN_MAX_YEARS })
              : null,
    },
  });
  const submit = form.onSubmit(async (values) => {
    const fields = {
      title: values.title.trim(),
      startYear: Number(values.startYear),
      endYear: Number(values.endYear),
      vision: values.vision.trim() || null,
      ambitions: values.ambitions.trim() || null,
    };
    try {
      const saved = plan
        ? unwrap(
            await api.PATCH("/api/v1/plans/{id}", {
              params: { path: { id: plan.id } },
              body: { ...fields, version: plan.version },
            }),
          )
        : unwrap(await api.POST("/api/v1/plans", { body: fields }));
      notify(t("common.saved"), "green");
      await queryClient.invalidateQueries({ queryKey: ["plans"] });
      await queryClient.invalidateQueries({ queryKey: planKey(saved.id) });
      onDone();
      if (!plan) await navigate({ to: "/regioplan/$id", params: { id: saved.id } });
    } catch (e) {
      notifyFormError(form, e);
    }
  });

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label={plan ? t("plan.edit") : t("plan.new")} noValidate>
        <Stack>
          <TextInput label={t("plan.title")} required {...form.getInputProps("title")} />
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <TextInput
              label={t("plan.startYear")}
              inputMode="numeric"
              maxLength={4}
              required
              {...form.getInputProps("startYear")}
            />
            <TextInput
              label={t("plan.endYear")}
              inputMode="numeric"
              maxLength={4}
              required
              {...form.getInputProps("endYear")}
            />
          </SimpleGrid>
          <Textarea
            label={t("plan.vision")}
            description={t("plan.markdownHelp")}
            autosize
            minRows={3}
            {...form.getInputProps("vision")}
          />
          <Textarea
            label={t("plan.ambitions")}
            description={t("plan.markdownHelp")}
            autosize
            minRows={3}
            {...form.getInputProps("ambitions")}
          />
          <FormActions
            submit={plan ? t("common.save") : t("plan.create")}
            loading={form.submitting}
            onCancel={onDone}
          />
        </Stack>
      </form>
    </Paper>
  );
}
