import { Anchor, Badge, Select, Table, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { today } from "../../../shared/dates";
import { ACTION_ITEM_STATUSES, type ActionItemStatus } from "../../../shared/governance";
import { ApiProblem, api, unwrap } from "../../api";
import { formatDate, useT } from "../../i18n";
import { notify, notifyError } from "../../notify";
import { useSession } from "../../session";

export const fetchActionItems = async (query: {
  meetingId?: string;
  bodyId?: string;
  mine?: "true";
  open?: "true";
  cursor?: string;
}) => unwrap(await api.GET("/api/v1/action-items", { params: { query: { ...query, limit: 50 } } }));

type ActionItem = Awaited<ReturnType<typeof fetchActionItems>>["items"][number];

/** The status of an action as a select for the bureau and the owner, as text for everyone else. */
function StatusControl({ action }: { action: ActionItem }) {
  const { t } = useT();
  const session = useSession();
  const queryClient = useQueryClient();
  const canChange = action.mine || Boolean(session?.permissions["actionItem.create"]);
  if (!canChange) return <>{t(`actionItem.status.${action.status}`)}</>;
  async function change(status: string | null) {
    if (!status || status === action.status) return;
    try {
      unwrap(
        await api.PATCH("/api/v1/action-items/{id}", {
          params: { path: { id: action.id } },
          body: { version: action.version, status: status as ActionItemStatus },
        }),
      );
      notify(t("common.saved"), "green");
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 409) notify(t("common.conflict"), "red");
      else notifyError(e);
    }
    await queryClient.invalidateQueries({ queryKey: ["action-items"] });
  }
  return (
    <Select
      aria-label={t("actionItem.statusOf", { description: action.description })}
      size="xs"
      allowDeselect={false}
      value={action.status}
      onChange={change}
      data={ACTION_ITEM_STATUSES.map((s) => ({ value: s, label: t(`actionItem.status.${s}`) }))}
    />
  );
}

/** Action items: what, who, due (overdue ones marked), status, and optionally the meeting. */
export function ActionItemTable({
  items,
  showMeeting = false,
}: {
  items: ActionItem[];
  showMeeting?: boolean;
}) {
  const { t, lang } = useT();
  if (!items.length) return <Text c="gray.7">{t("actionItem.none")}</Text>;
  const day = today();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("actionItem.description")}</Table.Th>
            <Table.Th>{t("actionItem.owner")}</Table.Th>
            <Table.Th>{t("actionItem.dueDate")}</Table.Th>
            <Table.Th>{t("actionItem.status")}</Table.Th>
            {showMeeting && <Table.Th>{t("actionItem.meeting")}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.description}</Table.Td>
              <Table.Td>{a.ownerName}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {formatDate(a.dueDate, lang)}{" "}
                {a.dueDate < day && (a.status === "open" || a.status === "in_progress") && (
                  <Badge color="red.9" variant="filled">
                    {t("actionItem.overdue")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <StatusControl action={a} />
              </Table.Td>
              {showMeeting && (
                <Table.Td>
                  <Anchor
                    renderRoot={(props) => (
                      <Link {...props} to="/vergaderingen/$id" params={{ id: a.meetingId }} />
                    )}
                  >
                    {a.bodyName}: {a.meetingTitle}
                  </Anchor>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
