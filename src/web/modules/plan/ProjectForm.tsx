import { MultiSelect, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { WORK_LEVELS, type WorkLevel } from "../../../shared/plan";
import { api, unwrap } from "../../api";
import { FormActions } from "../../components/FormActions";
import { useT } from "../../i18n";
import { notify, notifyFormError } from "../../notify";
import { useBodyOptions } from "../governance/BodySelect";
import { useWijkOptions } from "../network/areas";
import { PersonSelect } from "../network/PersonSelect";
import { type Project, useProgrammes, useResultAreaOptions } from "./projects-api";

/**
 * Start a project, or change one: its programme, name and goals, level, projectleider, werkgroep,
 * when it runs and which resultaatgebieden of the regioplan it serves.
 */
export function ProjectForm({ project, onDone }: { project?: Project; onDone: () => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const programmes = useProgrammes();
  const bodies = useBodyOptions();
  const resultAreas = useResultAreaOptions();
  const wijken = useWijkOptions();
  const p = project;
  const form = useForm({
    initialValues: {
      programmeId: p?.programmeId ?? (null as string | null),
      name: p?.name ?? "",
      goals: p?.goals ?? "",
      level: p?.level ?? ("district" as WorkLevel),
      leaderPersonId: p?.leader?.id ?? (null as string | null),
      workingGroupId: p?.workingGroup?.id ?? (null as string | null),
      startDate: p?.startDate ?? "",
      endDate: p?.endDate ?? "",
      resultAreaIds: p?.resultAreas.map((r) => r.id) ?? ([] as string[]),
      wijkCodes: p?.wijken.map((w) => w.code) ?? ([] as string[]),
    },
    validate: {
      programmeId: (v) => (v ? null : t("field.required")),
      name: (v) => (v.trim() ? null : t("field.required")),
      endDate: (v, values) =>
        v && values.startDate && v < values.startDate ? t("project.periodOrder") : null,
    },
  });
  const submit = form.onSubmit(async (values) => {
    const fields = {
      name: values.name.trim(),
      goals: values.goals.trim() || null,
      level: values.level,
      leaderPersonId: values.leaderPersonId,
      workingGroupId: values.workingGroupId,
      startDate: values.startDate || null,
      endDate: values.endDate || null,
      resultAreaIds: values.resultAreaIds,
      wijkCodes: values.wijkCodes,
    };
    try {
      if (p)
        unwrap(
          await api.PATCH("/api/v1/projects/{id}", {
            params: { path: { id: p.id } },
            body: { ...fields, programmeId: values.programmeId!, version: p.version },
          }),
        );
      else
        unwrap(await api.POST("/api/v1/projects", { body: { ...fields, programmeId: values.programmeId! } }));
      notify(t("common.saved"), "green");
      await queryClient.invalidateQueries({ queryKey: ["projects"] });
      await queryClient.invalidateQueries({ queryKey: ["programmes"] });
      onDone();
    } catch (e) {
      notifyFormError(form, e);
    }
  });

  return (
    <Paper withBorder p="md">
      <form
        onSubmit={submit}
        aria-label={p ? t("project.editNamed", { name: p.name }) : t("project.new")}
        noValidate
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t("project.programme")}
              data={(programmes.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
              searchable
              required
              {...form.getInputProps("programmeId")}
            />
            <TextInput label={t("project.name")} required {...form.getInputProps("name")} />
            <Select
              label={t("project.level")}
              data={WORK_LEVELS.map((l) => ({ value: l, label: t(`programme.level.${l}`) }))}
              allowDeselect={false}
              {...form.getInputProps("level")}
            />
            <PersonSelect
              label={t("project.leader")}
              clearable
              current={p?.leader ?? null}
              {...form.getInputProps("leaderPersonId")}
            />
            <Select
              label={t("project.workingGroup")}
              data={bodies}
              searchable
              clearable
              {...form.getInputProps("workingGroupId")}
            />
            <MultiSelect
              label={t("project.resultAreas")}
              description={t("project.resultAreasHelp")}
              data={resultAreas}
              searchable
              clearable
              {...form.getInputProps("resultAreaIds")}
            />
            <MultiSelect
              label={t("project.wijken")}
              data={wijken}
              searchable
              clearable
              {...form.getInputProps("wijkCodes")}
            />
            <TextInput type="date" label={t("project.startDate")} {...form.getInputProps("startDate")} />
            <TextInput type="date" label={t("project.endDate")} {...form.getInputProps("endDate")} />
          </SimpleGrid>
          <Textarea label={t("project.goals")} autosize minRows={3} {...form.getInputProps("goals")} />
          <FormActions
            submit={p ? t("common.save") : t("project.create")}
            loading={form.submitting}
            onCancel={onDone}
          />
        </Stack>
      </form>
    </Paper>
  );
}
