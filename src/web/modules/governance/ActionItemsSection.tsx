import { Button, Group, Paper, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { addDays, today } from "../../../shared/dates";
import { api, unwrap } from "../../api";
import { FormActions } from "../../components/FormActions";
import { useT } from "../../i18n";
import { notify, notifyFormError } from "../../notify";
import { PersonSelect } from "../network/PersonSelect";
import { ActionItemTable, fetchActionItems } from "./ActionItemTable";
import { useAgendaOptions } from "./DecisionsSection";
import type { Meeting } from "./meetings-api";

function ActionItemForm({ meeting, onDone }: { meeting: Meeting; onDone: () => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const agendaOptions = useAgendaOptions(meeting);
  const form = useForm({
    initialValues: {
      description: "",
      ownerPersonId: null as string | null,
      dueDate: addDays(today(), 28),
      agendaItemId: null as string | null,
    },
    validate: {
      description: (v) => (v.trim() ? null : t("field.required")),
      ownerPersonId: (v) => (v ? null : t("field.required")),
      dueDate: (v) => (v ? null : t("field.required")),
    },
  });
  const submit = form.onSubmit(async (v) => {
    try {
      unwrap(
        await api.POST("/api/v1/meetings/{id}/action-items", {
          params: { path: { id: meeting.id } },
          body: {
            description: v.description.trim(),
            ownerPersonId: v.ownerPersonId!,
            dueDate: v.dueDate,
            agendaItemId: v.agendaItemId,
          },
        }),
      );
      notify(t("common.saved"), "green");
      await queryClient.invalidateQueries({ queryKey: ["action-items"] });
      onDone();
    } catch (e) {
      notifyFormError(form, e);
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label={t("actionItem.add")}>
        <Stack>
          <Textarea
            label={t("actionItem.description")}
            required
            autosize
            minRows={2}
            {...form.getInputProps("description")}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <PersonSelect label={t("actionItem.owner")} required {...form.getInputProps("ownerPersonId")} />
            <TextInput
              type="date"
              label={t("actionItem.dueDate")}
              required
              {...form.getInputProps("dueDate")}
            />
            <Select
              label={t("decision.agendaItem")}
              clearable
              data={agendaOptions}
              {...form.getInputProps("agendaItemId")}
            />
          </SimpleGrid>
          <FormActions submit={t("actionItem.add")} loading={form.submitting} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}

/** The meeting's action items: who does what by when; the bureau records them. */
export function ActionItemsSection({ meeting, canRecord }: { meeting: Meeting; canRecord: boolean }) {
  const { t } = useT();
  const [adding, setAdding] = useState(false);
  const actions = useQuery({
    queryKey: ["action-items", { meetingId: meeting.id }],
    queryFn: async () => (await fetchActionItems({ meetingId: meeting.id })).items,
  });
  const open = canRecord && !meeting.cancelled;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t("actionItem.title")}
        </Title>
        {open && !adding && (
          <Button size="xs" onClick={() => setAdding(true)}>
            {t("actionItem.add")}
          </Button>
        )}
      </Group>
      {adding && <ActionItemForm meeting={meeting} onDone={() => setAdding(false)} />}
      <ActionItemTable items={actions.data ?? []} />
    </Stack>
  );
}
