import { FOR_AGAINST } from "../../../shared/voting";
import { api, unwrap } from "../../api";
import type { useT } from "../../i18n";

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
