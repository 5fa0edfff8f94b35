import { Paper, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { ApiProblem, api, unwrap } from "../../api";
import { FormActions } from "../../components/FormActions";
import { useT } from "../../i18n";
import { type Priority, usePrioritisationChange } from "./priorities-api";
import { useResultAreaOptions } from "./projects-api";

/**
 * Changes a speerpunt once it is chosen: its name, what it means, and the resultaatgebied of the
 * regioplan it contributes to (so the plan's page and the stuurgroep see which speerpunten serve it).
 */
export function PriorityForm({
  prioritisationId,
  priority,
  onDone,
}: {
  prioritisationId: string;
  priority: Priority;
  onDone: () => void;
}) {
  const { t } = useT();
  const change = usePrioritisationChange(prioritisationId);
  const resultAreas = useResultAreaOptions();
  const form = useForm({
    initialValues: {
      title: priority.title,
      description: priority.description ?? "",
      resultAreaId: priority.resultArea?.id ?? (null as string | null),
    },
    validate: { title: (v) => (v.trim() ? null : t("field.required")) },
  });
  const submit = form.onSubmit(async (values) => {
    const saved = await change.run(async () => {
      try {
        unwrap(
          await api.PATCH("/api/v1/priorities/{id}", {
            params: { path: { id: priority.id } },
            body: {
              version: priority.version,
              title: values.title.trim(),
              description: values.description.trim() || null,
              resultAreaId: values.resultAreaId,
            },
          }),
        );
      } catch (e) {
        if (e instanceof ApiProblem && e.errors.length) form.setErrors(e.fieldErrors());
        throw e;
      }
    }, t("common.saved"));
    if (saved) onDone();
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label={t("priority.editNamed", { title: priority.title })} noValidate>
        <Stack>
          <TextInput label={t("priority.title")} required {...form.getInputProps("title")} />
          <Textarea
            label={t("priority.description")}
            autosize
            minRows={2}
            {...form.getInputProps("description")}
          />
          <Select
            label={t("priority.resultAreaField")}
            description={t("priority.resultAreaHelp")}
            data={resultAreas}
            searchable
            clearable
            clearButtonProps={{ "aria-label": t("priority.noResultArea") }}
            nothingFoundMessage={t("priority.noResultAreas")}
            {...form.getInputProps("resultAreaId")}
          />
          <FormActions submit={t("common.save")} loading={change.busy} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}
