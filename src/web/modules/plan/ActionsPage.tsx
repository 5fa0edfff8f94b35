import { Button, Checkbox, Group, SegmentedControl, Select, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { ACTION_STATUSES, type ActionStatus } from "../../../shared/plan";
import { ExportButtons } from "../../components/ExportButtons";
import { ListToolbar } from "../../components/ListToolbar";
import { loadedCount, MoreButton, usePagedList } from "../../components/PagedList";
import { PageTitle } from "../../components/PageTitle";
import { useT } from "../../i18n";
import { useSession } from "../../session";
import { useSearch } from "../../use-search";
import { ActionForm } from "./ActionForm";
import { ActionTable } from "./ActionTable";
import { fetchActions, usePriorityOptions } from "./actions-api";

type Scope = "mine" | "myWijken" | "all";

/**
 * "Wie doet wat": the actions of the speerpunten and projects by due date. Everyone starts with
 * their own ("mijn acties"), a wijkcoördinator with those in their wijken, the bureau with all;
 * searched and filtered by speerpunt, status and what is overdue, and exported.
 */
export function ActionsPage() {
  const { t } = useT();
  const session = useSession();
  const bureau = Boolean(session?.permissions["prioritisation.create"]);
  const [scope, setScope] = useState<Scope>(
    bureau ? "all" : session?.user.role === "wijkcoordinator" ? "myWijken" : "mine",
  );
  const [query, searchBox] = useSearch();
  const [priorityId, setPriorityId] = useState<string | null>(null);
  const [status, setStatus] = useState<ActionStatus | null>(null);
  const [openOnly, setOpenOnly] = useState(true);
  const [overdue, setOverdue] = useState(false);
  const [adding, setAdding] = useState(false);
  const priorities = usePriorityOptions();
  const filter = {
    ...(query ? { q: query } : {}),
    ...(priorityId ? { priorityId } : {}),
    ...(status ? { status } : {}),
    ...(openOnly && !status ? { open: "true" as const } : {}),
    ...(overdue ? { overdue: "true" as const } : {}),
    ...(scope === "mine" ? { mine: "true" as const } : {}),
    ...(scope === "myWijken" ? { myWijken: "true" as const } : {}),
  };
  const { list, rows } = usePagedList(["actions", filter], (cursor) =>
    fetchActions({ ...filter, cursor, limit: 50 }),
  );

  return (
    <Stack>
      <PageTitle>{t("action.listTitle")}</PageTitle>
      <Text c="gray.7" size="sm">
        {t("action.intro")}
      </Text>
      {session?.permissions["action.create"] &&
        (adding ? (
          <ActionForm siblings={rows} onDone={() => setAdding(false)} />
        ) : (
          <Group>
            <Button onClick={() => setAdding(true)}>{t("action.new")}</Button>
          </Group>
        ))}
      <SegmentedControl
        aria-label={t("action.scope")}
        value={scope}
        onChange={(v) => setScope(v as Scope)}
        data={[
          { value: "mine", label: t("action.scope.mine") },
          { value: "myWijken", label: t("action.scope.myWijken") },
          { value: "all", label: t("action.scope.all") },
        ]}
        style={{ alignSelf: "flex-start" }}
      />
      <Group wrap="wrap" align="flex-end">
        <TextInput label={t("action.search")} type="search" {...searchBox} />
        <Select
          label={t("action.priority")}
          clearable
          searchable
          value={priorityId}
          onChange={setPriorityId}
          data={priorities}
        />
        <Select
          label={t("action.status")}
          clearable
          value={status}
          onChange={(v) => setStatus(v as ActionStatus | null)}
          data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`action.status.${s}`) }))}
        />
        <Checkbox
          label={t("action.openOnly")}
          checked={openOnly}
          disabled={Boolean(status)}
          onChange={(e) => setOpenOnly(e.currentTarget.checked)}
          mb={8}
        />
        <Checkbox
          label={t("action.overdueOnly")}
          checked={overdue}
          onChange={(e) => setOverdue(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <ListToolbar count={t("action.count", { count: loadedCount(list, rows) })}>
        <ExportButtons path="/api/v1/actions/export" filter={filter} />
      </ListToolbar>
      {rows.length === 0 ? <Text c="gray.7">{t("action.none")}</Text> : <ActionTable rows={rows} />}
      <MoreButton list={list} />
    </Stack>
  );
}
