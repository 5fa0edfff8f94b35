import { and, eq, sql } from "drizzle-orm";
import { dayInNetherlands } from "../../../shared/dates.js";
import { VOTING_ROLES } from "../../../shared/governance.js";
import {
  type Ballot,
  type MajorityRule,
  optionCount,
  type ProposalKind,
  type Tally,
  tally,
  type VoteWeighting,
  type VotingMode,
} from "../../../shared/voting.js";
import { audit } from "../../platform/audit.js";
import { type Ctx, withCtx } from "../../platform/context.js";
import type { Db } from "../../platform/db.js";
import { conflict, invalidField, notFound } from "../../platform/errors.js";
import { regions } from "../../platform/identity-schema.js";
import { keyset } from "../../platform/pagination.js";
import { organisations, persons } from "../network/schema.js";
import { checkAgendaItem } from "./decisions-service.js";
import { getMeetingRow } from "./meetings-service.js";
import { proposalBallots, proposalCounts, proposals, proposalVoters } from "./proposals-schema.js";
import { bodies, seats, seatTerms, termHeldOn } from "./schema.js";
import { getBody } from "./service.js";

export interface ProposalInput {
  bodyId: string;
  meetingId?: string | null;
  /** An item of that meeting's agenda. */
  agendaItemId?: string | null;
  title: string;
  text?: string | null;
  kind: ProposalKind;
  choices?: string[] | null;
  majority: MajorityRule;
  /** Null: no quorum; left out: the body's. */
  quorumPercent?: number | null;
  weighting: VoteWeighting;
  maxProxies: number;
  ballot: Ballot;
  mode: VotingMode;
  closesAt?: string | null;
}

type Row = typeof proposals.$inferSelect;
export const presentProposal = (p: Row, bodyName: string) => ({
  id: p.id,
  bodyId: p.bodyId,
  bodyName,
  meetingId: p.meetingId,
  agendaItemId: p.agendaItemId,
  title: p.title,
  text: p.text,
  kind: p.kind,
  choices: p.choices,
  majority: p.majority,
  quorumPercent: p.quorumPercent,
  weighting: p.weighting,
  maxProxies: p.maxProxies,
  ballot: p.ballot,
  mode: p.mode,
  opensAt: p.opensAt?.toISOString() ?? null,
  closesAt: p.closesAt?.toISOString() ?? null,
  status: p.status,
  electorateOn: p.electorateOn,
  result: p.result,
  decisionId: p.decisionId,
  closedAt: p.closedAt?.toISOString() ?? null,
  version: p.version,
});
export type ProposalDto = ReturnType<typeof presentProposal>;

/**
 * The proposal, locked for the rest of the transaction: proxies, votes and closing of one
 * proposal happen one after the other, so a proxy limit or a second vote can never slip through
 * two requests at once.
 */
export async function lockProposal(ctx: Ctx, id: string) {
  const [p] = await ctx.tx
    .select()
    .from(proposals)
    .where(and(eq(proposals.regionId, ctx.actor.regionId), eq(proposals.id, id)))
    .for("update");
  if (!p) throw notFound();
  return p;
}

export function checkOpen(p: Row) {
  if (p.status === "closed") throw invalidField("params.id", "field.proposalClosed", 409);
  if (p.status !== "open") throw invalidField("params.id", "field.proposalNotOpen", 409);
}

const bodyName = async (ctx: Ctx, bodyId: string) => (await getBody(ctx, bodyId)).name;

export async function listProposals(
  ctx: Ctx,
  f: { bodyId?: string; meetingId?: string; status?: Row["status"]; cursor?: string; limit: number },
) {
  const page = keyset({
    sorts: { created: [proposals.createdAt, proposals.id] },
    sort: "-created",
    defaultSort: "-created",
    cursor: f.cursor,
    limit: f.limit,
  });
  const rows = await ctx.tx
    .select({ p: proposals, bodyName: bodies.name })
    .from(proposals)
    .innerJoin(bodies, and(eq(bodies.regionId, proposals.regionId), eq(bodies.id, proposals.bodyId)))
    .where(
      and(
        eq(proposals.regionId, ctx.actor.regionId),
        f.bodyId ? eq(proposals.bodyId, f.bodyId) : undefined,
        f.meetingId ? eq(proposals.meetingId, f.meetingId) : undefined,
        f.status ? eq(proposals.status, f.status) : undefined,
        page.where,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(page.take);
  return page.page(
    rows.map((r) => ({ ...presentProposal(r.p, r.bodyName), createdAt: r.p.createdAt })),
    (p) => [p.createdAt, p.id],
  );
}

export async function getProposalRow(ctx: Ctx, id: string) {
  const [row] = await ctx.tx
    .select({ p: proposals, bodyName: bodies.name })
    .from(proposals)
    .innerJoin(bodies, and(eq(bodies.regionId, proposals.regionId), eq(bodies.id, proposals.bodyId)))
    .where(and(eq(proposals.regionId, ctx.actor.regionId), eq(proposals.id, id)));
  if (!row) throw notFound();
  return row;
}

function checkChoices(kind: ProposalKind, choices: string[] | null | undefined) {
  if (kind === "choices" && (choices?.length ?? 0) < 2)
    throw invalidField("body.choices", "field.choicesNeeded");
}

function checkClosesAt(mode: VotingMode, closesAt: string | null | undefined, field = "body.closesAt") {
  if (mode !== "online") return;
  if (!closesAt) throw invalidField(field, "field.closesAtNeeded");
  if (new Date(closesAt) <= new Date()) throw invalidField(field, "field.closesAtPast");
}

/** The meeting must be one of the body's, and the agenda item one of that meeting's. */
async function checkMeeting(
  ctx: Ctx,
  bodyId: string,
  meetingId: string | null | undefined,
  agendaItemId: string | null | undefined,
) {
  if (!meetingId) {
    if (agendaItemId) throw invalidField("body.meetingId", "field.agendaItemNeedsMeeting");
    return;
  }
  const { m } = await getMeetingRow(ctx, meetingId).catch(() => {
    throw invalidField("body.meetingId", "problem.notFound", 404);
  });
  if (m.bodyId !== bodyId) throw invalidField("body.meetingId", "problem.notFound", 404);
  await checkAgendaItem(ctx, meetingId, agendaItemId);
}

/** A proposal in draft; its quorum is the body's unless the bureau says otherwise. */
export async function createProposal(ctx: Ctx, input: ProposalInput) {
  const body = await getBody(ctx, input.bodyId).catch(() => {
    throw invalidField("body.bodyId", "problem.notFound", 404);
  });
  checkChoices(input.kind, input.choices);
  if (input.closesAt) checkClosesAt(input.mode, input.closesAt);
  await checkMeeting(ctx, input.bodyId, input.meetingId, input.agendaItemId);
  const [row] = await ctx.tx
    .insert(proposals)
    .values({
      ...input,
      regionId: ctx.actor.regionId,
      choices: input.kind === "choices" ? input.choices : null,
      quorumPercent: input.quorumPercent === undefined ? body.quorumPercent : input.quorumPercent,
      closesAt: input.closesAt ? new Date(input.closesAt) : null,
    })
    .returning();
  const after = presentProposal(row!, body.name);
  await audit(ctx, { entityType: "proposal", entityId: row!.id, action: "create", after });
  return after;
}

/** Changes a draft; once the vote opens, the proposal and its rules are fixed. */
export async function updateProposal(
  ctx: Ctx,
  id: string,
  patch: Partial<Omit<ProposalInput, "bodyId">> & { version: number },
) {
  const p = await lockProposal(ctx, id);
  const name = await bodyName(ctx, p.bodyId);
  const before = presentProposal(p, name);
  if (p.version !== patch.version) throw conflict(before);
  if (p.status !== "draft") throw invalidField("params.id", "field.proposalNotDraft", 409);
  const { version, closesAt, ...fields } = patch;
  const kind = fields.kind ?? p.kind;
  checkChoices(kind, fields.choices === undefined ? p.choices : fields.choices);
  // Another meeting (or none) leaves the old meeting's agenda item behind unless a new one is given.
  if (fields.meetingId !== undefined && fields.meetingId !== p.meetingId) fields.agendaItemId ??= null;
  if (fields.meetingId !== undefined || fields.agendaItemId !== undefined)
    await checkMeeting(
      ctx,
      p.bodyId,
      fields.meetingId === undefined ? p.meetingId : fields.meetingId,
      fields.agendaItemId === undefined ? p.agendaItemId : fields.agendaItemId,
    );
  if (closesAt) checkClosesAt(fields.mode ?? p.mode, closesAt);
  const [row] = await ctx.tx
    .update(proposals)
    .set({
      ...fields,
      ...(kind === "for_against" ? { choices: null } : {}),
      ...(closesAt !== undefined ? { closesAt: closesAt ? new Date(closesAt) : null } : {}),
      updatedAt: new Date(),
      version: version + 1,
    })
    .where(and(eq(proposals.regionId, ctx.actor.regionId), eq(proposals.id, id)))
    .returning();
  const after = presentProposal(row!, name);
  await audit(ctx, { entityType: "proposal", entityId: id, action: "update", before, after });
  return after;
}

/**
 * Opens the vote: the electorate is fixed as the body's voting seat holders of today (one vote per
 * person, or per member organisation a voting seat represents), and an online vote runs until
 * `closesAt`.
 */
export async function openProposal(ctx: Ctx, id: string, input: { version: number; closesAt?: string }) {
  const p = await lockProposal(ctx, id);
  const name = await bodyName(ctx, p.bodyId);
  const before = presentProposal(p, name);
  if (p.version !== input.version) throw conflict(before);
  if (p.status !== "draft") throw invalidField("params.id", "field.proposalNotDraft", 409);
  const closesAt = input.closesAt ?? p.closesAt?.toISOString() ?? null;
  checkClosesAt(p.mode, closesAt);
  const now = new Date();
  const day = dayInNetherlands(now);
  const unit = p.weighting === "person" ? seatTerms.personId : seats.representsOrganisationId;
  const unitName =
    p.weighting === "person"
      ? sql`concat_ws(' ', ${persons.givenName}, nullif(${persons.namePrefix}, ''), ${persons.familyName})`
      : organisations.name;
  // One statement: every (vote, person who may cast it) of today's voting seat holders.
  await ctx.tx.execute(sql`
    insert into ${proposalVoters} (region_id, proposal_id, unit_id, unit_name, person_id)
    select distinct ${ctx.actor.regionId}::uuid, ${id}::uuid, ${unit}, ${unitName}, ${seatTerms.personId}
    from ${seatTerms}
    join ${seats} on ${seats.regionId} = ${seatTerms.regionId} and ${seats.id} = ${seatTerms.seatId}
    join ${persons} on ${persons.regionId} = ${seatTerms.regionId} and ${persons.id} = ${seatTerms.personId}
    left join ${organisations} on ${organisations.regionId} = ${seats.regionId}
      and ${organisations.id} = ${seats.representsOrganisationId}
    where ${seatTerms.regionId} = ${ctx.actor.regionId} and ${seats.bodyId} = ${p.bodyId}
      and ${seats.role} in (${sql.join(
        VOTING_ROLES.map((r) => sql`${r}`),
        sql`, `,
      )})
      and ${termHeldOn(day)}
      and ${unit} is not null`);
  const [{ n } = { n: 0 }] = await ctx.tx
    .select({ n: sql<number>`count(*)::int` })
    .from(proposalVoters)
    .where(and(eq(proposalVoters.regionId, ctx.actor.regionId), eq(proposalVoters.proposalId, id)));
  if (n === 0) throw invalidField("params.id", "field.noElectorate", 409);
  const [row] = await ctx.tx
    .update(proposals)
    .set({
      status: "open",
      electorateOn: day,
      opensAt: now,
      closesAt: p.mode === "online" && closesAt ? new Date(closesAt) : null,
      updatedAt: now,
      version: p.version + 1,
    })
    .where(and(eq(proposals.regionId, ctx.actor.regionId), eq(proposals.id, id)))
    .returning();
  const after = presentProposal(row!, name);
  await audit(ctx, { entityType: "proposal", entityId: id, action: "update", before, after });
  return after;
}

/** The numbers a tally counts, read in one statement. */
export async function countVotes(ctx: Ctx, p: Row): Promise<Tally> {
  const result = (await ctx.tx.execute(sql`
    select
      (select count(distinct unit_id)::int from ${proposalVoters} where region_id = ${p.regionId} and proposal_id = ${p.id}) as electorate,
      (select count(*)::int from ${proposalBallots} where region_id = ${p.regionId} and proposal_id = ${p.id}) as participated,
      (select count(*)::int from ${proposalBallots} where region_id = ${p.regionId} and proposal_id = ${p.id} and by_proxy) as by_proxy,
      (select coalesce(json_agg(json_build_array(choice, votes)), '[]') from ${proposalCounts} where region_id = ${p.regionId} and proposal_id = ${p.id}) as counts`)) as unknown as {
    rows: { electorate: number; participated: number; by_proxy: number; counts: [number, number][] }[];
  };
  const r = result.rows[0]!;
  const counts = Array.from({ length: optionCount(p.kind, p.choices) }, () => 0);
  for (const [choice, votes] of r.counts) counts[choice] = votes;
  return tally({
    kind: p.kind,
    majority: p.majority,
    quorumPercent: p.quorumPercent,
    electorate: r.electorate,
    participated: r.participated,
    byProxy: r.by_proxy,
    counts,
  });
}

/**
 * Closes the vote and fixes its result. An online vote closes after its window (the hourly
 * sweep closes it then, or the bureau); a vote in the meeting when the bureau has recorded it.
 */
export async function closeProposal(ctx: Ctx, id: string, input: { version: number }) {
  const p = await lockProposal(ctx, id);
  const name = await bodyName(ctx, p.bodyId);
  const before = presentProposal(p, name);
  if (p.version !== input.version) throw conflict(before);
  checkOpen(p);
  if (p.mode === "online" && p.closesAt && p.closesAt > new Date())
    throw invalidField("params.id", "field.votingStillOpen", 409);
  return closeLocked(ctx, p, name);
}

async function closeLocked(ctx: Ctx, p: Row, name: string) {
  const result = await countVotes(ctx, p);
  const now = new Date();
  const [row] = await ctx.tx
    .update(proposals)
    .set({ status: "closed", result, closedAt: now, updatedAt: now, version: p.version + 1 })
    .where(and(eq(proposals.regionId, p.regionId), eq(proposals.id, p.id)))
    .returning();
  const after = presentProposal(row!, name);
  await audit(ctx, {
    entityType: "proposal",
    entityId: p.id,
    action: "update",
    before: presentProposal(p, name),
    after,
  });
  return after;
}

/**
 * Closes every region's online votes whose window has passed; the app runs it hourly. Votes
 * after the window were refused already, so closing late changes no result.
 */
export async function closeExpiredVotes(db: Db) {
  let closed = 0;
  for (const region of await db.select({ id: regions.id }).from(regions))
    closed += await withCtx(
      db,
      {
        kind: "token",
        regionId: region.id,
        userId: null,
        name: "Regiotafel (sluiting stemtermijn)",
        role: "beheerder",
      },
      { lang: "nl", requestId: "close-expired-votes" },
      closeExpiredProposals,
    );
  return closed;
}

async function closeExpiredProposals(ctx: Ctx) {
  const due = await ctx.tx
    .select({ id: proposals.id })
    .from(proposals)
    .where(
      and(
        eq(proposals.regionId, ctx.actor.regionId),
        eq(proposals.status, "open"),
        sql`${proposals.closesAt} <= now()`,
      ),
    );
  for (const { id } of due) {
    const p = await lockProposal(ctx, id);
    if (p.status === "open") await closeLocked(ctx, p, await bodyName(ctx, p.bodyId));
  }
  return due.length;
}
