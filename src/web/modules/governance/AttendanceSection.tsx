import { Alert, Button, Group, Radio, Stack, Table, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ATTENDANCE_STATUSES, type AttendanceStatus } from "../../../shared/governance";
import { api, unwrap } from "../../api";
import { useT } from "../../i18n";
import { notify, notifyError } from "../../notify";
import { useSeatRoleLabel } from "./labels";
import { type Meeting, meetingKey } from "./meetings-api";

/** The quorum in words: reached or not, with the count that decides it. */
function QuorumAlert({ quorum }: { quorum: Meeting["quorum"] }) {
  const { t } = useT();
  const vars = { present: quorum.present, members: quorum.members, required: quorum.required ?? 0 };
  if (quorum.required === null)
    return (
      <Alert variant="outline" color="gray.8" role="status">
        {t("attendance.noQuorumRule", vars)}
      </Alert>
    );
  return (
    <Alert variant="outline" color={quorum.reached ? "#1b5e20" : "red.9"} role="status">
      {t(quorum.reached ? "attendance.quorumReached" : "attendance.quorumNotReached", vars)}
    </Alert>
  );
}

/**
 * Who of the body's members (on the meeting's date) was present, absent or excused, and whether
 * the quorum is reached. The bureau records it; everyone else reads it.
 */
export function AttendanceSection({ meeting, canRecord }: { meeting: Meeting; canRecord: boolean }) {
  const { t } = useT();
  const roleLabel = useSeatRoleLabel();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Record<string, AttendanceStatus>>({});
  const [saving, setSaving] = useState(false);
  const statusOf = (personId: string, recorded: AttendanceStatus | null) => draft[personId] ?? recorded;
  const changed = Object.keys(draft).length > 0;

  async function save() {
    setSaving(true);
    try {
      const updated = unwrap(
        await api.PUT("/api/v1/meetings/{id}/attendance", {
          params: { path: { id: meeting.id } },
          body: { items: Object.entries(draft).map(([personId, status]) => ({ personId, status })) },
        }),
      );
      queryClient.setQueryData(meetingKey(meeting.id), updated);
      setDraft({});
      notify(t("common.saved"), "green");
    } catch (e) {
      notifyError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack>
      <Title order={3} size="h4">
        {t("attendance.title")}
      </Title>
      <QuorumAlert quorum={meeting.quorum} />
      {meeting.members.length === 0 ? (
        <Text c="gray.7">{t("attendance.noMembers")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("attendance.member")}</Table.Th>
                <Table.Th>{t("attendance.role")}</Table.Th>
                <Table.Th>{t("attendance.vote")}</Table.Th>
                <Table.Th>{t("attendance.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meeting.members.map((m) => {
                const status = statusOf(m.personId, m.attendance);
                return (
                  <Table.Tr key={m.personId}>
                    <Table.Td>{m.name}</Table.Td>
                    <Table.Td>{m.roles.map(roleLabel).join(", ")}</Table.Td>
                    <Table.Td>{m.voting ? t("attendance.yes") : t("attendance.no")}</Table.Td>
                    <Table.Td>
                      {canRecord ? (
                        <Group role="radiogroup" aria-label={`${t("attendance.status")}: ${m.name}`} gap="sm">
                          {ATTENDANCE_STATUSES.map((s) => (
                            <Radio
                              key={s}
                              name={`attendance-${m.personId}`}
                              value={s}
                              label={t(`attendance.${s}`)}
                              checked={status === s}
                              onChange={() => setDraft((d) => ({ ...d, [m.personId]: s }))}
                            />
                          ))}
                        </Group>
                      ) : (
                        t(status ? `attendance.${status}` : "attendance.unknown")
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canRecord && meeting.members.length > 0 && (
        <Group>
          <Button onClick={save} loading={saving} disabled={!changed}>
            {t("attendance.save")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
