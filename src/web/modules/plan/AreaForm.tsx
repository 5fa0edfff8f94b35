import { Paper, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { FormActions } from "../../components/FormActions";
import { useT } from "../../i18n";
import { notifyFormError } from "../../notify";

export interface AreaValues {
  name: string;
  description: string | null;
}

/**
 * Name and description of a beleidsterrein or a resultaatgebied, to add one or change it.
 * `save` sends it; a field the server refuses (a name used twice) shows at its field.
 */
export function AreaForm({
  label,
  submit,
  initial,
  save,
  onDone,
}: {
  label: string;
  submit: string;
  initial?: AreaValues;
  save: (values: AreaValues) => Promise<unknown>;
  onDone: () => void;
}) {
  const { t } = useT();
  const form = useForm({
    initialValues: { name: initial?.name ?? "", description: initial?.description ?? "" },
    validate: { name: (v) => (v.trim() ? null : t("field.required")) },
  });
  const onSubmit = form.onSubmit(async (values) => {
    try {
      await save({ name: values.name.trim(), description: values.description.trim() || null });
      form.reset();
      onDone();
    } catch (e) {
      notifyFormError(form, e);
    }
  });
  return (
    <Paper withBorder p="sm">
      <form onSubmit={onSubmit} aria-label={label} noValidate>
        <Stack gap="xs">
          <TextInput label={t("plan.areaName")} required {...form.getInputProps("name")} />
          <Textarea
            label={t("plan.areaDescription")}
            autosize
            minRows={2}
            {...form.getInputProps("description")}
          />
          <FormActions submit={submit} loading={form.submitting} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}
