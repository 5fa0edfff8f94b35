import { and, asc, count, desc, eq, ilike, inArray, sql } from "drizzle-orm";
import type { PrioritisationStatus } from "../../../shared/plan.js";
import { isBureau } from "../../../shared/roles.js";
import { audit, auditMany } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, invalidField, notFound } from "../../platform/errors.js";
import { escapeLike, keyset } from "../../platform/pagination.js";
import { bodyNames } from "../governance/service.js";
import { namesOf, personOfUser, requirePerson } from "../network/persons-service.js";
import { actions } from "./actions-schema.js";
import { priorities, prioritisations, topicScores, topics } from "./priorities-schema.js";
import { policyAreas, resultAreas } from "./schema.js";

export interface PrioritisationInput {
  title: string;
  description?: string | null;
  bodyId?: string | null;
  pointsPerParticipant?: number;
  priorityCount?: number;
}
export interface TopicInput {
  title: string;
  description?: string | null;
  proposedByOrganisationId?: string | null;
}

/** The bureau runs a prioritisation for everyone; others bring in and change only their own. */

type PrioritisationRow = typeof prioritisations.$inferSelect;

const presentPrioritisation = (p: PrioritisationRow, topicCount: number, bodyName: string | null) => ({
  id: p.id,
  title: p.title,
  description: p.description,
  body: p.bodyId ? { id: p.bodyId, name: bodyName ?? "" } : null,
  pointsPerParticipant: p.pointsPerParticipant,
  priorityCount: p.priorityCount,
  status: p.status,
  decidedOn: p.decidedOn?.toISOString() ?? null,
  topicCount,
  createdAt: p.createdAt.toISOString(),
  version: p.version,
});

/** What the logboek records of a prioritisation: the fields a change can touch. */
const audited = (p: PrioritisationRow) => ({
  title: p.title,
  description: p.description,
  bodyId: p.bodyId,
  pointsPerParticipant: p.pointsPerParticipant,
  priorityCount: p.priorityCount,
  status: p.status,
});

const topicCountSql = sql<number>`(select count(*)::int from ${topics} t
  where t.region_id = "prioritisations"."region_id" and t.prioritisation_id = "prioritisations"."id")`;

/** Prioritisations, newest first; search in the title, filter by status. */
export async function listPrioritisations(
  ctx: Ctx,
  f: { q?: string; status?: PrioritisationStatus; cursor?: string; limit: number },
) {
  const page = keyset({
    sorts: { created: [prioritisations.createdAt, prioritisations.id] },
    sort: undefined,
    defaultSort: "-created",
    cursor: f.cursor,
    limit: f.limit,
  });
  const rows = await ctx.tx
    .select({ p: prioritisations, topics: topicCountSql })
    .from(prioritisations)
    .where(
      and(
        eq(prioritisations.regionId, ctx.actor.regionId),
        f.q ? ilike(prioritisations.title, `%${escapeLike(f.q)}%`) : undefined,
        f.status ? eq(prioritisations.status, f.status) : undefined,
        page.where,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(page.take);
  const { items, nextCursor } = page.page(rows, (r) => [r.p.createdAt, r.p.id]);
  const groups = await bodyNames(ctx, [...new Set(items.flatMap((r) => r.p.bodyId ?? []))]);
  return {
    items: items.map((r) => presentPrioritisation(r.p, r.topics, groups.get(r.p.bodyId ?? "") ?? null)),
    nextCursor,
  };
}

/** The prioritisation row, locked when it is about to change (points and choices wait for each other). */
async function prioritisationRow(ctx: Ctx, id: string, lock = false) {
  const query = ctx.tx
    .select()
    .from(prioritisations)
    .where(and(eq(prioritisations.regionId, ctx.actor.regionId), eq(prioritisations.id, id)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  return row;
}

/** Refuses a change that the prioritisation's stage does not allow (409, at `field`). */
function requireStage(row: PrioritisationRow, stage: "gathering" | "scoring", field = "params.id") {
  if (row.status === "decided") throw invalidField(field, "field.prioritisationDecided", 409);
  if (row.status !== stage) throw invalidField(field, `field.prioritisationStage.${stage}`, 409);
}

/**
 * A prioritisation as one page: its topics ranked by the points they got, each participant's
 * division of points (the record of who supported what), the caller's own points, and the
 * speerpunten chosen with their actions counted. Six queries however large.
 */
export async function getPrioritisation(ctx: Ctx, id: string) {
  const row = await prioritisationRow(ctx, id);
  const region = ctx.actor.regionId;
  const topicRows = await ctx.tx
    .select()
    .from(topics)
    .where(and(eq(topics.regionId, region), eq(topics.prioritisationId, id)))
    .orderBy(asc(topics.createdAt), asc(topics.id));
  const scores = await ctx.tx
    .select()
    .from(topicScores)
    .where(and(eq(topicScores.regionId, region), eq(topicScores.prioritisationId, id)));
  const chosen = await ctx.tx
    .select({
      p: priorities,
      resultAreaName: resultAreas.name,
      policyAreaName: policyAreas.name,
      actions: sql<number>`(select count(*)::int from ${actions} a where a.region_id = ${region} and a.priority_id = "priorities"."id")`,
      openActions: sql<number>`(select count(*)::int from ${actions} a where a.region_id = ${region} and a.priority_id = "priorities"."id" and a.status in ('open', 'in_progress'))`,
    })
    .from(priorities)
    .leftJoin(
      resultAreas,
      and(eq(resultAreas.regionId, priorities.regionId), eq(resultAreas.id, priorities.resultAreaId)),
    )
    .leftJoin(
      policyAreas,
      and(eq(policyAreas.regionId, resultAreas.regionId), eq(policyAreas.id, resultAreas.policyAreaId)),
    )
    .where(and(eq(priorities.regionId, region), eq(priorities.prioritisationId, id)))
    .orderBy(asc(priorities.position));
  const names = await namesOf(ctx, {
    persons: [...new Set(scores.map((s) => s.personId))],
    organisations: [...new Set(topicRows.flatMap((t) => t.proposedByOrganisationId ?? []))],
  });
  const groups = await bodyNames(ctx, row.bodyId ? [row.bodyId] : []);
  const own = await personOfUser(ctx);

  const totals = new Map<string, { points: number; supporters: number }>();
  for (const s of scores) {
    const t = totals.get(s.topicId) ?? { points: 0, supporters: 0 };
    totals.set(s.topicId, { points: t.points + s.points, supporters: t.supporters + 1 });
  }
  const ranked = topicRows
    .map((t) => ({
      id: t.id,
      title: t.title,
      description: t.description,
      proposedBy: t.proposedByOrganisationId
        ? { id: t.proposedByOrganisationId, name: names.get(t.proposedByOrganisationId) ?? "" }
        : null,
      /** Whether the caller brought it in (and so may change it while topics are gathered). */
      mine: t.createdByUserId !== null && t.createdByUserId === ctx.actor.userId,
      points: totals.get(t.id)?.points ?? 0,
      supporters: totals.get(t.id)?.supporters ?? 0,
      version: t.version,
    }))
    .sort((a, b) => b.points - a.points || a.title.localeCompare(b.title, "nl"));
  const participants = [...new Set(scores.map((s) => s.personId))]
    .map((personId) => {
      const given = scores.filter((s) => s.personId === personId);
      return {
        person: { id: personId, name: names.get(personId) ?? "" },
        points: Object.fromEntries(given.map((s) => [s.topicId, s.points])) as Record<string, number>,
        total: given.reduce((sum, s) => sum + s.points, 0),
      };
    })
    .sort((a, b) => a.person.name.localeCompare(b.person.name, "nl"));
  return {
    ...presentPrioritisation(row, topicRows.length, groups.get(row.bodyId ?? "") ?? null),
    topics: ranked,
    participants,
    /** The caller's person in the directory (who scores as themselves), or null. */
    myPersonId: own,
    priorities: chosen.map((c) => ({
      id: c.p.id,
      topicId: c.p.topicId,
      title: c.p.title,
      description: c.p.description,
      resultArea:
        c.p.resultAreaId && c.resultAreaName
          ? { id: c.p.resultAreaId, name: c.resultAreaName, policyAreaName: c.policyAreaName ?? "" }
          : null,
      position: c.p.position,
      actionCount: c.actions,
      openActionCount: c.openActions,
      version: c.p.version,
    })),
  };
}

async function checkBody(ctx: Ctx, bodyId: string | null | undefined) {
  if (bodyId && !(await bodyNames(ctx, [bodyId])).has(bodyId))
    throw invalidField("body.bodyId", "problem.notFound", 404);
}

export async function createPrioritisation(ctx: Ctx, input: PrioritisationInput) {
  await checkBody(ctx, input.bodyId);
  const [row] = await ctx.tx
    .insert(prioritisations)
    .values({ ...input, regionId: ctx.actor.regionId })
    .returning();
  await audit(ctx, {
    entityType: "prioritisation",
    entityId: row!.id,
    action: "create",
    after: audited(row!),
  });
  return getPrioritisation(ctx, row!.id);
}

/**
 * Changes a prioritisation's title, body or rules, or moves it between gathering topics and
 * dividing points (back too, when a topic was forgotten). Once speerpunten are chosen it is the
 * record. The points per participant are fixed once someone divided theirs.
 */
export async function updatePrioritisation(
  ctx: Ctx,
  id: string,
  patch: Partial<PrioritisationInput> & { status?: "gathering" | "scoring"; version: number },
) {
  const row = await prioritisationRow(ctx, id, true);
  if (row.version !== patch.version) throw conflict(await getPrioritisation(ctx, id));
  if (row.status === "decided") throw invalidField("params.id", "field.prioritisationDecided", 409);
  await checkBody(ctx, patch.bodyId);
  if (patch.pointsPerParticipant !== undefined && patch.pointsPerParticipant !== row.pointsPerParticipant) {
    const [{ n } = { n: 0 }] = await ctx.tx
      .select({ n: count() })
      .from(topicScores)
      .where(and(eq(topicScores.regionId, ctx.actor.regionId), eq(topicScores.prioritisationId, id)));
    if (n > 0) throw invalidField("body.pointsPerParticipant", "field.pointsFixed", 409);
  }
  const { version, ...fields } = patch;
  const [updated] = await ctx.tx
    .update(prioritisations)
    .set({ ...fields, updatedAt: new Date(), version: version + 1 })
    .where(and(eq(prioritisations.regionId, ctx.actor.regionId), eq(prioritisations.id, id)))
    .returning();
  await audit(ctx, {
    entityType: "prioritisation",
    entityId: id,
    action: "update",
    before: audited(row),
    after: audited(updated!),
  });
  return getPrioritisation(ctx, id);
}

// --- Topics ---------------------------------------------------------------------------------

const presentTopic = (t: typeof topics.$inferSelect) => ({
  id: t.id,
  prioritisationId: t.prioritisationId,
  title: t.title,
  description: t.description,
  proposedByOrganisationId: t.proposedByOrganisationId,
  version: t.version,
});

async function checkTopic(ctx: Ctx, prioritisationId: string, input: Partial<TopicInput>, except?: string) {
  if (input.proposedByOrganisationId) {
    const known = await namesOf(ctx, { persons: [], organisations: [input.proposedByOrganisationId] });
    if (!known.size) throw invalidField("body.proposedByOrganisationId", "field.organisationNotFound", 404);
  }
  if (input.title !== undefined) {
    const [same] = await ctx.tx
      .select({ id: topics.id })
      .from(topics)
      .where(
        and(
          eq(topics.regionId, ctx.actor.regionId),
          eq(topics.prioritisationId, prioritisationId),
          eq(topics.title, input.title),
        ),
      );
    if (same && same.id !== except) throw invalidField("body.title", "field.areaNameTaken", 409);
  }
}

/** Brings in a topic while topics are gathered: the bureau, and every member or partner. */
export async function addTopic(ctx: Ctx, prioritisationId: string, input: TopicInput) {
  requireStage(await prioritisationRow(ctx, prioritisationId, true), "gathering");
  await checkTopic(ctx, prioritisationId, input);
  const [row] = await ctx.tx
    .insert(topics)
    .values({ ...input, prioritisationId, regionId: ctx.actor.regionId, createdByUserId: ctx.actor.userId })
    .returning();
  const after = presentTopic(row!);
  await audit(ctx, { entityType: "topic", entityId: after.id, action: "create", after });
  return after;
}

/** A topic to change or remove: still gathering, and the caller's own unless they are the bureau. */
async function changeableTopic(ctx: Ctx, id: string, version: number) {
  const [row] = await ctx.tx
    .select()
    .from(topics)
    .where(and(eq(topics.regionId, ctx.actor.regionId), eq(topics.id, id)));
  if (!row) throw notFound();
  if (!isBureau(ctx.actor) && row.createdByUserId !== ctx.actor.userId)
    throw invalidField("params.id", "field.ownTopic", 403);
  requireStage(await prioritisationRow(ctx, row.prioritisationId, true), "gathering");
  const before = presentTopic(row);
  if (row.version !== version) throw conflict(before);
  return { row, before };
}

export async function updateTopic(ctx: Ctx, id: string, patch: Partial<TopicInput> & { version: number }) {
  const { row, before } = await changeableTopic(ctx, id, patch.version);
  await checkTopic(ctx, row.prioritisationId, patch, id);
  const { version, ...fields } = patch;
  const [updated] = await ctx.tx
    .update(topics)
    .set({ ...fields, version: version + 1 })
    .where(and(eq(topics.regionId, ctx.actor.regionId), eq(topics.id, id)))
    .returning();
  const after = presentTopic(updated!);
  await audit(ctx, { entityType: "topic", entityId: id, action: "update", before, after });
  return after;
}

export async function deleteTopic(ctx: Ctx, id: string, version: number) {
  const { before } = await changeableTopic(ctx, id, version);
  await ctx.tx.delete(topics).where(and(eq(topics.regionId, ctx.actor.regionId), eq(topics.id, id)));
  await audit(ctx, { entityType: "topic", entityId: id, action: "delete", before });
}

// --- Points ---------------------------------------------------------------------------------

/**
 * Records how one participant divides their points over the topics, replacing what they gave
 * before. A participant records their own; the bureau records anyone's (as agreed at the table,
 * with sticky dots on a flip-over). Together they stay within the allowance.
 */
export async function setScores(
  ctx: Ctx,
  prioritisationId: string,
  personId: string,
  scores: { topicId: string; points: number }[],
) {
  const row = await prioritisationRow(ctx, prioritisationId, true);
  if (!isBureau(ctx.actor) && personId !== (await personOfUser(ctx)))
    throw invalidField("params.personId", "field.ownScores", 403);
  requireStage(row, "scoring");
  await requirePerson(ctx, personId, "params.personId");
  const seen = new Set<string>();
  for (const [i, s] of scores.entries()) {
    if (seen.has(s.topicId)) throw invalidField(`body.scores.${i}.topicId`, "field.topicTwice");
    seen.add(s.topicId);
  }
  const given = scores.filter((s) => s.points > 0);
  if (given.reduce((sum, s) => sum + s.points, 0) > row.pointsPerParticipant)
    throw invalidField("body.scores", "field.pointsExceeded");
  const region = ctx.actor.regionId;
  if (given.length) {
    const known = new Set(
      (
        await ctx.tx
          .select({ id: topics.id })
          .from(topics)
          .where(
            and(
              eq(topics.regionId, region),
              eq(topics.prioritisationId, prioritisationId),
              inArray(
                topics.id,
                given.map((s) => s.topicId),
              ),
            ),
          )
      ).map((t) => t.id),
    );
    const missing = scores.findIndex((s) => s.points > 0 && !known.has(s.topicId));
    if (missing >= 0) throw invalidField(`body.scores.${missing}.topicId`, "problem.notFound", 404);
  }
  const mineWhere = and(
    eq(topicScores.regionId, region),
    eq(topicScores.prioritisationId, prioritisationId),
    eq(topicScores.personId, personId),
  );
  const previous = await ctx.tx.delete(topicScores).where(mineWhere).returning();
  if (given.length)
    await ctx.tx
      .insert(topicScores)
      .values(given.map((s) => ({ regionId: region, prioritisationId, personId, ...s })));
  const asRecord = (list: { topicId: string; points: number }[]) =>
    Object.fromEntries(list.map((s) => [s.topicId, s.points]));
  await audit(ctx, {
    entityType: "prioritisation",
    entityId: prioritisationId,
    action: "score",
    before: { personId, points: asRecord(previous) },
    after: { personId, points: asRecord(given) },
  });
  return getPrioritisation(ctx, prioritisationId);
}

// --- Speerpunten ----------------------------------------------------------------------------

/**
 * Chooses the speerpunten from the topics, in the order given (usually the most supported
 * first): each becomes a speerpunt that gets actions, and the prioritisation is the record.
 */
export async function decide(ctx: Ctx, id: string, input: { topicIds: string[]; version: number }) {
  const row = await prioritisationRow(ctx, id, true);
  if (row.version !== input.version) throw conflict(await getPrioritisation(ctx, id));
  requireStage(row, "scoring");
  if (input.topicIds.length > row.priorityCount)
    throw invalidField("body.topicIds", "field.tooManyPriorities");
  const seen = new Set<string>();
  for (const [i, topicId] of input.topicIds.entries()) {
    if (seen.has(topicId)) throw invalidField(`body.topicIds.${i}`, "field.topicTwice");
    seen.add(topicId);
  }
  const region = ctx.actor.regionId;
  const chosen = await ctx.tx
    .select()
    .from(topics)
    .where(
      and(eq(topics.regionId, region), eq(topics.prioritisationId, id), inArray(topics.id, input.topicIds)),
    );
  const byId = new Map(chosen.map((t) => [t.id, t]));
  const missing = input.topicIds.findIndex((t) => !byId.has(t));
  if (missing >= 0) throw invalidField(`body.topicIds.${missing}`, "problem.notFound", 404);
  const created = await ctx.tx
    .insert(priorities)
    .values(
      input.topicIds.map((topicId, i) => ({
        regionId: region,
        prioritisationId: id,
        topicId,
        title: byId.get(topicId)!.title,
        description: byId.get(topicId)!.description,
        position: i + 1,
      })),
    )
    .returning();
  await ctx.tx
    .update(prioritisations)
    .set({ status: "decided", decidedOn: new Date(), updatedAt: new Date(), version: row.version + 1 })
    .where(and(eq(prioritisations.regionId, region), eq(prioritisations.id, id)));
  await auditMany(ctx, [
    {
      entityType: "prioritisation",
      entityId: id,
      action: "decide",
      before: { status: row.status },
      after: { status: "decided", topicIds: input.topicIds },
    },
    ...created.map((p) => ({
      entityType: "priority",
      entityId: p.id,
      action: "create",
      after: { title: p.title, topicId: p.topicId, position: p.position },
    })),
  ]);
  return getPrioritisation(ctx, id);
}

const presentPriority = (p: typeof priorities.$inferSelect) => ({
  id: p.id,
  prioritisationId: p.prioritisationId,
  title: p.title,
  description: p.description,
  resultAreaId: p.resultAreaId,
  position: p.position,
  version: p.version,
});

/** A speerpunt's name and explanation, and the resultaatgebied of the regioplan it serves. */
export async function updatePriority(
  ctx: Ctx,
  id: string,
  patch: { title?: string; description?: string | null; resultAreaId?: string | null; version: number },
) {
  const region = ctx.actor.regionId;
  const [row] = await ctx.tx
    .select()
    .from(priorities)
    .where(and(eq(priorities.regionId, region), eq(priorities.id, id)));
  if (!row) throw notFound();
  const before = presentPriority(row);
  if (row.version !== patch.version) throw conflict(before);
  if (patch.resultAreaId) {
    const [area] = await ctx.tx
      .select({ id: resultAreas.id })
      .from(resultAreas)
      .where(and(eq(resultAreas.regionId, region), eq(resultAreas.id, patch.resultAreaId)));
    if (!area) throw invalidField("body.resultAreaId", "problem.notFound", 404);
  }
  const { version, ...fields } = patch;
  const [updated] = await ctx.tx
    .update(priorities)
    .set({ ...fields, updatedAt: new Date(), version: version + 1 })
    .where(and(eq(priorities.regionId, region), eq(priorities.id, id), eq(priorities.version, version)))
    .returning();
  if (!updated) throw conflict(before);
  const after = presentPriority(updated);
  await audit(ctx, { entityType: "priority", entityId: id, action: "update", before, after });
  return after;
}

/** The region's speerpunten, for choosing one when an action is added; newest prioritisation first. */
export async function listPriorityOptions(ctx: Ctx) {
  const rows = await ctx.tx
    .select({ id: priorities.id, title: priorities.title, prioritisationTitle: prioritisations.title })
    .from(priorities)
    .innerJoin(
      prioritisations,
      and(
        eq(prioritisations.regionId, priorities.regionId),
        eq(prioritisations.id, priorities.prioritisationId),
      ),
    )
    .where(eq(priorities.regionId, ctx.actor.regionId))
    .orderBy(desc(prioritisations.createdAt), asc(priorities.position));
  return { items: rows };
}
