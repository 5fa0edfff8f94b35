import { api, unwrap } from "../../api";
import { useChange } from "../../use-change";

/** One prioritisation as its page shows it: topics ranked, participants' points, speerpunten. */
export const fetchPrioritisation = async (id: string) =>
  unwrap(await api.GET("/api/v1/prioritisations/{id}", { params: { path: { id } } }));

export type Prioritisation = Awaited<ReturnType<typeof fetchPrioritisation>>;
export type Topic = Prioritisation["topics"][number];
export type Priority = Prioritisation["priorities"][number];

export const prioritisationKey = (id: string) => ["prioritisation", id] as const;

/** Badge colours per stage, on the list and on a prioritisation's page. */
export const prioritisationColor = { gathering: "blue", scoring: "violet.9", decided: "#1e6b34" } as const;

/** Runs a change to the prioritisation, says so, and reloads it and the list. */
export const usePrioritisationChange = (id: string) => useChange(prioritisationKey(id), ["prioritisations"]);
