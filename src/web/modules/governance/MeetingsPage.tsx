import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { addDays, today } from "../../../shared/dates";
import { api, unwrap } from "../../api";
import { loadedCount, MoreButton, usePagedList } from "../../components/PagedList";
import { PageTitle } from "../../components/PageTitle";
import { formatDateTime, useT } from "../../i18n";
import { useSession } from "../../session";
import { BodyFilter } from "./BodySelect";
import { MeetingForm } from "./MeetingForm";

type Listed = NonNullable<Awaited<ReturnType<typeof fetchMeetings>>>["items"][number];

const fetchMeetings = async (query: {
  bodyId?: string;
  mine?: "true";
  from?: string;
  to?: string;
  sort?: "startsAt" | "-startsAt";
  cursor?: string;
}) => unwrap(await api.GET("/api/v1/meetings", { params: { query: { ...query, limit: 50 } } }));

/** A meeting's state as a badge: cancelled, sent, or not sent yet. */
export function MeetingStatus({ meeting }: { meeting: Pick<Listed, "cancelled" | "sentAt"> }) {
  const { t } = useT();
  if (meeting.cancelled)
    return (
      <Badge color="red.9" variant="filled">
        {t("meeting.cancelled")}
      </Badge>
    );
  return meeting.sentAt ? (
    <Badge color="#1b5e20" variant="filled">
      {t("meeting.sent")}
    </Badge>
  ) : (
    <Badge color="gray" variant="outline">
      {t("meeting.draft")}
    </Badge>
  );
}

/** Meetings as a table: when, which body, subject, place and state; each links to its page. */
export function MeetingTable({ meetings, showBody = true }: { meetings: Listed[]; showBody?: boolean }) {
  const { t, lang } = useT();
  if (!meetings.length) return <Text c="gray.7">{t("meeting.none")}</Text>;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("meeting.when")}</Table.Th>
            {showBody && <Table.Th>{t("meeting.body")}</Table.Th>}
            <Table.Th>{t("meeting.name")}</Table.Th>
            <Table.Th>{t("meeting.place")}</Table.Th>
            <Table.Th>{t("meeting.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {meetings.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{formatDateTime(m.startsAt, lang)}</Table.Td>
              {showBody && <Table.Td>{m.bodyName}</Table.Td>}
              <Table.Td>
                <Anchor
                  renderRoot={(props) => <Link {...props} to="/vergaderingen/$id" params={{ id: m.id }} />}
                >
                  {m.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{m.location ?? (m.onlineUrl ? t("meeting.online") : "—")}</Table.Td>
              <Table.Td>
                <MeetingStatus meeting={m} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The region's meetings: one's own (the bodies one sits in) or all, upcoming or past, of one
 * body or every body. The bureau plans new ones here.
 */
export function MeetingsPage() {
  const { t } = useT();
  const session = useSession();
  const canPlan = Boolean(session?.permissions["meeting.create"]);
  const [which, setWhich] = useState<"mine" | "all">(canPlan ? "all" : "mine");
  const [when, setWhen] = useState<"upcoming" | "past">("upcoming");
  const [bodyId, setBodyId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const filter = {
    ...(which === "mine" ? { mine: "true" as const } : {}),
    ...(bodyId ? { bodyId } : {}),
    ...(when === "upcoming"
      ? { from: today(), sort: "startsAt" as const }
      : { to: addDays(today(), -1), sort: "-startsAt" as const }),
  };
  const { list, rows } = usePagedList(["meetings", filter], (cursor) => fetchMeetings({ ...filter, cursor }));

  return (
    <Stack>
      <PageTitle>{t("meeting.title")}</PageTitle>
      <Group wrap="wrap" align="flex-end">
        <SegmentedControl
          aria-label={t("meeting.which")}
          value={which}
          onChange={(v) => setWhich(v as "mine" | "all")}
          data={[
            { value: "mine", label: t("meeting.mine") },
            { value: "all", label: t("meeting.all") },
          ]}
        />
        <SegmentedControl
          aria-label={t("meeting.when")}
          value={when}
          onChange={(v) => setWhen(v as "upcoming" | "past")}
          data={[
            { value: "upcoming", label: t("meeting.upcoming") },
            { value: "past", label: t("meeting.past") },
          ]}
        />
        <BodyFilter value={bodyId} onChange={setBodyId} />
      </Group>
      <Group justify="space-between">
        <Text size="sm" aria-live="polite">
          {t("meeting.count", { count: loadedCount(list, rows) })}
        </Text>
        {canPlan && !adding && (
          <Button size="xs" onClick={() => setAdding(true)}>
            {t("meeting.add")}
          </Button>
        )}
      </Group>
      {adding && <MeetingForm onDone={() => setAdding(false)} />}
      <MeetingTable meetings={rows} />
      <MoreButton list={list} />
    </Stack>
  );
}
