import { Alert, Anchor, Button, Divider, Group, Stack, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api";
import { PageTitle } from "../../components/PageTitle";
import { formatDateTime, formatTime, useT } from "../../i18n";
import { notify, notifyError } from "../../notify";
import { useSession } from "../../session";
import { ActionItemsSection } from "./ActionItemsSection";
import { AgendaSection } from "./AgendaSection";
import { AttendanceSection } from "./AttendanceSection";
import { DecisionsSection } from "./DecisionsSection";
import { DocumentsSection } from "./DocumentsSection";
import { MeetingForm } from "./MeetingForm";
import { MeetingStatus } from "./MeetingsPage";
import { MinutesSection } from "./MinutesSection";
import { fetchMeeting, type Meeting, meetingKey } from "./meetings-api";

/** Sending the agenda (again), and cancelling after a confirmation. */
function MeetingActions({ meeting }: { meeting: Meeting }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [sending, setSending] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<{ recipients: number; withoutEmail: string[] } | null>(null);

  async function send() {
    setSending(true);
    try {
      const sent = unwrap(
        await api.POST("/api/v1/meetings/{id}/send", { params: { path: { id: meeting.id } } }),
      );
      setResult(sent);
      await queryClient.invalidateQueries({ queryKey: meetingKey(meeting.id) });
      await queryClient.invalidateQueries({ queryKey: ["meetings"] });
    } catch (e) {
      notifyError(e);
    } finally {
      setSending(false);
    }
  }
  async function cancel() {
    try {
      const updated = unwrap(
        await api.POST("/api/v1/meetings/{id}/cancel", {
          params: { path: { id: meeting.id } },
          body: { version: meeting.version },
        }),
      );
      queryClient.setQueryData(meetingKey(meeting.id), updated);
      await queryClient.invalidateQueries({ queryKey: ["meetings"] });
      notify(t("meeting.cancelled"), "green");
    } catch (e) {
      notifyError(e);
    }
    setConfirming(false);
  }

  return (
    <Stack gap="xs">
      <Group>
        <Button onClick={send} loading={sending}>
          {meeting.sentAt ? t("meeting.resend") : t("meeting.send")}
        </Button>
        {!confirming && (
          <Button variant="default" onClick={() => setConfirming(true)}>
            {t("meeting.cancel")}
          </Button>
        )}
      </Group>
      <Text size="sm" c="gray.7">
        {t("meeting.sendHelp")}
      </Text>
      {result && (
        <Alert variant="outline" color="#1b5e20" role="status">
          {t("meeting.sentTo", { count: result.recipients })}
          {result.withoutEmail.length > 0 && (
            <Text size="sm">{t("meeting.withoutEmail", { names: result.withoutEmail.join(", ") })}</Text>
          )}
        </Alert>
      )}
      {confirming && (
        <Alert variant="outline" color="red.9" role="alert">
          <Text mb="xs">{t("meeting.cancelConfirm")}</Text>
          <Group>
            <Button color="red.9" onClick={cancel}>
              {t("meeting.cancelYes")}
            </Button>
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("meeting.cancelNo")}
            </Button>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}

/**
 * One meeting: when and where, its agenda, who was there, the minutes, decisions and actions. The
 * bureau changes it, builds the agenda, sends it to the members with a calendar invitation (until
 * it has taken place), records attendance, writes the minutes, and records decisions and actions.
 */
export function MeetingPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t, lang } = useT();
  const session = useSession();
  const [editing, setEditing] = useState(false);
  const meeting = useQuery({ queryKey: meetingKey(id), queryFn: () => fetchMeeting(id) });
  if (meeting.isError) return <Text role="alert">{t("meeting.notFound")}</Text>;
  if (!meeting.data) return <Text>{t("common.loading")}</Text>;
  const m = meeting.data;
  const canEdit = Boolean(session?.permissions["meeting.update"]) && !m.cancelled;

  return (
    <Stack>
      <PageTitle>{m.title}</PageTitle>
      <Group gap="xs">
        <Anchor renderRoot={(props) => <Link {...props} to="/organen/$id" params={{ id: m.bodyId }} />}>
          {m.bodyName}
        </Anchor>
        <MeetingStatus meeting={m} />
      </Group>
      <Text>
        {formatDateTime(m.startsAt, lang)} – {formatTime(m.endsAt, lang)}
        {m.location && ` · ${m.location}`}
      </Text>
      {m.onlineUrl && (
        <Anchor href={m.onlineUrl} target="_blank" rel="noopener noreferrer">
          {t("meeting.online")}
        </Anchor>
      )}
      {m.sentAt && <Text size="sm">{t("meeting.sentAt", { date: formatDateTime(m.sentAt, lang) })}</Text>}
      <Group gap="xs">
        <Button
          component="a"
          href={`/api/v1/meetings/${m.id}/agenda.pdf`}
          variant="default"
          size="xs"
          download
        >
          {t("meeting.agendaPdf")}
        </Button>
        <Button
          component="a"
          href={`/api/v1/meetings/${m.id}/minutes.pdf`}
          variant="default"
          size="xs"
          download
        >
          {t("meeting.minutesPdf")}
        </Button>
      </Group>
      {canEdit && !editing && (
        <Group>
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {t("meeting.edit")}
          </Button>
        </Group>
      )}
      {editing && <MeetingForm meeting={m} onDone={() => setEditing(false)} />}
      {session?.permissions["meeting.send"] && !m.cancelled && Date.parse(m.endsAt) > Date.now() && (
        <MeetingActions meeting={m} />
      )}
      <Divider />
      <AgendaSection meeting={m} canEdit={canEdit} />
      <DocumentsSection meeting={m} canEdit={Boolean(session?.permissions["document.create"])} />
      <Divider />
      <AttendanceSection
        meeting={m}
        canRecord={Boolean(session?.permissions["meeting.attendance"]) && !m.cancelled}
      />
      <Divider />
      <MinutesSection meeting={m} canWrite={Boolean(session?.permissions["meeting.minutes"])} />
      <Divider />
      <DecisionsSection meeting={m} canRecord={Boolean(session?.permissions["decision.create"])} />
      <Divider />
      <ActionItemsSection meeting={m} canRecord={Boolean(session?.permissions["actionItem.create"])} />
    </Stack>
  );
}
