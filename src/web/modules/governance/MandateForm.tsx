import { FileInput, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { today } from "../../../shared/dates";
import { ApiProblem, api, fileBody, unwrap } from "../../api";
import { FormActions } from "../../components/FormActions";
import type { Option } from "../../components/SearchSelect";
import { useT } from "../../i18n";
import { notify, notifyError } from "../../notify";
import { OrganisationsMultiSelect } from "../network/OrganisationSelect";
import { PersonSelect } from "../network/PersonSelect";

export const MANDATE_DOCUMENT_ACCEPT =
  "application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/png,image/jpeg";

/** Uploads the document that grants a mandate (multipart field "file"). */
export async function uploadMandateDocument(mandateId: string, file: File) {
  return unwrap(
    await api.PUT("/api/v1/mandates/{id}/document", {
      params: { path: { id: mandateId } },
      ...fileBody(file),
    }),
  );
}

/**
 * Record a mandate: who speaks, for which organisations (the constituency), about what, from when
 * until when, and the document that grants it. On a seat's row the seat and its holder are given.
 */
export function MandateForm({
  seat,
  holder,
  onDone,
}: {
  seat?: { id: string; label: string };
  holder?: Option | null;
  onDone: () => void;
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      personId: holder?.id ?? (null as string | null),
      constituency: "",
      organisations: [] as Option[],
      scope: "",
      validFrom: today(),
      validTo: "",
      document: null as File | null,
    },
    validate: {
      personId: (v) => (v ? null : t("field.required")),
      constituency: (v) => (v.trim() ? null : t("field.required")),
      organisations: (v) => (v.length ? null : t("mandate.organisationsRequired")),
      validFrom: (v) => (v ? null : t("field.required")),
      validTo: (v, all) => (v && v < all.validFrom ? t("field.periodOrder") : null),
    },
  });
  const submit = form.onSubmit(async (v) => {
    try {
      const mandate = unwrap(
        await api.POST("/api/v1/mandates", {
          body: {
            personId: v.personId!,
            seatId: seat?.id ?? null,
            constituency: v.constituency.trim(),
            scope: v.scope.trim() || null,
            validFrom: v.validFrom,
            validTo: v.validTo || null,
            organisationIds: v.organisations.map((o) => o.id),
          },
        }),
      );
      if (v.document) {
        // The mandate stands; a refused document can be added again from the list.
        await uploadMandateDocument(mandate.id, v.document).catch((e) =>
          notify(`${t("mandate.documentRefused")}: ${e instanceof ApiProblem ? e.title : ""}`, "red"),
        );
      }
      notify(t("common.saved"), "green");
      await queryClient.invalidateQueries({ queryKey: ["mandates"] });
      onDone();
    } catch (e) {
      if (e instanceof ApiProblem && e.errors.length)
        form.setErrors(
          Object.fromEntries(
            Object.entries(e.fieldErrors()).map(([field, message]) => [
              field.startsWith("organisationIds") ? "organisations" : field,
              message,
            ]),
          ),
        );
      else notifyError(e);
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label={t("mandate.add")}>
        <Stack>
          {seat && (
            <Text size="sm">
              {t("mandate.forSeat")}: {seat.label}
            </Text>
          )}
          <PersonSelect
            label={t("mandate.person")}
            required
            current={holder}
            {...form.getInputProps("personId")}
          />
          <TextInput
            label={t("mandate.constituency")}
            description={t("mandate.constituencyHelp")}
            required
            {...form.getInputProps("constituency")}
          />
          <OrganisationsMultiSelect
            label={t("mandate.organisations")}
            description={t("mandate.organisationsHelp")}
            required
            value={form.getValues().organisations}
            onChange={(v) => form.setFieldValue("organisations", v)}
            error={form.errors.organisations}
          />
          <Textarea label={t("mandate.scope")} autosize minRows={2} {...form.getInputProps("scope")} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t("mandate.validFrom")}
              required
              {...form.getInputProps("validFrom")}
            />
            <TextInput type="date" label={t("mandate.validTo")} {...form.getInputProps("validTo")} />
          </SimpleGrid>
          <FileInput
            label={t("mandate.document")}
            description={t("mandate.documentHelp")}
            accept={MANDATE_DOCUMENT_ACCEPT}
            clearable
            {...form.getInputProps("document")}
          />
          <FormActions submit={t("mandate.add")} loading={form.submitting} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}
