import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PROJECT_PHASES, type ProjectPhase, WORK_LEVELS, type WorkLevel } from "../../../shared/plan";
import { api, unwrap } from "../../api";
import { ExportButtons } from "../../components/ExportButtons";
import { FormActions } from "../../components/FormActions";
import { ListToolbar } from "../../components/ListToolbar";
import { loadedCount, MoreButton, usePagedList } from "../../components/PagedList";
import { PageTitle } from "../../components/PageTitle";
import { formatDate, useT } from "../../i18n";
import { notify, notifyFormError } from "../../notify";
import { useSession } from "../../session";
import { useChange } from "../../use-change";
import { useSearch } from "../../use-search";
import { useWijkOptions } from "../network/areas";
import { ProjectForm } from "./ProjectForm";
import { ProjectTimeline } from "./ProjectTimeline";
import { fetchProjects, type Project, phaseColor, useProgrammes } from "./projects-api";

/** Set up a programme: its name, what it is about and the level it works on. */
function ProgrammeForm({ onDone }: { onDone: () => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: "", description: "", level: "region" as WorkLevel },
    validate: { name: (v) => (v.trim() ? null : t("field.required")) },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      unwrap(
        await api.POST("/api/v1/programmes", {
          body: {
            name: values.name.trim(),
            description: values.description.trim() || null,
            level: values.level,
          },
        }),
      );
      notify(t("common.saved"), "green");
      await queryClient.invalidateQueries({ queryKey: ["programmes"] });
      onDone();
    } catch (e) {
      notifyFormError(form, e);
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label={t("programme.new")} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t("programme.name")} required {...form.getInputProps("name")} />
            <Select
              label={t("project.level")}
              data={WORK_LEVELS.map((l) => ({ value: l, label: t(`programme.level.${l}`) }))}
              allowDeselect={false}
              {...form.getInputProps("level")}
            />
          </SimpleGrid>
          <TextInput label={t("programme.description")} {...form.getInputProps("description")} />
          <FormActions submit={t("programme.create")} loading={form.submitting} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}

/** Moves a project one phase back or on (the kanban's buttons; the keyboard's way of dragging). */
function PhaseButtons({ project }: { project: Project }) {
  const { t } = useT();
  const change = useChange(["projects"]);
  const index = PROJECT_PHASES.indexOf(project.phase);
  const move = (phase: ProjectPhase) =>
    change.run(
      async () =>
        unwrap(
          await api.PATCH("/api/v1/projects/{id}", {
            params: { path: { id: project.id } },
            body: { version: project.version, phase },
          }),
        ),
      t("project.moved", { name: project.name, phase: t(`project.phase.${phase}`) }),
    );
  return (
    <Group gap={4}>
      {index > 0 && (
        <Button
          size="compact-xs"
          variant="default"
          disabled={change.busy}
          onClick={() => move(PROJECT_PHASES[index - 1]!)}
          aria-label={t("project.moveTo", {
            name: project.name,
            phase: t(`project.phase.${PROJECT_PHASES[index - 1]!}`),
          })}
        >
          ←
        </Button>
      )}
      {index < PROJECT_PHASES.length - 1 && (
        <Button
          size="compact-xs"
          variant="default"
          disabled={change.busy}
          onClick={() => move(PROJECT_PHASES[index + 1]!)}
          aria-label={t("project.moveTo", {
            name: project.name,
            phase: t(`project.phase.${PROJECT_PHASES[index + 1]!}`),
          })}
        >
          →
        </Button>
      )}
    </Group>
  );
}

/** The kanban: a column per phase, each project a card that moves with its buttons. */
function Kanban({
  rows,
  mayChange,
  onEdit,
}: {
  rows: Project[];
  mayChange: (p: Project) => boolean;
  onEdit: (p: Project) => void;
}) {
  const { t } = useT();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }}>
      {PROJECT_PHASES.map((phase) => {
        const inPhase = rows.filter((p) => p.phase === phase);
        const title = `${t(`project.phase.${phase}`)} (${inPhase.length})`;
        return (
          <Paper key={phase} withBorder p="xs" component="section" aria-label={title} bg="gray.0">
            <Title order={3} size="h5" mb="xs">
              {title}
            </Title>
            <Stack gap="xs">
              {inPhase.map((p) => (
                <Paper key={p.id} withBorder p="xs">
                  <Text fw={600} size="sm">
                    {p.name}
                  </Text>
                  <Text size="xs" c="gray.7">
                    {p.programmeName}
                    {p.leader ? ` · ${p.leader.name}` : ""}
                  </Text>
                  {mayChange(p) && (
                    <Group justify="space-between" mt={4}>
                      <PhaseButtons project={p} />
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => onEdit(p)}
                        aria-label={t("project.editNamed", { name: p.name })}
                      >
                        {t("common.edit")}
                      </Button>
                    </Group>
                  )}
                </Paper>
              ))}
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}

/**
 * Programmes and their projects: the programmes with their project counts, and the projects as a
 * list or a kanban by phase, searched and filtered by programme, phase or one's own. The bureau
 * sets up programmes and starts projects; a projectleider moves their own projects on.
 */
export function ProjectsPage() {
  const { t, lang } = useT();
  const session = useSession();
  const programmes = useProgrammes();
  const [query, searchBox] = useSearch();
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const [phase, setPhase] = useState<ProjectPhase | null>(null);
  const [wijkCode, setWijkCode] = useState<string | null>(null);
  const wijken = useWijkOptions();
  const [mine, setMine] = useState(false);
  const [view, setView] = useState<"list" | "kanban" | "timeline">("list");
  const [form, setForm] = useState<"programme" | "project" | Project | null>(null);
  const filter = {
    ...(query ? { q: query } : {}),
    ...(programmeId ? { programmeId } : {}),
    ...(phase ? { phase } : {}),
    ...(wijkCode ? { wijkCode } : {}),
    ...(mine ? { mine: "true" as const } : {}),
  };
  const { list, rows } = usePagedList(["projects", filter], (cursor) =>
    fetchProjects({ ...filter, cursor, limit: 50 }),
  );
  const may = (p: string) => Boolean(session?.permissions[p]);
  const done = () => setForm(null);
  // The bureau changes any project; a projectleider the ones they lead (the server checks too).
  const mayChange = (p: Project) => may("project.create") || (may("project.update") && p.mine);

  return (
    <Stack>
      <PageTitle>{t("project.listTitle")}</PageTitle>
      <Text c="gray.7" size="sm">
        {t("project.intro")}
      </Text>

      <Title order={2} size="h4">
        {t("programme.listTitle")}
      </Title>
      <Group gap="xs" wrap="wrap">
        {(programmes.data ?? []).length === 0 && <Text c="gray.7">{t("programme.none")}</Text>}
        {(programmes.data ?? []).map((g) => (
          <Badge key={g.id} variant="outline" color="dark" tt="none" size="lg">
            {g.name} · {t(`programme.level.${g.level}`)} ·{" "}
            {t("programme.projects", { count: g.projectCount })}
          </Badge>
        ))}
      </Group>
      {form === "programme" && <ProgrammeForm onDone={done} />}
      {form === "project" && <ProjectForm onDone={done} />}
      {form && typeof form === "object" && <ProjectForm key={form.id} project={form} onDone={done} />}
      {!form && (may("programme.create") || may("project.create")) && (
        <Group>
          {may("programme.create") && (
            <Button variant="default" onClick={() => setForm("programme")}>
              {t("programme.new")}
            </Button>
          )}
          {may("project.create") && (
            <Button onClick={() => setForm("project")} disabled={!programmes.data?.length}>
              {t("project.new")}
            </Button>
          )}
        </Group>
      )}

      <Group wrap="wrap" align="flex-end">
        <TextInput label={t("project.search")} type="search" {...searchBox} />
        <Select
          label={t("project.programme")}
          clearable
          value={programmeId}
          onChange={setProgrammeId}
          data={(programmes.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
        />
        <Select
          label={t("project.phase")}
          clearable
          value={phase}
          onChange={(v) => setPhase(v as ProjectPhase | null)}
          data={PROJECT_PHASES.map((p) => ({ value: p, label: t(`project.phase.${p}`) }))}
        />
        <Select
          label={t("project.wijk")}
          clearable
          searchable
          value={wijkCode}
          onChange={setWijkCode}
          data={wijken}
        />
        <Checkbox
          label={t("project.mine")}
          checked={mine}
          onChange={(e) => setMine(e.currentTarget.checked)}
          mb={8}
        />
        <SegmentedControl
          aria-label={t("project.view")}
          value={view}
          onChange={(v) => setView(v as "list" | "kanban" | "timeline")}
          data={[
            { value: "list", label: t("project.viewList") },
            { value: "kanban", label: t("project.viewKanban") },
            { value: "timeline", label: t("project.viewTimeline") },
          ]}
        />
      </Group>
      <ListToolbar count={t("project.count", { count: loadedCount(list, rows) })}>
        <ExportButtons path="/api/v1/projects/export" filter={filter} />
      </ListToolbar>
      {rows.length === 0 ? (
        <Text c="gray.7">{t("project.none")}</Text>
      ) : view === "kanban" ? (
        <Kanban rows={rows} mayChange={mayChange} onEdit={setForm} />
      ) : view === "timeline" ? (
        <ProjectTimeline rows={rows} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("project.name")}</Table.Th>
                <Table.Th>{t("project.programme")}</Table.Th>
                <Table.Th>{t("project.phase")}</Table.Th>
                <Table.Th>{t("project.leader")}</Table.Th>
                <Table.Th>{t("project.period")}</Table.Th>
                <Table.Th>{t("project.resultAreas")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    {mayChange(p) ? (
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        onClick={() => setForm(p)}
                        aria-label={t("project.editNamed", { name: p.name })}
                      >
                        {p.name}
                      </Button>
                    ) : (
                      p.name
                    )}
                  </Table.Td>
                  <Table.Td>{p.programmeName}</Table.Td>
                  <Table.Td>
                    <Badge color={phaseColor[p.phase]} variant="outline">
                      {t(`project.phase.${p.phase}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{p.leader?.name ?? "—"}</Table.Td>
                  <Table.Td>
                    {formatDate(p.startDate, lang)} – {formatDate(p.endDate, lang)}
                  </Table.Td>
                  <Table.Td>{p.resultAreas.map((r) => r.name).join(", ") || "—"}</Table.Td>
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
