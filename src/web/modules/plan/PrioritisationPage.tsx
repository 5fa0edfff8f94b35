import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api";
import { BarList } from "../../components/BarList";
import { FormActions } from "../../components/FormActions";
import { PageTitle } from "../../components/PageTitle";
import { formatDate, useT } from "../../i18n";
import { notify, notifyFormError } from "../../notify";
import { useSession } from "../../session";
import { OrganisationSelect } from "../network/OrganisationSelect";
import { PersonSelect } from "../network/PersonSelect";
import { ActionForm } from "./ActionForm";
import { ActionTable } from "./ActionTable";
import { fetchActions } from "./actions-api";
import { PriorityForm } from "./PriorityForm";
import {
  fetchPrioritisation,
  type Prioritisation,
  type Priority,
  prioritisationColor,
  prioritisationKey,
  type Topic,
  usePrioritisationChange,
} from "./priorities-api";

/** Bring in a topic, or change one: what it is about and which organisation brought it in. */
function TopicForm({ p, topic, onDone }: { p: Prioritisation; topic?: Topic; onDone: () => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      title: topic?.title ?? "",
      description: topic?.description ?? "",
      proposedByOrganisationId: topic?.proposedBy?.id ?? (null as string | null),
    },
    validate: { title: (v) => (v.trim() ? null : t("field.required")) },
  });
  const submit = form.onSubmit(async (values) => {
    const body = {
      title: values.title.trim(),
      description: values.description.trim() || null,
      proposedByOrganisationId: values.proposedByOrganisationId,
    };
    try {
      if (topic)
        unwrap(
          await api.PATCH("/api/v1/topics/{id}", {
            params: { path: { id: topic.id } },
            body: { ...body, version: topic.version },
          }),
        );
      else
        unwrap(
          await api.POST("/api/v1/prioritisations/{id}/topics", { params: { path: { id: p.id } }, body }),
        );
      notify(t("topic.saved", { title: body.title }), "green");
      await queryClient.invalidateQueries({ queryKey: prioritisationKey(p.id) });
      // The form stays open for the next topic; a change closes it.
      form.reset();
      if (topic) onDone();
    } catch (e) {
      notifyFormError(form, e);
    }
  });
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={submit}
        aria-label={topic ? t("topic.editNamed", { title: topic.title }) : t("topic.new")}
        noValidate
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t("topic.title")} required {...form.getInputProps("title")} />
            <OrganisationSelect
              label={t("topic.proposedBy")}
              clearable
              current={topic?.proposedBy ?? null}
              {...form.getInputProps("proposedByOrganisationId")}
            />
          </SimpleGrid>
          <Textarea
            label={t("topic.description")}
            autosize
            minRows={2}
            {...form.getInputProps("description")}
          />
          <FormActions
            submit={topic ? t("common.save") : t("topic.add")}
            loading={form.submitting}
            onCancel={onDone}
          />
        </Stack>
      </form>
    </Paper>
  );
}

/** The topics, with their points once they are divided; own topics change while gathering. */
function Topics({ p }: { p: Prioritisation }) {
  const { t } = useT();
  const session = useSession();
  const bureau = Boolean(session?.permissions["prioritisation.create"]);
  const change = usePrioritisationChange(p.id);
  const [editing, setEditing] = useState<Topic | "new" | null>(null);
  const gathering = p.status === "gathering";
  const remove = (topic: Topic) =>
    change.run(
      async () =>
        unwrap(
          await api.DELETE("/api/v1/topics/{id}", {
            params: { path: { id: topic.id }, query: { version: topic.version } },
          }),
        ),
      t("topic.removed", { title: topic.title }),
    );
  return (
    <Stack component="section" aria-labelledby="topics-title">
      <Title order={3} size="h4" id="topics-title">
        {t("topic.listTitle")}
      </Title>
      {gathering && session?.permissions["prioritisation.propose"] && editing === null && (
        <Group>
          <Button onClick={() => setEditing("new")}>{t("topic.new")}</Button>
        </Group>
      )}
      {editing === "new" && <TopicForm p={p} onDone={() => setEditing(null)} />}
      {editing && editing !== "new" && <TopicForm p={p} topic={editing} onDone={() => setEditing(null)} />}
      {p.topics.length === 0 ? (
        <Text c="gray.7">{t("topic.none")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("topic.title")}</Table.Th>
                <Table.Th>{t("topic.proposedBy")}</Table.Th>
                {!gathering && <Table.Th>{t("topic.points")}</Table.Th>}
                {gathering && <Table.Th>{t("action.more")}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.topics.map((topic) => (
                <Table.Tr key={topic.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {topic.title}
                    </Text>
                    {topic.description && (
                      <Text size="xs" c="gray.7">
                        {topic.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{topic.proposedBy?.name ?? "—"}</Table.Td>
                  {!gathering && (
                    <Table.Td>
                      {t("topic.pointsBy", { points: topic.points, count: topic.supporters })}
                    </Table.Td>
                  )}
                  {gathering && (
                    <Table.Td>
                      {(bureau || topic.mine) && (
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            aria-label={t("topic.editNamed", { title: topic.title })}
                            onClick={() => setEditing(topic)}
                          >
                            {t("common.edit")}
                          </Button>
                          <Button
                            size="compact-xs"
                            variant="default"
                            aria-label={t("topic.remove", { title: topic.title })}
                            onClick={() =>
                              window.confirm(t("topic.removeConfirm", { title: topic.title })) &&
                              remove(topic)
                            }
                          >
                            {t("plan.remove")}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/**
 * Divide points over the topics: a participant their own; the bureau records anyone's (as given
 * at the table). Shows how many are left, and refuses more than the allowance before sending.
 */
function ScoreForm({ p }: { p: Prioritisation }) {
  const { t } = useT();
  const session = useSession();
  const bureau = Boolean(session?.permissions["prioritisation.create"]);
  const change = usePrioritisationChange(p.id);
  const [personId, setPersonId] = useState<string | null>(p.myPersonId);
  const given = p.participants.find((x) => x.person.id === personId)?.points ?? {};
  const [points, setPoints] = useState<Record<string, number>>(given);
  const [shownFor, setShownFor] = useState(personId);
  if (shownFor !== personId) {
    // Another participant chosen: show what they gave before.
    setShownFor(personId);
    setPoints(given);
  }
  const used = Object.values(points).reduce((sum, n) => sum + (n || 0), 0);
  const left = p.pointsPerParticipant - used;
  if (!bureau && !p.myPersonId) return <Alert color="gray">{t("score.noPerson")}</Alert>;
  const submit = () =>
    personId &&
    change.run(
      async () =>
        unwrap(
          await api.PUT("/api/v1/prioritisations/{id}/scores/{personId}", {
            params: { path: { id: p.id, personId } },
            body: { scores: Object.entries(points).map(([topicId, n]) => ({ topicId, points: n || 0 })) },
          }),
        ),
      t("score.saved"),
    );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="score-title">
      <Stack>
        <Title order={3} size="h4" id="score-title">
          {t("score.title")}
        </Title>
        <Text size="sm">{t("score.help", { points: p.pointsPerParticipant })}</Text>
        {bureau && (
          <PersonSelect
            label={t("score.participant")}
            description={t("score.participantHelp")}
            value={personId}
            onChange={setPersonId}
            current={p.participants.find((x) => x.person.id === personId)?.person ?? null}
            maw={360}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {p.topics.map((topic) => (
            <NumberInput
              key={topic.id}
              label={topic.title}
              min={0}
              max={p.pointsPerParticipant}
              value={points[topic.id] ?? 0}
              onChange={(v) => setPoints({ ...points, [topic.id]: Number(v) || 0 })}
            />
          ))}
        </SimpleGrid>
        <Text size="sm" fw={600} c={left < 0 ? "red.9" : undefined} aria-live="polite">
          {left < 0 ? t("score.tooMany", { count: -left }) : t("score.left", { count: left })}
        </Text>
        <Group>
          <Button onClick={submit} disabled={!personId || left < 0} loading={change.busy}>
            {t("score.save")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Who gave which points: the record of the prioritisation. */
function Participants({ p }: { p: Prioritisation }) {
  const { t } = useT();
  const title = new Map(p.topics.map((x) => [x.id, x.title]));
  return (
    <Stack component="section" aria-labelledby="participants-title">
      <Title order={3} size="h4" id="participants-title">
        {t("score.participants", { count: p.participants.length })}
      </Title>
      {p.participants.length === 0 ? (
        <Text c="gray.7">{t("score.noneYet")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("score.participant")}</Table.Th>
                <Table.Th>{t("score.division")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.participants.map((x) => (
                <Table.Tr key={x.person.id}>
                  <Table.Td>{x.person.name}</Table.Td>
                  <Table.Td>
                    {Object.entries(x.points)
                      .sort(([, a], [, b]) => b - a)
                      .map(([topicId, n]) => `${title.get(topicId) ?? ""}: ${n}`)
                      .join(" · ")}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** Choose the speerpunten: the most supported are ticked; the order is that of the points. */
function DecideForm({ p, onDone }: { p: Prioritisation; onDone: () => void }) {
  const { t } = useT();
  const change = usePrioritisationChange(p.id);
  const [chosen, setChosen] = useState<string[]>(p.topics.slice(0, p.priorityCount).map((x) => x.id));
  const ordered = p.topics.filter((x) => chosen.includes(x.id)).map((x) => x.id);
  const submit = async () => {
    const ok = await change.run(
      async () =>
        unwrap(
          await api.POST("/api/v1/prioritisations/{id}/decide", {
            params: { path: { id: p.id } },
            body: { version: p.version, topicIds: ordered },
          }),
        ),
      t("prioritisation.decidedNotice", { count: ordered.length }),
    );
    if (ok) onDone();
  };
  return (
    <Paper withBorder p="md">
      <Stack>
        <Checkbox.Group
          label={t("prioritisation.choose", { count: p.priorityCount })}
          description={t("prioritisation.chooseHelp")}
          value={chosen}
          onChange={setChosen}
        >
          <Stack gap={6} mt="xs">
            {p.topics.map((x) => (
              <Checkbox key={x.id} value={x.id} label={`${x.title} (${x.points})`} />
            ))}
          </Stack>
        </Checkbox.Group>
        {chosen.length > p.priorityCount && (
          <Text size="sm" c="red.9">
            {t("prioritisation.tooMany", { count: p.priorityCount })}
          </Text>
        )}
        <Group>
          <Button
            onClick={submit}
            loading={change.busy}
            disabled={chosen.length === 0 || chosen.length > p.priorityCount}
          >
            {t("prioritisation.decide")}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A speerpunt with its actions, and (for the bureau) a form to add one. */
function Speerpunt({ prioritisationId, priority }: { prioritisationId: string; priority: Priority }) {
  const { t } = useT();
  const session = useSession();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const actions = useQuery({
    queryKey: ["actions", { priorityId: priority.id }],
    queryFn: () => fetchActions({ priorityId: priority.id, limit: 200 }),
  });
  const rows = actions.data?.items ?? [];
  const headingId = `speerpunt-${priority.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={3} size="h4" id={headingId}>
          {priority.position}. {priority.title}
        </Title>
        {editing ? (
          <PriorityForm
            prioritisationId={prioritisationId}
            priority={priority}
            onDone={() => setEditing(false)}
          />
        ) : (
          priority.description && <Text size="sm">{priority.description}</Text>
        )}
        {!editing && priority.resultArea && (
          <Text size="xs" c="gray.7">
            {t("priority.resultArea", {
              name: priority.resultArea.name,
              area: priority.resultArea.policyAreaName,
            })}
          </Text>
        )}
        {rows.length === 0 ? (
          <Text size="sm" c="gray.7">
            {t("priority.noActions")}
          </Text>
        ) : (
          <ActionTable rows={rows} showPriority={false} />
        )}
        {session?.permissions["prioritisation.create"] &&
          (adding ? (
            <ActionForm priorityId={priority.id} siblings={rows} onDone={() => setAdding(false)} />
          ) : (
            <Group>
              <Button
                variant="default"
                onClick={() => setAdding(true)}
                aria-label={t("priority.addActionTo", { title: priority.title })}
              >
                {t("action.new")}
              </Button>
              {!editing && (
                <Button
                  variant="default"
                  onClick={() => setEditing(true)}
                  aria-label={t("priority.editNamed", { title: priority.title })}
                >
                  {t("common.edit")}
                </Button>
              )}
            </Group>
          ))}
      </Stack>
    </Paper>
  );
}

/**
 * One prioritisation through its stages: topics are gathered (partners bring them in), points are
 * divided (each participant their own, the bureau records what was given at the table) and shown
 * as a chart, the speerpunten are chosen, and each speerpunt gets its actions.
 */
export function PrioritisationPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t, lang } = useT();
  const session = useSession();
  const bureau = Boolean(session?.permissions["prioritisation.create"]);
  const query = useQuery({ queryKey: prioritisationKey(id), queryFn: () => fetchPrioritisation(id) });
  const change = usePrioritisationChange(id);
  const [deciding, setDeciding] = useState(false);
  const p = query.data;
  if (query.isError) return <Text role="alert">{t("prioritisation.notFound")}</Text>;
  if (!p) return <Text>{t("common.loading")}</Text>;
  const moveTo = (status: "gathering" | "scoring") =>
    change.run(
      async () =>
        unwrap(
          await api.PATCH("/api/v1/prioritisations/{id}", {
            params: { path: { id } },
            body: { version: p.version, status },
          }),
        ),
      t(`prioritisation.movedTo.${status}`),
    );

  return (
    <Stack>
      <PageTitle>{p.title}</PageTitle>
      <Group gap="xs">
        <Badge color={prioritisationColor[p.status]} variant="outline">
          {t(`prioritisation.status.${p.status}`)}
        </Badge>
        {p.body && <Text size="sm">{p.body.name}</Text>}
        {p.decidedOn && (
          <Text size="sm" c="gray.7">
            {t("prioritisation.decidedOn", { date: formatDate(p.decidedOn.slice(0, 10), lang) })}
          </Text>
        )}
      </Group>
      {p.description && <Text>{p.description}</Text>}
      <Text size="sm" c="gray.7">
        {t("prioritisation.rules", { points: p.pointsPerParticipant, count: p.priorityCount })}
      </Text>
      {bureau && p.status !== "decided" && !deciding && (
        <Group>
          {p.status === "gathering" ? (
            <Button onClick={() => moveTo("scoring")} disabled={p.topics.length === 0} loading={change.busy}>
              {t("prioritisation.startScoring")}
            </Button>
          ) : (
            <>
              <Button onClick={() => setDeciding(true)}>{t("prioritisation.decide")}</Button>
              <Button variant="default" onClick={() => moveTo("gathering")} loading={change.busy}>
                {t("prioritisation.backToGathering")}
              </Button>
            </>
          )}
        </Group>
      )}
      {deciding && p.status === "scoring" && <DecideForm p={p} onDone={() => setDeciding(false)} />}

      {p.status === "decided" && (
        <Stack component="section" aria-labelledby="speerpunten-title">
          <Title order={2} size="h3" id="speerpunten-title">
            {t("priority.listTitle")}
          </Title>
          {p.priorities.map((x) => (
            <Speerpunt key={x.id} prioritisationId={p.id} priority={x} />
          ))}
        </Stack>
      )}
      {p.status !== "gathering" && p.topics.length > 0 && (
        <Stack component="section" aria-labelledby="chart-title">
          <Title order={3} size="h4" id="chart-title">
            {t("score.chartTitle")}
          </Title>
          <BarList
            label={t("score.chartTitle")}
            items={p.topics.map((x) => ({
              key: x.id,
              label: x.title,
              value: x.points,
              detail: t("score.supporters", { count: x.supporters }),
            }))}
          />
        </Stack>
      )}
      {p.status === "scoring" && <ScoreForm key={p.version} p={p} />}
      <Topics p={p} />
      {p.status !== "gathering" && <Participants p={p} />}
    </Stack>
  );
}
