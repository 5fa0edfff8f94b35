import { useQuery } from "@tanstack/react-query";
import { FOR_AGAINST } from "../../../shared/voting";
import { api, unwrap } from "../../api";
import type { useT } from "../../i18n";
import { useChange } from "../../use-change";

/** One proposal as its page shows it (`GET /proposals/:id`). */
export const fetchProposal = async (id: string) =>
  unwrap(await api.GET("/api/v1/proposals/{id}", { params: { path: { id } } }));

export type ProposalDetail = Awaited<ReturnType<typeof fetchProposal>>;
export type Proposal = ProposalDetail["proposal"];

export const proposalKey = (id: string) => ["proposal", id] as const;

/** The options a voter chooses from, by index: voor/tegen/onthouding, or the choices plus onthouding. */
export function optionLabels(p: Pick<Proposal, "kind" | "choices">, t: ReturnType<typeof useT>["t"]) {
  return p.kind === "for_against"
    ? FOR_AGAINST.map((w) => t(`proposal.choice.${w}`))
    : [...(p.choices ?? []), t("proposal.choice.abstain")];
}

/** Badge colours per status, on the list and on a proposal's page. */
export const statusColor = { draft: "gray", open: "blue", closed: "dark" } as const;

/** The electorate with who voted and who holds each proxy (bureau), one cached query per proposal. */
export const useVoters = (id: string, enabled = true) =>
  useQuery({
    queryKey: ["proposal", id, "voters"],
    queryFn: async () => unwrap(await api.GET("/api/v1/proposals/{id}/voters", { params: { path: { id } } })),
    enabled,
  });

/** Runs a change to the proposal, says so, and reloads it (and the lists). */
export const useProposalChange = (id: string) => useChange(proposalKey(id), ["proposals"]);
