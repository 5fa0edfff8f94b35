import { NumberInput, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { BODY_CODE, BODY_KINDS, type BodyKind, DEFAULT_BODY_CODES } from "../../../shared/governance";
import { ApiProblem, api, unwrap } from "../../api";
import { FormActions } from "../../components/FormActions";
import { useT } from "../../i18n";
import { notify, notifyFormError } from "../../notify";

interface Body {
  id: string;
  kind: BodyKind;
  name: string;
  purpose: string | null;
  policyArea: string | null;
  quorumPercent: number | null;
  code: string | null;
  version: number;
}

/**
 * Set up a body, or change one: kind, name, purpose and (for a werkgroep) its beleidsterrein.
 * A new body opens on its own page, where its seats are added.
 */
export function BodyForm({ body, onDone }: { body?: Body; onDone: () => void }) {
  const { t } = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      kind: (body?.kind ?? null) as BodyKind | null,
      name: body?.name ?? "",
      purpose: body?.purpose ?? "",
      policyArea: body?.policyArea ?? "",
      quorumPercent: (body?.quorumPercent ?? "") as number | string,
      code: body?.code ?? "",
    },
    validateInputOnBlur: true,
    validate: {
      kind: (v) => (v ? null : t("field.required")),
      name: (v) => (v.trim() ? null : t("field.required")),
      quorumPercent: (v) => (v === "" || (Number(v) >= 1 && Number(v) <= 100) ? null : "1–100"),
      code: (v) => (v === "" || BODY_CODE.test(v) ? null : t("body.codeInvalid")),
    },
  });
  const submit = form.onSubmit(async (v) => {
    const fields = {
      kind: v.kind!,
      name: v.name.trim(),
      purpose: v.purpose.trim() || null,
      policyArea: v.policyArea.trim() || null,
      quorumPercent: v.quorumPercent === "" ? null : Number(v.quorumPercent),
      code: v.code || null,
    };
    try {
      const saved = body
        ? unwrap(
            await api.PATCH("/api/v1/bodies/{id}", {
              params: { path: { id: body.id } },
              body: { version: body.version, ...fields },
            }),
          )
        : unwrap(await api.POST("/api/v1/bodies", { body: fields }));
      await queryClient.invalidateQueries({ queryKey: ["bodies"] });
      await queryClient.invalidateQueries({ queryKey: ["body", saved.id] });
      notify(t("common.saved"), "green");
      onDone();
      if (!body) await navigate({ to: "/organen/$id", params: { id: saved.id } });
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 409) {
        notify(t("common.conflict"), "red");
        await queryClient.invalidateQueries({ queryKey: ["body", body?.id] });
        onDone();
      } else notifyFormError(form, e);
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label={body ? t("body.edit") : t("body.add")}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t("body.kind")}
              required
              data={BODY_KINDS.map((k) => ({ value: k, label: t(`body.kind.${k}`) }))}
              allowDeselect={false}
              {...form.getInputProps("kind")}
            />
            <TextInput label={t("body.name")} required {...form.getInputProps("name")} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("body.policyArea")}
              description={t("body.policyAreaHelp")}
              {...form.getInputProps("policyArea")}
            />
            <NumberInput
              label={t("body.quorumPercent")}
              description={t("body.quorumPercentHelp")}
              min={1}
              max={100}
              suffix="%"
              {...form.getInputProps("quorumPercent")}
            />
          </SimpleGrid>
          <TextInput
            label={t("body.code")}
            description={t("body.codeHelp", {
              code: form.values.kind ? DEFAULT_BODY_CODES[form.values.kind] : "ST",
            })}
            maxLength={8}
            {...form.getInputProps("code")}
            onChange={(e) => form.setFieldValue("code", e.currentTarget.value.toUpperCase())}
          />
          <Textarea label={t("body.purpose")} autosize minRows={2} {...form.getInputProps("purpose")} />
          <FormActions
            submit={body ? t("common.save") : t("body.add")}
            loading={form.submitting}
            onCancel={onDone}
          />
        </Stack>
      </form>
    </Paper>
  );
}
