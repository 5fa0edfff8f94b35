import { useQuery } from "@tanstack/react-query";
import { type ProjectPhase, planPeriod } from "../../../shared/plan";
import { api, unwrap } from "../../api";
import { groupedOptions } from "../../options";

export const fetchProjects = async (query: {
  q?: string;
  programmeId?: string;
  phase?: ProjectPhase;
  wijkCode?: string;
  mine?: "true";
  cursor?: string;
  limit?: number;
}) => unwrap(await api.GET("/api/v1/projects", { params: { query } }));

export type Project = Awaited<ReturnType<typeof fetchProjects>>["items"][number];

/** The region's programmes (one cached list for the page, its filters and forms). */
export function useProgrammes() {
  return useQuery({
    queryKey: ["programmes"],
    queryFn: async () => unwrap(await api.GET("/api/v1/programmes", {})).items,
  });
}

/**
 * The resultaatgebieden a project can serve (those of the plans in force), grouped by plan and
 * beleidsterrein for a select.
 */
export function useResultAreaOptions() {
  const query = useQuery({
    queryKey: ["plans", "result-area-options"],
    queryFn: async () => unwrap(await api.GET("/api/v1/result-areas", {})).items,
  });
  return groupedOptions(
    query.data ?? [],
    (r) => `${r.planTitle} ${planPeriod(r.startYear, r.endYear)} · ${r.policyAreaName}`,
    (r) => ({ value: r.id, label: r.name }),
  );
}

/** Badge colours per phase, on the list and the kanban. */
export const phaseColor = {
  idea: "gray",
  preparation: "blue",
  execution: "violet.9",
  completion: "#8a3b00",
  closed: "dark",
} as const;
