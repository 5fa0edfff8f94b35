import { and, asc, desc, eq, ilike, inArray, sql } from "drizzle-orm";
import { dayInNetherlands } from "../../../shared/dates.js";
import { type ActionItemStatus, DEFAULT_BODY_CODES, decisionNumber } from "../../../shared/governance.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, forbidden, invalidField, notFound } from "../../platform/errors.js";
import { escapeLike, keyset } from "../../platform/pagination.js";
import { personNameSql, personOfUser, personOfUserSql, requirePerson } from "../network/persons-service.js";
import { actionItems, decisionCounters, decisions } from "./decisions-schema.js";
import { agendaItems, meetings } from "./meetings-schema.js";
import { getMeetingRow } from "./meetings-service.js";
import { isBureau } from "./policy.js";
import { bodies } from "./schema.js";

/** The agenda item must be one of this meeting's. */
export async function checkAgendaItem(ctx: Ctx, meetingId: string, agendaItemId: string | null | undefined) {
  if (!agendaItemId) return;
  const [item] = await ctx.tx
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(
      and(
        eq(agendaItems.regionId, ctx.actor.regionId),
        eq(agendaItems.meetingId, meetingId),
        eq(agendaItems.id, agendaItemId),
      ),
    );
  if (!item) throw invalidField("body.agendaItemId", "problem.notFound", 404);
}

/** Decisions and actions belong to a meeting that took place as planned: not a cancelled one. */
async function meetingForRecords(ctx: Ctx, meetingId: string) {
  const row = await getMeetingRow(ctx, meetingId);
  if (row.m.cancelledAt) throw invalidField("params.id", "field.meetingCancelled", 409);
  return row;
}

// ── decisions ──────────────────────────────────────────────────────────────────────────────

type DecisionRow = typeof decisions.$inferSelect;
const presentDecision = (
  d: DecisionRow,
  extra: { bodyName: string; meetingTitle: string; meetingStartsAt: Date },
) => ({
  id: d.id,
  number: d.number,
  text: d.text,
  bodyId: d.bodyId,
  bodyName: extra.bodyName,
  meetingId: d.meetingId,
  meetingTitle: extra.meetingTitle,
  meetingStartsAt: extra.meetingStartsAt.toISOString(),
  agendaItemId: d.agendaItemId,
  version: d.version,
});
export type DecisionDto = ReturnType<typeof presentDecision>;

const decisionColumns = {
  d: decisions,
  bodyName: bodies.name,
  meetingTitle: meetings.title,
  meetingStartsAt: meetings.startsAt,
};
const decisionsFrom = (ctx: Ctx) =>
  ctx.tx
    .select(decisionColumns)
    .from(decisions)
    .innerJoin(bodies, and(eq(bodies.regionId, decisions.regionId), eq(bodies.id, decisions.bodyId)))
    .innerJoin(
      meetings,
      and(eq(meetings.regionId, decisions.regionId), eq(meetings.id, decisions.meetingId)),
    );

/**
 * The besluitenlijst: the region's decisions, newest number first, of one body, one meeting or
 * one year, searchable in their text.
 */
export async function listDecisions(
  ctx: Ctx,
  f: { bodyId?: string; meetingId?: string; year?: number; q?: string; cursor?: string; limit: number },
) {
  const page = keyset({
    sorts: { number: [decisions.year, decisions.sequence, decisions.id] },
    sort: "-number",
    defaultSort: "-number",
    cursor: f.cursor,
    limit: f.limit,
  });
  const rows = await decisionsFrom(ctx)
    .where(
      and(
        eq(decisions.regionId, ctx.actor.regionId),
        f.bodyId ? eq(decisions.bodyId, f.bodyId) : undefined,
        f.meetingId ? eq(decisions.meetingId, f.meetingId) : undefined,
        f.year ? eq(decisions.year, f.year) : undefined,
        f.q ? ilike(decisions.text, `%${escapeLike(f.q)}%`) : undefined,
        page.where,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(page.take);
  return page.page(
    rows.map((r) => ({ ...presentDecision(r.d, r), year: r.d.year, sequence: r.d.sequence })),
    (d) => [d.year, d.sequence, d.id],
  );
}

async function getDecision(ctx: Ctx, id: string) {
  const [row] = await decisionsFrom(ctx).where(
    and(eq(decisions.regionId, ctx.actor.regionId), eq(decisions.id, id)),
  );
  if (!row) throw notFound();
  return row;
}

/** Decisions of approved minutes are part of the record: they no longer change. */
function checkMinutesOpen(m: { minutesApprovedAt: Date | null }) {
  if (m.minutesApprovedAt) throw invalidField("params.id", "field.minutesApproved", 409);
}

/**
 * Records a decision of a meeting and gives it the body's next number for the meeting's year.
 * The counter is one upsert, so two decisions recorded at once never share a number.
 */
export async function recordDecision(
  ctx: Ctx,
  meetingId: string,
  input: { text: string; agendaItemId?: string | null },
) {
  const { m, body } = await meetingForRecords(ctx, meetingId);
  checkMinutesOpen(m);
  await checkAgendaItem(ctx, meetingId, input.agendaItemId);
  const year = Number(dayInNetherlands(m.startsAt).slice(0, 4));
  const [counter] = await ctx.tx
    .insert(decisionCounters)
    .values({ regionId: ctx.actor.regionId, bodyId: m.bodyId, year, last: 1 })
    .onConflictDoUpdate({
      target: [decisionCounters.regionId, decisionCounters.bodyId, decisionCounters.year],
      set: { last: sql`${decisionCounters.last} + 1` },
    })
    .returning({ last: decisionCounters.last });
  const sequence = counter!.last;
  const [row] = await ctx.tx
    .insert(decisions)
    .values({
      regionId: ctx.actor.regionId,
      bodyId: m.bodyId,
      meetingId,
      agendaItemId: input.agendaItemId ?? null,
      year,
      sequence,
      number: decisionNumber(body.code ?? DEFAULT_BODY_CODES[body.kind], year, sequence),
      text: input.text,
    })
    .returning();
  const after = presentDecision(row!, {
    bodyName: body.name,
    meetingTitle: m.title,
    meetingStartsAt: m.startsAt,
  });
  await audit(ctx, { entityType: "decision", entityId: row!.id, action: "create", after });
  return after;
}

export async function updateDecision(
  ctx: Ctx,
  id: string,
  patch: { version: number; text?: string; agendaItemId?: string | null },
) {
  const found = await getDecision(ctx, id);
  const before = presentDecision(found.d, found);
  if (found.d.version !== patch.version) throw conflict(before);
  checkMinutesOpen((await getMeetingRow(ctx, found.d.meetingId)).m);
  await checkAgendaItem(ctx, found.d.meetingId, patch.agendaItemId);
  const { version, ...fields } = patch;
  const [row] = await ctx.tx
    .update(decisions)
    .set({ ...fields, updatedAt: new Date(), version: version + 1 })
    .where(
      and(eq(decisions.regionId, ctx.actor.regionId), eq(decisions.id, id), eq(decisions.version, version)),
    )
    .returning();
  if (!row) throw conflict(before);
  const after = presentDecision(row, found);
  await audit(ctx, { entityType: "decision", entityId: id, action: "update", before, after });
  return after;
}

// ── action items ───────────────────────────────────────────────────────────────────────────

function presentActions(rows: Awaited<ReturnType<ReturnType<typeof actionsFrom>["where"]>>) {
  return rows.map(({ a, bodyName, meetingTitle, ownerName, mine }) => ({
    id: a.id,
    description: a.description,
    ownerPersonId: a.ownerPersonId,
    ownerName: ownerName ?? "",
    dueDate: a.dueDate,
    status: a.status,
    bodyId: a.bodyId,
    bodyName,
    meetingId: a.meetingId,
    meetingTitle,
    agendaItemId: a.agendaItemId,
    /** Whether the acting user owns it (and so may move its status). */
    mine,
    version: a.version,
  }));
}
export type ActionItemDto = ReturnType<typeof presentActions>[number];

/** Action items with their body, meeting, owner's name and whether they are the user's: one statement. */
const actionsFrom = (ctx: Ctx) =>
  ctx.tx
    .select({
      a: actionItems,
      bodyName: bodies.name,
      meetingTitle: meetings.title,
      ownerName: personNameSql(ctx.actor.regionId, actionItems.ownerPersonId),
      mine: sql<boolean>`coalesce(${actionItems.ownerPersonId} = ${personOfUserSql(ctx)}, false)`,
    })
    .from(actionItems)
    .innerJoin(bodies, and(eq(bodies.regionId, actionItems.regionId), eq(bodies.id, actionItems.bodyId)))
    .innerJoin(
      meetings,
      and(eq(meetings.regionId, actionItems.regionId), eq(meetings.id, actionItems.meetingId)),
    );

const OPEN: ActionItemStatus[] = ["open", "in_progress"];

/**
 * The actielijst, soonest due first: of one body or meeting, of one owner or (`mine`) of the
 * acting user's person, by status or only the open ones.
 */
export async function listActionItems(
  ctx: Ctx,
  f: {
    bodyId?: string;
    meetingId?: string;
    ownerPersonId?: string;
    mine?: boolean;
    status?: ActionItemStatus;
    open?: boolean;
    cursor?: string;
    limit: number;
  },
) {
  const page = keyset({
    sorts: { dueDate: [actionItems.dueDate, actionItems.id] },
    sort: "dueDate",
    defaultSort: "dueDate",
    cursor: f.cursor,
    limit: f.limit,
  });
  const owner = f.mine ? await personOfUser(ctx) : f.ownerPersonId;
  if (f.mine && !owner) return { items: [], nextCursor: null };
  const rows = await actionsFrom(ctx)
    .where(
      and(
        eq(actionItems.regionId, ctx.actor.regionId),
        f.bodyId ? eq(actionItems.bodyId, f.bodyId) : undefined,
        f.meetingId ? eq(actionItems.meetingId, f.meetingId) : undefined,
        owner ? eq(actionItems.ownerPersonId, owner) : undefined,
        f.status ? eq(actionItems.status, f.status) : undefined,
        f.open ? inArray(actionItems.status, OPEN) : undefined,
        page.where,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(page.take);
  return page.page(presentActions(rows), (a) => [a.dueDate, a.id]);
}

async function getAction(ctx: Ctx, id: string) {
  const rows = await actionsFrom(ctx).where(
    and(eq(actionItems.regionId, ctx.actor.regionId), eq(actionItems.id, id)),
  );
  if (!rows[0]) throw notFound();
  return presentActions(rows)[0]!;
}

export interface ActionItemInput {
  description: string;
  ownerPersonId: string;
  dueDate: string;
  agendaItemId?: string | null;
}

export async function addActionItem(ctx: Ctx, meetingId: string, input: ActionItemInput) {
  const { m } = await meetingForRecords(ctx, meetingId);
  await requirePerson(ctx, input.ownerPersonId, "body.ownerPersonId");
  await checkAgendaItem(ctx, meetingId, input.agendaItemId);
  const [row] = await ctx.tx
    .insert(actionItems)
    .values({ ...input, regionId: ctx.actor.regionId, bodyId: m.bodyId, meetingId })
    .returning();
  const after = await getAction(ctx, row!.id);
  await audit(ctx, { entityType: "action_item", entityId: row!.id, action: "create", after });
  return after;
}

/**
 * Changes an action item. The bureau changes anything; the owner moves the status of their own
 * action (started, done). A stale `version` gives 409 with the current action.
 */
export async function updateActionItem(
  ctx: Ctx,
  id: string,
  patch: Partial<Omit<ActionItemInput, "agendaItemId">> & { status?: ActionItemStatus; version: number },
) {
  const before = await getAction(ctx, id);
  if (!isBureau(ctx.actor)) {
    const ownStatusOnly =
      before.ownerPersonId === (await personOfUser(ctx)) &&
      Object.keys(patch).every((k) => k === "status" || k === "version");
    if (!ownStatusOnly) throw forbidden();
  }
  if (before.version !== patch.version) throw conflict(before);
  if (patch.ownerPersonId) await requirePerson(ctx, patch.ownerPersonId, "body.ownerPersonId");
  const { version, ...fields } = patch;
  const [row] = await ctx.tx
    .update(actionItems)
    .set({
      ...fields,
      // A new due date is worth a new reminder.
      ...(fields.dueDate && fields.dueDate !== before.dueDate
        ? { dueSoonNoticeSentAt: null, overdueNoticeSentAt: null }
        : {}),
      updatedAt: new Date(),
      version: version + 1,
    })
    .where(
      and(
        eq(actionItems.regionId, ctx.actor.regionId),
        eq(actionItems.id, id),
        eq(actionItems.version, version),
      ),
    )
    .returning({ id: actionItems.id });
  if (!row) throw conflict(await getAction(ctx, id));
  const after = await getAction(ctx, id);
  await audit(ctx, { entityType: "action_item", entityId: id, action: "update", before, after });
  return after;
}

/** A meeting's own decisions (by number) and action items (by due date), for its page. */
export async function recordsOfMeeting(ctx: Ctx, meetingId: string) {
  const decisionRows = await decisionsFrom(ctx)
    .where(and(eq(decisions.regionId, ctx.actor.regionId), eq(decisions.meetingId, meetingId)))
    .orderBy(asc(decisions.year), asc(decisions.sequence));
  const actionRows = await actionsFrom(ctx)
    .where(and(eq(actionItems.regionId, ctx.actor.regionId), eq(actionItems.meetingId, meetingId)))
    .orderBy(asc(actionItems.dueDate), desc(actionItems.createdAt));
  return {
    decisions: decisionRows.map((r) => presentDecision(r.d, r)),
    actionItems: presentActions(actionRows),
  };
}
