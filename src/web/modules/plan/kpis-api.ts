import { api, unwrap } from "../../api";
import { useChange } from "../../use-change";

export const fetchKpi = async (id: string) =>
  unwrap(await api.GET("/api/v1/kpis/{id}", { params: { path: { id } } }));

export type KpiDetail = Awaited<ReturnType<typeof fetchKpi>>;
export type Measurement = KpiDetail["measurements"][number];

export const kpiKey = (id: string) => ["kpi", id] as const;

/** Badge colours per status: behind in red, on course in blue, reached in green. */
export const kpiColor = {
  no_data: "gray",
  achieved: "#1e6b34",
  on_track: "blue.9",
  off_target: "red.9",
} as const;

/** Runs a change to a KPI or its measurements, says so, and reloads it and the list. */
export const useKpiChange = (id: string) => useChange(kpiKey(id), ["kpis"]);
