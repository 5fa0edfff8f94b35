import { Button, Group } from "@mantine/core";
import { useT } from "../i18n";

/** The buttons under an inline form: submit (busy while it saves) and "Annuleren". */
export function FormActions({
  submit,
  loading,
  onCancel,
}: {
  submit: string;
  loading: boolean;
  onCancel: () => void;
}) {
  const { t } = useT();
  return (
    <Group>
      <Button type="submit" loading={loading}>
        {submit}
      </Button>
      <Button variant="default" onClick={onCancel}>
        {t("common.cancel")}
      </Button>
    </Group>
  );
}
