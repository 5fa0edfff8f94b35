import { MultiSelect, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import {
  AUDIENCE_KIND,
  CONSULTATION_AUDIENCES,
  type ConsultationAudience,
} from "../../../shared/consultation";
import { addDays, today } from "../../../shared/dates";
import { api, unwrap } from "../../api";
import { FormActions } from "../../components/FormActions";
import { useT } from "../../i18n";
import { notify, notifyFormError } from "../../notify";
import { useBodyOptions } from "./BodySelect";
import { type Consultation, consultationKey } from "./consultations-api";

/** The verenigingen or WSVs a round can be narrowed to, for the audience chosen. */
function useAudienceOptions(audience: ConsultationAudience) {
  const kind = AUDIENCE_KIND[audience];
  const query = useQuery({
    queryKey: ["organisations", "options", kind],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/organisations", { params: { query: { kind: kind!, limit: 200 } } }))
        .items,
    enabled: kind !== null,
  });
  return (query.data ?? []).map((o) => ({ value: o.id, label: o.name }));
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * Write an adviesnotitie, or change it while it is a concept: the werkgroep, the notitie, one
 * question per line, whom it goes to and until when. The beleidsterrein left empty is the
 * werkgroep's.
 */
export function ConsultationForm({
  consultation,
  onDone,
}: {
  consultation?: Consultation;
  onDone: () => void;
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const bodyOptions = useBodyOptions();
  const c = consultation;
  const form = useForm({
    initialValues: {
      bodyId: c?.bodyId ?? (null as string | null),
      policyArea: c?.policyArea ?? "",
      title: c?.title ?? "",
      text: c?.text ?? "",
      questions: c?.questions.join("\n") ?? "",
      audience: c?.audience ?? ("associations" as ConsultationAudience),
      audienceOrganisationIds: c?.audienceOrganisationIds ?? ([] as string[]),
      deadline: c?.deadline ?? addDays(today(), 21),
      decidingBodyId: c?.decidingBodyId ?? (null as string | null),
    },
    validate: {
      bodyId: (v) => (v ? null : t("field.required")),
      title: (v) => (v.trim() ? null : t("field.required")),
      questions: (v) => (lines(v).length ? null : t("consultation.questionsHelp")),
    },
  });
  const audienceOptions = useAudienceOptions(form.values.audience);
  const submit = form.onSubmit(async (values) => {
    const fields = {
      policyArea: values.policyArea.trim() || (c ? null : undefined),
      title: values.title.trim(),
      text: values.text.trim() || null,
      questions: lines(values.questions),
      audience: values.audience,
      audienceOrganisationIds: AUDIENCE_KIND[values.audience] ? values.audienceOrganisationIds : null,
      deadline: values.deadline || null,
      decidingBodyId: values.decidingBodyId,
    };
    try {
      const saved = c
        ? unwrap(
            await api.PATCH("/api/v1/consultations/{id}", {
              params: { path: { id: c.id } },
              body: { ...fields, version: c.version },
            }),
          )
        : unwrap(await api.POST("/api/v1/consultations", { body: { ...fields, bodyId: values.bodyId! } }));
      notify(t("common.saved"), "green");
      await queryClient.invalidateQueries({ queryKey: ["consultations"] });
      await queryClient.invalidateQueries({ queryKey: consultationKey(saved.id) });
      onDone();
      if (!c) await navigate({ to: "/consultaties/$id", params: { id: saved.id } });
    } catch (e) {
      notifyFormError(form, e);
    }
  });

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label={c ? t("consultation.edit") : t("consultation.new")} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t("consultation.body")}
              description={t("consultation.bodyHelp")}
              data={bodyOptions}
              searchable
              required
              disabled={Boolean(c)}
              {...form.getInputProps("bodyId")}
            />
            <TextInput
              label={t("consultation.policyArea")}
              description={t("consultation.policyAreaHelp")}
              {...form.getInputProps("policyArea")}
            />
          </SimpleGrid>
          <TextInput label={t("consultation.title")} required {...form.getInputProps("title")} />
          <Textarea
            label={t("consultation.text")}
            description={t("consultation.textHelp")}
            autosize
            minRows={4}
            {...form.getInputProps("text")}
          />
          <Textarea
            label={t("consultation.questions")}
            description={t("consultation.questionsHelp")}
            autosize
            minRows={2}
            required
            {...form.getInputProps("questions")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t("consultation.audience")}
              data={CONSULTATION_AUDIENCES.map((a) => ({ value: a, label: t(`consultation.audience.${a}`) }))}
              allowDeselect={false}
              {...form.getInputProps("audience")}
              onChange={(v) => {
                form.setFieldValue("audience", v as ConsultationAudience);
                form.setFieldValue("audienceOrganisationIds", []);
              }}
            />
            {AUDIENCE_KIND[form.values.audience] && (
              <MultiSelect
                label={t(`consultation.only.${form.values.audience as "associations" | "networks"}`)}
                description={t("consultation.onlyHelp")}
                data={audienceOptions}
                searchable
                clearable
                {...form.getInputProps("audienceOrganisationIds")}
              />
            )}
            <TextInput
              type="date"
              label={t("consultation.deadline")}
              description={t("consultation.deadlineHelp")}
              {...form.getInputProps("deadline")}
            />
            <Select
              label={t("consultation.decidingBody")}
              data={bodyOptions}
              searchable
              clearable
              {...form.getInputProps("decidingBodyId")}
            />
          </SimpleGrid>
          <FormActions
            submit={c ? t("common.save") : t("consultation.create")}
            loading={form.submitting}
            onCancel={onDone}
          />
        </Stack>
      </form>
    </Paper>
  );
}
