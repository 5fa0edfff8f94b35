import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { AGENDA_ITEM_KINDS, type AgendaItemKind } from "../../../shared/governance";
import { ApiProblem, api, unwrap } from "../../api";
import { FormActions } from "../../components/FormActions";
import { useT } from "../../i18n";
import { notify, notifyError, notifyFormError } from "../../notify";
import { PersonSelect } from "../network/PersonSelect";
import { type AgendaItem, type Meeting, meetingKey } from "./meetings-api";

/**
 * Runs an agenda change. Every change carries the agenda version this page showed; when someone
 * else changed the agenda first, the server answers 409 with the current meeting, which then
 * replaces what is on screen, and the user is told to check and retry.
 */
function useAgendaChange(meeting: Meeting) {
  const { t } = useT();
  const queryClient = useQueryClient();
  return async (change: (agendaVersion: number) => Promise<Meeting>) => {
    try {
      const updated = await change(meeting.agendaVersion);
      queryClient.setQueryData(meetingKey(meeting.id), updated);
      return true;
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 409 && e.body.current) {
        queryClient.setQueryData(meetingKey(meeting.id), e.body.current as Meeting);
        notify(t("agenda.conflict"), "red");
        return true;
      }
      throw e;
    }
  };
}

function AgendaItemForm({
  meeting,
  item,
  onDone,
}: {
  meeting: Meeting;
  item?: AgendaItem;
  onDone: () => void;
}) {
  const { t } = useT();
  const change = useAgendaChange(meeting);
  const form = useForm({
    initialValues: {
      title: item?.title ?? "",
      kind: (item?.kind ?? "discussion") as AgendaItemKind,
      presenterPersonId: item?.presenterPersonId ?? (null as string | null),
      minutesAllotted: (item?.minutesAllotted ?? "") as number | string,
      description: item?.description ?? "",
      confidential: item?.confidential ?? false,
    },
    validate: {
      title: (v) => (v.trim() ? null : t("field.required")),
      minutesAllotted: (v) => (v === "" || (Number(v) >= 1 && Number(v) <= 600) ? null : "1–600"),
    },
  });
  const submit = form.onSubmit(async (v) => {
    const fields = {
      title: v.title.trim(),
      kind: v.kind,
      presenterPersonId: v.presenterPersonId,
      minutesAllotted: v.minutesAllotted === "" ? null : Number(v.minutesAllotted),
      description: v.description.trim() || null,
      confidential: v.confidential,
    };
    try {
      await change(async (agendaVersion) =>
        item
          ? unwrap(
              await api.PATCH("/api/v1/agenda-items/{id}", {
                params: { path: { id: item.id } },
                body: { agendaVersion, ...fields },
              }),
            )
          : unwrap(
              await api.POST("/api/v1/meetings/{id}/agenda-items", {
                params: { path: { id: meeting.id } },
                body: { agendaVersion, ...fields },
              }),
            ),
      );
      onDone();
    } catch (e) {
      notifyFormError(form, e);
    }
  });
  const label = item ? t("agenda.edit") : t("agenda.add");
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label={label}>
        <Stack>
          <TextInput label={t("agenda.itemTitle")} required {...form.getInputProps("title")} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t("agenda.kind")}
              allowDeselect={false}
              data={AGENDA_ITEM_KINDS.map((k) => ({ value: k, label: t(`agenda.kind.${k}`) }))}
              {...form.getInputProps("kind")}
            />
            <PersonSelect
              label={t("agenda.presenter")}
              clearable
              current={
                item?.presenterPersonId
                  ? { id: item.presenterPersonId, name: item.presenterName ?? "" }
                  : null
              }
              {...form.getInputProps("presenterPersonId")}
            />
            <NumberInput
              label={t("agenda.minutes")}
              min={1}
              max={600}
              {...form.getInputProps("minutesAllotted")}
            />
          </SimpleGrid>
          <Textarea
            label={t("agenda.description")}
            autosize
            minRows={2}
            {...form.getInputProps("description")}
          />
          <Switch
            label={t("agenda.confidential")}
            description={t("agenda.confidentialHelp")}
            {...form.getInputProps("confidential", { type: "checkbox" })}
          />
          <FormActions submit={label} loading={form.submitting} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}

/** Minutes between two ISO moments. */
const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 60_000);

/**
 * The agenda: numbered items with what they are for, presenter and time; for the bureau, adding,
 * changing, moving (buttons, so it works by keyboard) and removing items.
 */
/** The meeting's votes per agenda item, to link each item to what is voted on under it. */
function useVotesByItem(meetingId: string) {
  const proposals = useQuery({
    queryKey: ["proposals", { meetingId }],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/proposals", { params: { query: { meetingId, limit: 100 } } })).items,
  });
  return (itemId: string) => (proposals.data ?? []).filter((p) => p.agendaItemId === itemId);
}

export function AgendaSection({ meeting, canEdit }: { meeting: Meeting; canEdit: boolean }) {
  const { t } = useT();
  const change = useAgendaChange(meeting);
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const items = meeting.agenda;
  const titleOf = (i: AgendaItem) => i.title ?? t("agenda.confidentialHidden");
  const planned = items.reduce((sum, i) => sum + (i.minutesAllotted ?? 0), 0);
  const available = minutesBetween(meeting.startsAt, meeting.endsAt);
  const editable = canEdit && !meeting.cancelled;
  const votesOn = useVotesByItem(meeting.id);

  const move = (index: number, by: -1 | 1) => {
    const ids = items.map((i) => i.id);
    [ids[index], ids[index + by]] = [ids[index + by]!, ids[index]!];
    change(async (agendaVersion) =>
      unwrap(
        await api.PUT("/api/v1/meetings/{id}/agenda-order", {
          params: { path: { id: meeting.id } },
          body: { agendaVersion, itemIds: ids },
        }),
      ),
    ).catch(notifyError);
  };
  const remove = (item: AgendaItem) =>
    change(async (agendaVersion) =>
      unwrap(
        await api.DELETE("/api/v1/agenda-items/{id}", {
          params: { path: { id: item.id }, query: { agendaVersion } },
        }),
      ),
    ).catch(notifyError);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t("agenda.title")}
        </Title>
        {editable && editing !== "new" && (
          <Button size="xs" onClick={() => setEditing("new")}>
            {t("agenda.add")}
          </Button>
        )}
      </Group>
      {editing === "new" && <AgendaItemForm meeting={meeting} onDone={() => setEditing(null)} />}
      {items.length === 0 ? (
        <Text c="gray.7">{t("agenda.empty")}</Text>
      ) : (
        <Stack
          component="ol"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: "none" }}
          aria-label={t("agenda.title")}
        >
          {items.map((item, index) => (
            <li key={item.id}>
              {editing === item.id ? (
                <AgendaItemForm meeting={meeting} item={item} onDone={() => setEditing(null)} />
              ) : (
                <Paper withBorder p="sm">
                  <Group justify="space-between" align="flex-start" wrap="wrap">
                    <Stack gap={4}>
                      <Text fw={600}>
                        {item.number}. {titleOf(item)}
                      </Text>
                      <Group gap="xs">
                        <Badge color="gray">{t(`agenda.kind.${item.kind}`)}</Badge>
                        {item.confidential && (
                          <Badge color="red.9" variant="filled">
                            {t("agenda.confidential")}
                          </Badge>
                        )}
                        {item.presenterName && (
                          <Text size="sm">
                            {t("agenda.presenter")}: {item.presenterName}
                          </Text>
                        )}
                        {item.minutesAllotted && (
                          <Text size="sm">{t("agenda.minutesShort", { count: item.minutesAllotted })}</Text>
                        )}
                      </Group>
                      {item.description && (
                        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                          {item.description}
                        </Text>
                      )}
                      {/* A hidden confidential item keeps its votes hidden too. */}
                      {item.title !== null &&
                        votesOn(item.id).map((p) => (
                          <Anchor
                            key={p.id}
                            size="sm"
                            renderRoot={(props) => (
                              <Link {...props} to="/stemmingen/$id" params={{ id: p.id }} />
                            )}
                          >
                            {t("agenda.vote", { title: p.title })}
                          </Anchor>
                        ))}
                    </Stack>
                    {editable && (
                      <Group gap={4}>
                        <Button
                          size="compact-xs"
                          variant="default"
                          disabled={index === 0}
                          aria-label={t("agenda.upItem", { title: titleOf(item) })}
                          onClick={() => move(index, -1)}
                        >
                          {t("agenda.up")}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="default"
                          disabled={index === items.length - 1}
                          aria-label={t("agenda.downItem", { title: titleOf(item) })}
                          onClick={() => move(index, 1)}
                        >
                          {t("agenda.down")}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="default"
                          aria-label={t("agenda.editItem", { title: titleOf(item) })}
                          onClick={() => setEditing(item.id)}
                        >
                          {t("common.edit")}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="default"
                          color="red.9"
                          aria-label={t("agenda.removeItem", { title: titleOf(item) })}
                          onClick={() => remove(item)}
                        >
                          {t("agenda.remove")}
                        </Button>
                      </Group>
                    )}
                  </Group>
                </Paper>
              )}
            </li>
          ))}
        </Stack>
      )}
      {planned > 0 && <Text size="sm">{t("agenda.total", { minutes: planned, available })}</Text>}
      {planned > available && (
        <Alert variant="outline" color="red.9" role="status">
          {t("agenda.over")}
        </Alert>
      )}
    </Stack>
  );
}
