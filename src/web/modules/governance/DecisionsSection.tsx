import { Button, Group, Paper, Select, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api";
import { FormActions } from "../../components/FormActions";
import { useT } from "../../i18n";
import { notify, notifyFormError } from "../../notify";
import type { Meeting } from "./meetings-api";

/** The agenda items as choices, "3. Adviesnotitie wondzorg"; confidential ones by number only. */
export function useAgendaOptions(meeting: Pick<Meeting, "agenda">) {
  const { t } = useT();
  return meeting.agenda.map((i) => ({
    value: i.id,
    label: `${i.number}. ${i.title ?? t("agenda.confidentialHidden")}`,
  }));
}

function DecisionForm({ meeting, onDone }: { meeting: Meeting; onDone: () => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const agendaOptions = useAgendaOptions(meeting);
  const form = useForm({
    initialValues: { text: "", agendaItemId: null as string | null },
    validate: { text: (v) => (v.trim() ? null : t("field.required")) },
  });
  const submit = form.onSubmit(async (v) => {
    try {
      const decision = unwrap(
        await api.POST("/api/v1/meetings/{id}/decisions", {
          params: { path: { id: meeting.id } },
          body: { text: v.text.trim(), agendaItemId: v.agendaItemId },
        }),
      );
      notify(`${decision.number}: ${t("common.saved")}`, "green");
      await queryClient.invalidateQueries({ queryKey: ["decisions"] });
      onDone();
    } catch (e) {
      notifyFormError(form, e);
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label={t("decision.add")}>
        <Stack>
          <Textarea
            label={t("decision.text")}
            required
            autosize
            minRows={2}
            {...form.getInputProps("text")}
          />
          <Select
            label={t("decision.agendaItem")}
            clearable
            data={agendaOptions}
            {...form.getInputProps("agendaItemId")}
          />
          <FormActions submit={t("decision.add")} loading={form.submitting} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}

/**
 * The meeting's decisions with their numbers (ST-2026-014); the bureau records them while the
 * minutes are open.
 */
export function DecisionsSection({ meeting, canRecord }: { meeting: Meeting; canRecord: boolean }) {
  const { t } = useT();
  const [adding, setAdding] = useState(false);
  const decisions = useQuery({
    queryKey: ["decisions", { meetingId: meeting.id }],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/decisions", { params: { query: { meetingId: meeting.id, limit: 200 } } }))
        .items,
  });
  const rows = [...(decisions.data ?? [])].reverse();
  const open = canRecord && !meeting.minutesApprovedIn && !meeting.cancelled;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t("decision.title")}
        </Title>
        {open && !adding && (
          <Button size="xs" onClick={() => setAdding(true)}>
            {t("decision.add")}
          </Button>
        )}
      </Group>
      {adding && <DecisionForm meeting={meeting} onDone={() => setAdding(false)} />}
      {rows.length === 0 ? (
        <Text c="gray.7">{t("decision.none")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("decision.number")}</Table.Th>
                <Table.Th>{t("decision.text")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{d.number}</Table.Td>
                  <Table.Td>{d.text}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
