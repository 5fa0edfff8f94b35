import { and, eq } from "drizzle-orm";
import type { Tally } from "../../../shared/voting.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, invalidField } from "../../platform/errors.js";
import { recordDecision } from "./decisions-service.js";
import { proposals } from "./proposals-schema.js";
import { lockProposal, presentProposal } from "./proposals-service.js";
import { getBody } from "./service.js";
import { OUTCOME_WORDS } from "./words.js";

type Proposal = typeof proposals.$inferSelect;

/**
 * The result in the words of a besluitenlijst: "Statutenwijziging: aangenomen (6 voor, 1 tegen,
 * 1 onthouding)", or for a choice which option was chosen and the votes per option.
 */
export function decisionText(p: Pick<Proposal, "title" | "kind" | "choices">, result: Tally) {
  const abstained = result.counts.at(-1) ?? 0;
  if (p.kind === "for_against")
    return `${p.title}: ${OUTCOME_WORDS[result.outcome]} (${result.counts[0]} voor, ${result.counts[1]} tegen, ${abstained} onthouding).`;
  const choices = p.choices ?? [];
  const outcome =
    result.outcome === "chosen" && result.majority.option !== null
      ? `gekozen is "${choices[result.majority.option]}"`
      : OUTCOME_WORDS[result.outcome];
  const votes = choices.map((c, i) => `${c}: ${result.counts[i] ?? 0}`).join(", ");
  return `${p.title}: ${outcome} (${votes}, onthouding: ${abstained}).`;
}

/**
 * Records a closed vote's result as a decision of its meeting, numbered in the body's
 * besluitenlijst like any other, once: the proposal keeps the link.
 */
export async function recordProposalDecision(ctx: Ctx, id: string, input: { version: number }) {
  const p = await lockProposal(ctx, id);
  const name = (await getBody(ctx, p.bodyId)).name;
  const before = presentProposal(p, name);
  if (p.version !== input.version) throw conflict(before);
  if (p.status !== "closed" || !p.result) throw invalidField("params.id", "field.proposalNotClosed", 409);
  if (!p.meetingId) throw invalidField("params.id", "field.proposalWithoutMeeting");
  if (p.decisionId) throw invalidField("params.id", "field.decisionRecorded", 409);
  const decision = await recordDecision(ctx, p.meetingId, {
    text: decisionText(p, p.result),
    agendaItemId: p.agendaItemId,
  });
  const [row] = await ctx.tx
    .update(proposals)
    .set({ decisionId: decision.id, updatedAt: new Date(), version: p.version + 1 })
    .where(and(eq(proposals.regionId, ctx.actor.regionId), eq(proposals.id, id)))
    .returning();
  await audit(ctx, {
    entityType: "proposal",
    entityId: id,
    action: "update",
    before,
    after: presentProposal(row!, name),
  });
  return {
    id: decision.id,
    number: decision.number,
    text: decision.text,
    agendaItemId: decision.agendaItemId,
  };
}
