import { MultiSelect, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { ACTION_STATUSES, type ActionStatus } from "../../../shared/plan";
import { api, unwrap } from "../../api";
import { FormActions } from "../../components/FormActions";
import { useT } from "../../i18n";
import { notify, notifyFormError } from "../../notify";
import { useSession } from "../../session";
import { useWijkOptions } from "../network/areas";
import { OrganisationSelect } from "../network/OrganisationSelect";
import { PersonSelect } from "../network/PersonSelect";
import { type Action, useActionParentOptions } from "./actions-api";

/**
 * Add an action, or change one: what is to be done, by which organisation and/or person (also of
 * a partner), by when, in which wijk, and which other actions it waits for. Under a speerpunt
 * (`priorityId`) the speerpunt is given; otherwise it is chosen.
 */
export function ActionForm({
  action,
  priorityId,
  siblings = [],
  onDone,
}: {
  action?: Action & { dependsOn?: { id: string }[] };
  priorityId?: string;
  /** The actions it may wait for (those under the same speerpunt, or on the page). */
  siblings?: Action[];
  onDone: () => void;
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const session = useSession();
  // The bureau adds actions to speerpunten and projects; a projectleider to their own projects.
  const parents = useActionParentOptions(!session?.permissions["prioritisation.create"]);
  const wijken = useWijkOptions();
  const a = action;
  const form = useForm({
    initialValues: {
      parent: priorityId ? `priority:${priorityId}` : (null as string | null),
      title: a?.title ?? "",
      description: a?.description ?? "",
      ownerOrganisationId: a?.ownerOrganisation?.id ?? (null as string | null),
      ownerPersonId: a?.ownerPerson?.id ?? (null as string | null),
      dueDate: a?.dueDate ?? "",
      status: a?.status ?? ("open" as ActionStatus),
      wijkCode: a?.wijk?.code ?? (null as string | null),
      dependsOnIds: a?.dependsOn?.map((d) => d.id) ?? ([] as string[]),
    },
    validate: {
      parent: (v) => (v || a ? null : t("field.required")),
      title: (v) => (v.trim() ? null : t("field.required")),
      dueDate: (v) => (v ? null : t("field.required")),
      ownerPersonId: (v, values) => (v || values.ownerOrganisationId ? null : t("action.ownerRequired")),
    },
  });
  const submit = form.onSubmit(async (values) => {
    const fields = {
      title: values.title.trim(),
      description: values.description.trim() || null,
      ownerOrganisationId: values.ownerOrganisationId,
      ownerPersonId: values.ownerPersonId,
      dueDate: values.dueDate,
      wijkCode: values.wijkCode,
      dependsOnIds: values.dependsOnIds,
    };
    try {
      if (a)
        unwrap(
          await api.PATCH("/api/v1/actions/{id}", {
            params: { path: { id: a.id } },
            body: { ...fields, status: values.status, version: a.version },
          }),
        );
      else {
        const [kind, id] = (values.parent ?? ":").split(":");
        unwrap(
          await api.POST("/api/v1/actions", {
            body: { ...fields, ...(kind === "project" ? { projectId: id } : { priorityId: id }) },
          }),
        );
      }
      notify(t("common.saved"), "green");
      await queryClient.invalidateQueries({ queryKey: ["actions"] });
      await queryClient.invalidateQueries({ queryKey: ["prioritisation"] });
      onDone();
    } catch (e) {
      notifyFormError(form, e);
    }
  });

  return (
    <Paper withBorder p="md">
      <form
        onSubmit={submit}
        aria-label={a ? t("action.editNamed", { title: a.title }) : t("action.new")}
        noValidate
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t("action.title")} required {...form.getInputProps("title")} />
            {!priorityId && !a && (
              <Select
                label={t("action.for")}
                data={parents}
                searchable
                required
                {...form.getInputProps("parent")}
              />
            )}
            <OrganisationSelect
              label={t("action.ownerOrganisation")}
              clearable
              current={a?.ownerOrganisation ?? null}
              {...form.getInputProps("ownerOrganisationId")}
            />
            <PersonSelect
              label={t("action.ownerPerson")}
              description={t("action.ownerHelp")}
              clearable
              current={a?.ownerPerson ?? null}
              {...form.getInputProps("ownerPersonId")}
            />
            <TextInput type="date" label={t("action.dueDate")} required {...form.getInputProps("dueDate")} />
            <Select
              label={t("action.wijk")}
              data={wijken}
              searchable
              clearable
              {...form.getInputProps("wijkCode")}
            />
            {a && (
              <Select
                label={t("action.status")}
                data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`action.status.${s}`) }))}
                allowDeselect={false}
                {...form.getInputProps("status")}
              />
            )}
            <MultiSelect
              label={t("action.dependsOn")}
              description={t("action.dependsOnHelp")}
              data={siblings.filter((s) => s.id !== a?.id).map((s) => ({ value: s.id, label: s.title }))}
              searchable
              clearable
              {...form.getInputProps("dependsOnIds")}
            />
          </SimpleGrid>
          <Textarea
            label={t("action.description")}
            autosize
            minRows={2}
            {...form.getInputProps("description")}
          />
          <FormActions
            submit={a ? t("common.save") : t("action.create")}
            loading={form.submitting}
            onCancel={onDone}
          />
        </Stack>
      </form>
    </Paper>
  );
}
