import { api, unwrap } from "../../api";
import { useChange } from "../../use-change";

/** One regioplan as its page shows it (`GET /plans/:id`). */
export const fetchPlan = async (id: string) =>
  unwrap(await api.GET("/api/v1/plans/{id}", { params: { path: { id } } }));

export type Plan = Awaited<ReturnType<typeof fetchPlan>>;
export type PolicyArea = Plan["policyAreas"][number];
export type ResultArea = PolicyArea["resultAreas"][number];

export const planKey = (id: string) => ["plan", id] as const;

/** Badge colours per status, on the list and on a plan's page. */
export const planColor = { concept: "gray", adopted: "#1e6b34" } as const;

/** Runs a change to the plan, says so, and reloads it and the list. */
export const usePlanChange = (id: string) => useChange(planKey(id), ["plans"]);
