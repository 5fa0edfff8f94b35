import { useQuery } from "@tanstack/react-query";
import type { ActionStatus } from "../../../shared/plan";
import { api, unwrap } from "../../api";
import { useT } from "../../i18n";
import { groupedOptions } from "../../options";
import { fetchProjects } from "./projects-api";

export interface ActionQuery {
  q?: string;
  priorityId?: string;
  projectId?: string;
  status?: ActionStatus;
  open?: "true";
  overdue?: "true";
  mine?: "true";
  myWijken?: "true";
  wijkCode?: string;
  cursor?: string;
  limit?: number;
}

export const fetchActions = async (query: ActionQuery) =>
  unwrap(await api.GET("/api/v1/actions", { params: { query } }));

export type Action = Awaited<ReturnType<typeof fetchActions>>["items"][number];

/** Badge colours per status. */
export const actionColor = { open: "gray", in_progress: "blue", done: "#1e6b34", cancelled: "dark" } as const;

/** The region's speerpunten with their prioritisation, for the selects that offer them. */
const usePriorities = (enabled = true) =>
  useQuery({
    queryKey: ["priorities", "options"],
    queryFn: async () => unwrap(await api.GET("/api/v1/priorities", {})).items,
    enabled,
  }).data ?? [];

/**
 * What an action can serve, grouped for a select: the region's speerpunten per prioritisation (for
 * the bureau) and the projects (all for the bureau, a projectleider's own). Values are
 * `priority:<id>` or `project:<id>`.
 */
export function useActionParentOptions(ownProjectsOnly: boolean) {
  const { t } = useT();
  const speerpunten = usePriorities(!ownProjectsOnly);
  const projects = useQuery({
    queryKey: ["projects", "options", ownProjectsOnly],
    queryFn: () => fetchProjects({ limit: 200, ...(ownProjectsOnly ? { mine: "true" as const } : {}) }),
  });
  const projectOptions = (projects.data?.items ?? []).map((p) => ({
    value: `project:${p.id}`,
    label: p.name,
  }));
  return [
    ...groupedOptions(
      ownProjectsOnly ? [] : speerpunten,
      (p) => p.prioritisationTitle,
      (p) => ({ value: `priority:${p.id}`, label: p.title }),
    ),
    ...(projectOptions.length ? [{ group: t("action.projects"), items: projectOptions }] : []),
  ];
}

/** The region's speerpunten, for filtering actions by the one they serve. */
export const usePriorityOptions = () =>
  groupedOptions(
    usePriorities(),
    (p) => p.prioritisationTitle,
    (p) => ({ value: p.id, label: p.title }),
  );
