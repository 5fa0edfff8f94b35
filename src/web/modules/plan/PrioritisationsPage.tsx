import {
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { PRIORITISATION_STATUSES, type PrioritisationStatus } from "../../../shared/plan";
import { api, unwrap } from "../../api";
import { FormActions } from "../../components/FormActions";
import { ListToolbar } from "../../components/ListToolbar";
import { loadedCount, MoreButton, usePagedList } from "../../components/PagedList";
import { PageTitle } from "../../components/PageTitle";
import { formatDate, useT } from "../../i18n";
import { notify, notifyFormError } from "../../notify";
import { useSession } from "../../session";
import { useSearch } from "../../use-search";
import { useBodyOptions } from "../governance/BodySelect";
import { prioritisationColor } from "./priorities-api";

/** Begin a prioritisation: its title, the body that holds it, and its rules. */
function PrioritisationForm({ onDone }: { onDone: () => void }) {
  const { t } = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const bodies = useBodyOptions();
  const form = useForm({
    initialValues: {
      title: "",
      description: "",
      bodyId: null as string | null,
      pointsPerParticipant: 10 as number | string,
      priorityCount: 4 as number | string,
    },
    validate: {
      title: (v) => (v.trim() ? null : t("field.required")),
      pointsPerParticipant: (v) =>
        Number(v) >= 1 && Number(v) <= 100 ? null : t("prioritisation.pointsRange"),
      priorityCount: (v) => (Number(v) >= 1 && Number(v) <= 20 ? null : t("prioritisation.countRange")),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const made = unwrap(
        await api.POST("/api/v1/prioritisations", {
          body: {
            title: values.title.trim(),
            description: values.description.trim() || null,
            bodyId: values.bodyId,
            pointsPerParticipant: Number(values.pointsPerParticipant),
            priorityCount: Number(values.priorityCount),
          },
        }),
      );
      notify(t("common.saved"), "green");
      await queryClient.invalidateQueries({ queryKey: ["prioritisations"] });
      await navigate({ to: "/speerpunten/$id", params: { id: made.id } });
    } catch (e) {
      notifyFormError(form, e);
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label={t("prioritisation.new")} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t("prioritisation.title")} required {...form.getInputProps("title")} />
            <Select
              label={t("prioritisation.body")}
              data={bodies}
              searchable
              clearable
              {...form.getInputProps("bodyId")}
            />
            <NumberInput
              label={t("prioritisation.points")}
              description={t("prioritisation.pointsHelp")}
              min={1}
              max={100}
              {...form.getInputProps("pointsPerParticipant")}
            />
            <NumberInput
              label={t("prioritisation.priorityCount")}
              min={1}
              max={20}
              {...form.getInputProps("priorityCount")}
            />
          </SimpleGrid>
          <Textarea
            label={t("prioritisation.description")}
            autosize
            minRows={2}
            {...form.getInputProps("description")}
          />
          <FormActions submit={t("prioritisation.create")} loading={form.submitting} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}

/**
 * Prioritisations, newest first: where topics are gathered with the partners, points divided and
 * speerpunten chosen. Searched by title and filtered by stage; the bureau begins new ones.
 */
export function PrioritisationsPage() {
  const { t, lang } = useT();
  const session = useSession();
  const [query, searchBox] = useSearch();
  const [status, setStatus] = useState<PrioritisationStatus | null>(null);
  const [writing, setWriting] = useState(false);
  const filter = { ...(query ? { q: query } : {}), ...(status ? { status } : {}) };
  const { list, rows } = usePagedList(["prioritisations", filter], async (cursor) =>
    unwrap(await api.GET("/api/v1/prioritisations", { params: { query: { ...filter, cursor, limit: 50 } } })),
  );

  return (
    <Stack>
      <PageTitle>{t("prioritisation.listTitle")}</PageTitle>
      <Text c="gray.7" size="sm">
        {t("prioritisation.intro")}
      </Text>
      {session?.permissions["prioritisation.create"] &&
        (writing ? (
          <PrioritisationForm onDone={() => setWriting(false)} />
        ) : (
          <Group>
            <Button onClick={() => setWriting(true)}>{t("prioritisation.new")}</Button>
          </Group>
        ))}
      <Group wrap="wrap" align="flex-end">
        <TextInput label={t("prioritisation.search")} type="search" {...searchBox} />
        <Select
          label={t("prioritisation.status")}
          clearable
          value={status}
          onChange={(v) => setStatus(v as PrioritisationStatus | null)}
          data={PRIORITISATION_STATUSES.map((s) => ({ value: s, label: t(`prioritisation.status.${s}`) }))}
        />
      </Group>
      <ListToolbar count={t("prioritisation.count", { count: loadedCount(list, rows) })} />
      {rows.length === 0 ? (
        <Text c="gray.7">{t("prioritisation.none")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("prioritisation.title")}</Table.Th>
                <Table.Th>{t("prioritisation.body")}</Table.Th>
                <Table.Th>{t("prioritisation.status")}</Table.Th>
                <Table.Th>{t("prioritisation.topics")}</Table.Th>
                <Table.Th>{t("prioritisation.started")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => <Link {...props} to="/speerpunten/$id" params={{ id: p.id }} />}
                    >
                      {p.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.body?.name ?? "—"}</Table.Td>
                  <Table.Td>
                    <Badge color={prioritisationColor[p.status]} variant="outline">
                      {t(`prioritisation.status.${p.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{p.topicCount}</Table.Td>
                  <Table.Td>{formatDate(p.createdAt.slice(0, 10), lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <MoreButton list={list} />
    </Stack>
  );
}
