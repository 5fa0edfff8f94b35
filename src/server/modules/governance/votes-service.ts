import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { optionCount } from "../../../shared/voting.js";
import { audit, auditMany } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { forbidden, invalidField, notFound } from "../../platform/errors.js";
import { personNameSql, personOfUser } from "../network/persons-service.js";
import { isBureau } from "./policy.js";
import {
  proposalBallots,
  proposalCounts,
  proposalProxies,
  type proposals,
  proposalVoters,
} from "./proposals-schema.js";
import { checkOpen, countVotes, getProposalRow, lockProposal, presentProposal } from "./proposals-service.js";

type Proposal = typeof proposals.$inferSelect;

/** The votes (units) a person may cast themselves: theirs, unless given away, and those held by proxy. */
async function votesOf(ctx: Ctx, proposalId: string, personId: string) {
  const rows = await ctx.tx
    .select({
      unitId: proposalVoters.unitId,
      unitName: proposalVoters.unitName,
      own: sql<boolean>`${proposalVoters.personId} = ${personId}`,
    })
    .from(proposalVoters)
    .where(
      and(
        eq(proposalVoters.regionId, ctx.actor.regionId),
        eq(proposalVoters.proposalId, proposalId),
        sql`(${proposalVoters.personId} = ${personId} or ${proposalVoters.unitId} in (
          select unit_id from ${proposalProxies} x where x.region_id = ${ctx.actor.regionId}
            and x.proposal_id = ${proposalId} and x.holder_person_id = ${personId}))`,
      ),
    );
  // An organisation with two representatives has two rows; one vote.
  const units = new Map<string, { unitId: string; unitName: string; own: boolean }>();
  for (const r of rows) units.set(r.unitId, { ...r, own: r.own || (units.get(r.unitId)?.own ?? false) });
  return [...units.values()];
}

/**
 * What the acting user sees of a proposal beyond its rules: how many voted (never an interim
 * result), their own votes with whether each is cast or given by proxy, the proxies they gave or
 * hold (the bureau sees all), and, once an open ballot has closed, who voted what.
 */
export async function getProposal(ctx: Ctx, id: string) {
  const { p, bodyName } = await getProposalRow(ctx, id);
  const personId = await personOfUser(ctx);
  const bureau = isBureau(ctx.actor);
  const { electorate, participated } =
    p.status === "draft" ? { electorate: 0, participated: 0 } : await countVotes(ctx, p);
  const mine = personId && p.status !== "draft" ? await votesOf(ctx, id, personId) : [];
  const cast = mine.length
    ? await ctx.tx
        .select({ unitId: proposalBallots.unitId, choice: proposalBallots.choice })
        .from(proposalBallots)
        .where(
          and(
            eq(proposalBallots.regionId, ctx.actor.regionId),
            eq(proposalBallots.proposalId, id),
            inArray(
              proposalBallots.unitId,
              mine.map((m) => m.unitId),
            ),
          ),
        )
    : [];
  const proxies = await ctx.tx
    .select({
      id: proposalProxies.id,
      unitId: proposalProxies.unitId,
      // One-table select: drizzle leaves columns unqualified, so subqueries name the table.
      unitName: sql<string>`(select v.unit_name from ${proposalVoters} v where v.region_id = proposal_proxies.region_id
        and v.proposal_id = proposal_proxies.proposal_id and v.unit_id = proposal_proxies.unit_id limit 1)`,
      grantedByName: personNameSql(
        sql`proposal_proxies.region_id`,
        sql`proposal_proxies.granted_by_person_id`,
      ),
      holderPersonId: proposalProxies.holderPersonId,
      holderName: personNameSql(sql`proposal_proxies.region_id`, sql`proposal_proxies.holder_person_id`),
      grantedByPersonId: proposalProxies.grantedByPersonId,
    })
    .from(proposalProxies)
    .where(
      and(
        eq(proposalProxies.regionId, ctx.actor.regionId),
        eq(proposalProxies.proposalId, id),
        bureau
          ? undefined
          : personId
            ? sql`(${proposalProxies.holderPersonId} = ${personId} or ${proposalProxies.grantedByPersonId} = ${personId})`
            : sql`false`,
      ),
    )
    .orderBy(asc(proposalProxies.createdAt));
  const ownUnits = mine.filter((m) => m.own).map((m) => m.unitId);
  const votes =
    p.status === "closed" && p.ballot === "open"
      ? await ctx.tx
          .select({
            unitName: sql<string>`min(${proposalVoters.unitName})`,
            choice: proposalBallots.choice,
            byProxy: proposalBallots.byProxy,
            castByName: personNameSql(sql`${proposalBallots.regionId}`, proposalBallots.castByPersonId),
          })
          .from(proposalBallots)
          .innerJoin(
            proposalVoters,
            and(
              eq(proposalVoters.regionId, proposalBallots.regionId),
              eq(proposalVoters.proposalId, proposalBallots.proposalId),
              eq(proposalVoters.unitId, proposalBallots.unitId),
            ),
          )
          .where(and(eq(proposalBallots.regionId, ctx.actor.regionId), eq(proposalBallots.proposalId, id)))
          .groupBy(
            proposalBallots.regionId,
            proposalBallots.unitId,
            proposalBallots.choice,
            proposalBallots.byProxy,
            proposalBallots.castByPersonId,
          )
          .orderBy(sql`min(${proposalVoters.unitName})`)
      : null;
  return {
    proposal: presentProposal(p, bodyName),
    electorate,
    participated,
    myVotes: mine.map((m) => {
      const ballot = cast.find((c) => c.unitId === m.unitId);
      const given = m.own ? proxies.find((x) => x.unitId === m.unitId) : undefined;
      return {
        unitId: m.unitId,
        unitName: m.unitName,
        own: m.own,
        voted: Boolean(ballot),
        // Only the voter's own choice in an open ballot is shown back; a secret one is not kept.
        choice: ballot?.choice ?? null,
        proxyHolderName: given?.holderName ?? null,
      };
    }),
    canGrantProxy: p.maxProxies > 0 && p.status !== "closed" && ownUnits.length > 0,
    proxies: proxies.map(({ grantedByPersonId: _g, ...x }) => x),
    votes,
  };
}
export type ProposalDetail = Awaited<ReturnType<typeof getProposal>>;

/**
 * Who may cast `unitId` (`mine`: the votes the person may cast): its own voters, unless they
 * gave a proxy, or the proxy holder.
 */
async function checkMayCast(
  ctx: Ctx,
  p: Proposal,
  unitId: string,
  personId: string,
  mine: { unitId: string }[],
) {
  if (!mine.some((m) => m.unitId === unitId)) throw invalidField("body.unitId", "field.notAVoter");
  const proxy = await proxyOf(ctx, p.id, unitId);
  if (proxy && proxy.holderPersonId !== personId) throw invalidField("body.unitId", "field.proxyGiven", 409);
  return { byProxy: Boolean(proxy) };
}

async function proxyOf(ctx: Ctx, proposalId: string, unitId: string) {
  const [row] = await ctx.tx
    .select()
    .from(proposalProxies)
    .where(
      and(
        eq(proposalProxies.regionId, ctx.actor.regionId),
        eq(proposalProxies.proposalId, proposalId),
        eq(proposalProxies.unitId, unitId),
      ),
    );
  return row;
}

async function hasVoted(ctx: Ctx, proposalId: string, unitId: string) {
  const [row] = await ctx.tx
    .select({ unitId: proposalBallots.unitId })
    .from(proposalBallots)
    .where(
      and(
        eq(proposalBallots.regionId, ctx.actor.regionId),
        eq(proposalBallots.proposalId, proposalId),
        eq(proposalBallots.unitId, unitId),
      ),
    );
  return Boolean(row);
}

function checkChoice(p: Proposal, choice: number, field: string) {
  if (choice >= optionCount(p.kind, p.choices)) throw invalidField(field, "field.choice");
}

/**
 * Records one ballot and adds it to the counts. A secret ballot keeps the choice only in the
 * counts, and the audit row says that a vote was cast, not what.
 */
async function recordBallot(
  ctx: Ctx,
  p: Proposal,
  b: { unitId: string; choice: number; castByPersonId: string | null; byProxy: boolean },
) {
  await ctx.tx.insert(proposalBallots).values({
    regionId: ctx.actor.regionId,
    proposalId: p.id,
    unitId: b.unitId,
    castByPersonId: b.castByPersonId,
    byProxy: b.byProxy,
    mode: p.mode,
    choice: p.ballot === "open" ? b.choice : null,
  });
  await addCounts(ctx, p.id, [b.choice]);
}

async function addCounts(ctx: Ctx, proposalId: string, choices: number[]) {
  const per = new Map<number, number>();
  for (const c of choices) per.set(c, (per.get(c) ?? 0) + 1);
  if (!per.size) return;
  await ctx.tx
    .insert(proposalCounts)
    .values([...per].map(([choice, votes]) => ({ regionId: ctx.actor.regionId, proposalId, choice, votes })))
    .onConflictDoUpdate({
      target: [proposalCounts.proposalId, proposalCounts.choice],
      set: { votes: sql`${proposalCounts.votes} + excluded.votes` },
    });
}

/**
 * Casts a vote online: within the window, once per vote, by its voter or the proxy holder. The
 * voter's only vote is meant when `unitId` is left out.
 */
export async function castVote(ctx: Ctx, id: string, input: { unitId?: string; choice: number }) {
  const p = await lockProposal(ctx, id);
  checkOpen(p);
  if (p.mode !== "online") throw invalidField("params.id", "field.votingMode.meeting", 409);
  const now = new Date();
  if ((p.opensAt && now < p.opensAt) || (p.closesAt && now >= p.closesAt))
    throw invalidField("params.id", "field.votingWindow", 409);
  checkChoice(p, input.choice, "body.choice");
  const personId = await personOfUser(ctx);
  if (!personId) throw invalidField("body.unitId", "field.notAVoter");
  const mine = await votesOf(ctx, id, personId);
  let unitId = input.unitId;
  if (!unitId) {
    const own = mine.filter((m) => m.own);
    if (own.length !== 1) throw invalidField("body.unitId", own.length ? "field.choice" : "field.notAVoter");
    unitId = own[0]!.unitId;
  }
  const { byProxy } = await checkMayCast(ctx, p, unitId, personId, mine);
  if (await hasVoted(ctx, id, unitId)) throw invalidField("body.unitId", "field.alreadyVoted", 409);
  await recordBallot(ctx, p, { unitId, choice: input.choice, castByPersonId: personId, byProxy });
  await audit(ctx, {
    entityType: "proposalVote",
    entityId: id,
    action: "create",
    after: { unitId, byProxy, ...(p.ballot === "open" ? { choice: input.choice } : {}) },
  });
  return { unitId, voted: true };
}

/**
 * Records the votes cast in the meeting (bureau). An open ballot per vote with its choice; a
 * secret one as who voted plus the totals per option, which must add up.
 */
export async function recordMeetingVotes(
  ctx: Ctx,
  id: string,
  input: { votes?: { unitId: string; choice: number }[]; secret?: { unitIds: string[]; counts: number[] } },
) {
  const p = await lockProposal(ctx, id);
  checkOpen(p);
  if (p.mode !== "meeting") throw invalidField("params.id", "field.votingMode.online", 409);
  const entries =
    p.ballot === "open"
      ? (input.votes ?? []).map((v, i) => ({ ...v, field: `body.votes.${i}.unitId` }))
      : (input.secret?.unitIds ?? []).map((unitId, i) => ({
          unitId,
          choice: -1,
          field: `body.secret.unitIds.${i}`,
        }));
  if (p.ballot === "open" && !input.votes) throw invalidField("body.votes", "field.choice");
  if (p.ballot === "secret") {
    const counts = input.secret?.counts ?? [];
    if (counts.length !== optionCount(p.kind, p.choices))
      throw invalidField("body.secret.counts", "field.choice");
    if (counts.reduce((a, b) => a + b, 0) !== entries.length)
      throw invalidField("body.secret.counts", "field.secretCounts");
  }
  const voters = new Map(
    (
      await votersWithState(
        ctx,
        id,
        entries.map((e) => e.unitId),
      )
    ).map((v) => [v.unitId, v]),
  );
  const seen = new Set<string>();
  for (const [i, e] of entries.entries()) {
    const voter = voters.get(e.unitId);
    if (!voter) throw invalidField(e.field, "field.notAVoter");
    if (seen.has(e.unitId) || voter.voted) throw invalidField(e.field, "field.alreadyVoted", 409);
    seen.add(e.unitId);
    if (p.ballot === "open") checkChoice(p, e.choice, `body.votes.${i}.choice`);
  }
  if (entries.length)
    await ctx.tx.insert(proposalBallots).values(
      entries.map((e) => ({
        regionId: ctx.actor.regionId,
        proposalId: id,
        unitId: e.unitId,
        castByPersonId: voters.get(e.unitId)!.proxyHolderPersonId,
        byProxy: voters.get(e.unitId)!.proxyHolderPersonId !== null,
        mode: "meeting" as const,
        choice: p.ballot === "open" ? e.choice : null,
      })),
    );
  await addCounts(
    ctx,
    id,
    p.ballot === "open"
      ? entries.map((e) => e.choice)
      : (input.secret?.counts ?? []).flatMap((n, choice) => Array.from({ length: n }, () => choice)),
  );
  await auditMany(
    ctx,
    entries.map((e) => ({
      entityType: "proposalVote",
      entityId: id,
      action: "create",
      after: { unitId: e.unitId, mode: "meeting", ...(p.ballot === "open" ? { choice: e.choice } : {}) },
    })),
  );
  return { recorded: entries.length };
}

/**
 * Gives a proxy (volmacht) for a vote: by its voter, or by the bureau that received it in
 * writing. The holder must have a vote of their own in this ballot, hold fewer proxies than the
 * statuten allow, and neither side may be part of another proxy (no chains).
 */
export async function grantProxy(ctx: Ctx, id: string, input: { unitId?: string; holderPersonId: string }) {
  const p = await lockProposal(ctx, id);
  checkOpen(p);
  const personId = await personOfUser(ctx);
  const bureau = isBureau(ctx.actor);
  const voters = await ctx.tx
    .select({ unitId: proposalVoters.unitId, personId: proposalVoters.personId })
    .from(proposalVoters)
    .where(and(eq(proposalVoters.regionId, ctx.actor.regionId), eq(proposalVoters.proposalId, id)));
  const own = voters.filter((v) => v.personId === personId).map((v) => v.unitId);
  const unitId = input.unitId ?? (own.length === 1 ? own[0] : undefined);
  if (!unitId || !voters.some((v) => v.unitId === unitId))
    throw invalidField("body.unitId", "field.notAVoter");
  if (!bureau && !own.includes(unitId)) throw forbidden();
  const castersOfUnit = voters.filter((v) => v.unitId === unitId).map((v) => v.personId);
  if (castersOfUnit.includes(input.holderPersonId))
    throw invalidField("body.holderPersonId", "field.proxyToSelf");
  const holderUnits = voters.filter((v) => v.personId === input.holderPersonId).map((v) => v.unitId);
  if (!holderUnits.length) throw invalidField("body.holderPersonId", "field.proxyHolderNotVoter");
  if (p.maxProxies === 0) throw invalidField("body.holderPersonId", "field.proxyLimit", 409);
  const existing = await ctx.tx
    .select({ unitId: proposalProxies.unitId, holder: proposalProxies.holderPersonId })
    .from(proposalProxies)
    .where(and(eq(proposalProxies.regionId, ctx.actor.regionId), eq(proposalProxies.proposalId, id)));
  if (existing.some((x) => x.unitId === unitId)) throw invalidField("body.unitId", "field.proxyExists", 409);
  if (await hasVoted(ctx, id, unitId)) throw invalidField("body.unitId", "field.alreadyVoted", 409);
  // No chains: the holder gave none of their votes away, and the grantors hold none.
  if (existing.some((x) => holderUnits.includes(x.unitId) || castersOfUnit.includes(x.holder)))
    throw invalidField("body.holderPersonId", "field.proxyChain", 409);
  if (existing.filter((x) => x.holder === input.holderPersonId).length >= p.maxProxies)
    throw invalidField("body.holderPersonId", "field.proxyLimit", 409);
  const [row] = await ctx.tx
    .insert(proposalProxies)
    .values({
      regionId: ctx.actor.regionId,
      proposalId: id,
      unitId,
      grantedByPersonId: personId && own.includes(unitId) ? personId : castersOfUnit[0]!,
      holderPersonId: input.holderPersonId,
    })
    .returning();
  await audit(ctx, {
    entityType: "proposalProxy",
    entityId: row!.id,
    action: "create",
    after: { proposalId: id, unitId, holderPersonId: input.holderPersonId },
  });
  return { id: row!.id, unitId, holderPersonId: input.holderPersonId };
}

/** Withdraws a proxy before it is used: its grantor or the bureau. */
export async function withdrawProxy(ctx: Ctx, id: string, proxyId: string) {
  const p = await lockProposal(ctx, id);
  if (p.status === "closed") throw invalidField("params.id", "field.proposalClosed", 409);
  const [x] = await ctx.tx
    .select()
    .from(proposalProxies)
    .where(
      and(
        eq(proposalProxies.regionId, ctx.actor.regionId),
        eq(proposalProxies.proposalId, id),
        eq(proposalProxies.id, proxyId),
      ),
    );
  if (!x) throw notFound();
  if (!isBureau(ctx.actor) && x.grantedByPersonId !== (await personOfUser(ctx))) throw forbidden();
  if (await hasVoted(ctx, id, x.unitId)) throw invalidField("params.proxyId", "field.alreadyVoted", 409);
  await ctx.tx.delete(proposalProxies).where(eq(proposalProxies.id, proxyId));
  await audit(ctx, {
    entityType: "proposalProxy",
    entityId: proxyId,
    action: "delete",
    before: { proposalId: id, unitId: x.unitId, holderPersonId: x.holderPersonId },
  });
}

/**
 * The electorate's votes (all, or `unitIds`) with whether each was cast (not what) and who holds
 * its proxy: one statement.
 */
function votersWithState(ctx: Ctx, id: string, unitIds?: string[]) {
  return ctx.tx
    .select({
      unitId: proposalVoters.unitId,
      unitName: sql<string>`min(${proposalVoters.unitName})`,
      // One-table select: drizzle leaves columns unqualified, so subqueries name the table.
      voted: sql<boolean>`exists (select 1 from ${proposalBallots} b where b.region_id = proposal_voters.region_id
        and b.proposal_id = proposal_voters.proposal_id and b.unit_id = proposal_voters.unit_id)`,
      proxyHolderPersonId: sql<string | null>`(select x.holder_person_id from ${proposalProxies} x
        where x.region_id = proposal_voters.region_id and x.proposal_id = proposal_voters.proposal_id
        and x.unit_id = proposal_voters.unit_id)`,
      proxyHolderName: sql<string | null>`(select ${personNameSql(sql`x.region_id`, sql`x.holder_person_id`)}
        from ${proposalProxies} x where x.region_id = proposal_voters.region_id
        and x.proposal_id = proposal_voters.proposal_id and x.unit_id = proposal_voters.unit_id)`,
    })
    .from(proposalVoters)
    .where(
      and(
        eq(proposalVoters.regionId, ctx.actor.regionId),
        eq(proposalVoters.proposalId, id),
        unitIds ? inArray(proposalVoters.unitId, unitIds) : undefined,
      ),
    )
    .groupBy(proposalVoters.regionId, proposalVoters.proposalId, proposalVoters.unitId)
    .orderBy(sql`min(${proposalVoters.unitName})`);
}

/**
 * The electorate with who has voted (not what) and who holds each proxy: what the bureau works
 * from when recording the votes cast in the meeting.
 */
export async function listVoters(ctx: Ctx, id: string) {
  await getProposalRow(ctx, id);
  return (await votersWithState(ctx, id)).map(({ proxyHolderPersonId: _, ...v }) => v);
}
