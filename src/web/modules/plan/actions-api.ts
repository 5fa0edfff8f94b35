import { useQuery } from "@tanstack/react-query";
import type { ActionStatus } from "../../../shared/plan";
import { api, unwrap } from "../../api";

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

/** The region's speerpunten, for choosing the one an action serves. */
export function usePriorityOptions() {
  const query = useQuery({
    queryKey: ["priorities", "options"],
    queryFn: async () => unwrap(await api.GET("/api/v1/priorities", {})).items,
  });
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const p of query.data ?? [])
    groups.set(p.prioritisationTitle, [
      ...(groups.get(p.prioritisationTitle) ?? []),
      { value: p.id, label: p.title },
    ]);
  return [...groups].map(([group, items]) => ({ group, items }));
}
