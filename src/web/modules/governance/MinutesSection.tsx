import { Badge, Button, Group, Paper, Select, Stack, Tabs, Text, Textarea, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { dayInNetherlands } from "../../../shared/dates";
import { ApiProblem, api, unwrap } from "../../api";
import { FormActions } from "../../components/FormActions";
import { Markdown } from "../../components/Markdown";
import { formatDate, formatDateTime, useT } from "../../i18n";
import { notify, notifyError } from "../../notify";
import { type Meeting, meetingKey } from "./meetings-api";

/** Writing the minutes, with a preview of exactly what readers will see. */
function MinutesEditor({ meeting, onDone }: { meeting: Meeting; onDone: () => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [text, setText] = useState(meeting.minutes ?? "");
  const [saving, setSaving] = useState(false);
  async function save(e: React.FormEvent) {
    e.preventDefault();
    setSaving(true);
    try {
      const saved = unwrap(
        await api.PUT("/api/v1/meetings/{id}/minutes", {
          params: { path: { id: meeting.id } },
          body: { minutesVersion: meeting.minutesVersion, text },
        }),
      );
      queryClient.setQueryData(meetingKey(meeting.id), saved);
      notify(t("common.saved"), "green");
      onDone();
    } catch (error) {
      // Someone else saved first: show their version; the text typed here stays in the editor.
      if (error instanceof ApiProblem && error.status === 409 && error.body.current) {
        queryClient.setQueryData(meetingKey(meeting.id), error.body.current as Meeting);
        notify(t("minutes.conflict"), "red");
      } else notifyError(error);
    } finally {
      setSaving(false);
    }
  }
  return (
    <Paper withBorder p="md">
      <form onSubmit={save} aria-label={t("minutes.edit")}>
        <Stack>
          <Tabs defaultValue="write">
            <Tabs.List>
              <Tabs.Tab value="write">{t("minutes.write")}</Tabs.Tab>
              <Tabs.Tab value="preview">{t("minutes.preview")}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="write" pt="sm">
              <Textarea
                label={t("minutes.text")}
                description={t("minutes.help")}
                autosize
                minRows={10}
                maxRows={30}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
              />
            </Tabs.Panel>
            <Tabs.Panel value="preview" pt="sm">
              <Markdown>{text}</Markdown>
            </Tabs.Panel>
          </Tabs>
          <FormActions submit={t("minutes.save")} loading={saving} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}

/** Approving the minutes in one of the body's later meetings. */
function ApproveMinutes({ meeting }: { meeting: Meeting }) {
  const { t, lang } = useT();
  const queryClient = useQueryClient();
  const [approvedIn, setApprovedIn] = useState<string | null>(null);
  const later = useQuery({
    queryKey: ["meetings", "body", meeting.bodyId, "after", meeting.id],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/meetings", {
          params: { query: { bodyId: meeting.bodyId, from: meeting.day, limit: 20 } },
        }),
      ).items.filter((m) => m.startsAt > meeting.startsAt && !m.cancelled),
  });
  async function approve() {
    try {
      const updated = unwrap(
        await api.POST("/api/v1/meetings/{id}/minutes/approve", {
          params: { path: { id: meeting.id } },
          body: { approvedInMeetingId: approvedIn! },
        }),
      );
      queryClient.setQueryData(meetingKey(meeting.id), updated);
      notify(t("common.saved"), "green");
    } catch (e) {
      notifyError(e);
    }
  }
  if (later.data && later.data.length === 0)
    return (
      <Text size="sm" c="gray.7">
        {t("minutes.noLaterMeeting")}
      </Text>
    );
  return (
    <Group align="flex-end">
      <Select
        label={t("minutes.approveIn")}
        value={approvedIn}
        onChange={setApprovedIn}
        data={(later.data ?? []).map((m) => ({
          value: m.id,
          label: `${formatDateTime(m.startsAt, lang)} · ${m.title}`,
        }))}
      />
      <Button onClick={approve} disabled={!approvedIn}>
        {t("minutes.approve")}
      </Button>
    </Group>
  );
}

/**
 * The minutes: read by everyone as safe Markdown; written by the bureau until they are approved
 * in a later meeting of the body, after which they are locked.
 */
export function MinutesSection({ meeting, canWrite }: { meeting: Meeting; canWrite: boolean }) {
  const { t, lang } = useT();
  const [editing, setEditing] = useState(false);
  const approved = meeting.minutesApprovedIn;
  const open = canWrite && !approved && !meeting.cancelled;
  return (
    <Stack component="section" aria-label={t("minutes.title")}>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t("minutes.title")}
        </Title>
        {approved ? (
          <Badge color="#1b5e20" variant="filled">
            {t("minutes.approvedIn", {
              date: formatDate(dayInNetherlands(new Date(approved.startsAt)), lang),
            })}
          </Badge>
        ) : (
          meeting.minutes && (
            <Badge color="gray" variant="outline">
              {t("minutes.notApproved")}
            </Badge>
          )
        )}
      </Group>
      {editing ? (
        <MinutesEditor meeting={meeting} onDone={() => setEditing(false)} />
      ) : meeting.minutes ? (
        <Markdown>{meeting.minutes}</Markdown>
      ) : (
        <Text c="gray.7">{t("minutes.none")}</Text>
      )}
      {open && !editing && (
        <Group>
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {t("minutes.edit")}
          </Button>
        </Group>
      )}
      {open && !editing && meeting.minutes && <ApproveMinutes meeting={meeting} />}
    </Stack>
  );
}
