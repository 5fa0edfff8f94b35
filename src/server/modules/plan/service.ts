import { and, asc, desc, eq, ilike, inArray, max, or, sql } from "drizzle-orm";
import { PLAN_MAX_YEARS, type PlanStatus } from "../../../shared/plan.js";
import { audit, auditMany } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, invalidField, notFound } from "../../platform/errors.js";
import { escapeLike, keyset } from "../../platform/pagination.js";
import { bodyNames } from "../governance/service.js";
import { workOfResultAreas } from "./result-area-work.js";
import { moveLinksToRevision } from "./revision-links.js";
import { plans, policyAreas, resultAreas } from "./schema.js";

export interface PlanInput {
  title: string;
  startYear: number;
  endYear: number;
  vision?: string | null;
  ambitions?: string | null;
}
export interface AreaInput {
  name: string;
  description?: string | null;
}

type PlanRow = typeof plans.$inferSelect;

/** A plan in a list: what it is, its period and whether (and by whom) it was vastgesteld. */
async function summaries(ctx: Ctx, rows: PlanRow[]) {
  const bodies = await bodyNames(ctx, [...new Set(rows.flatMap((r) => r.adoptedByBodyId ?? []))]);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    startYear: r.startYear,
    endYear: r.endYear,
    status: r.status,
    adoptedBy: r.adoptedByBodyId
      ? { id: r.adoptedByBodyId, name: bodies.get(r.adoptedByBodyId) ?? "" }
      : null,
    adoptedOn: r.adoptedOn,
    revision: r.revision,
    previousId: r.previousId,
    version: r.version,
  }));
}

export async function listPlans(
  ctx: Ctx,
  f: { q?: string; status?: PlanStatus; sort?: string; cursor?: string; limit: number },
) {
  const page = keyset({
    sorts: { start: [plans.startYear, plans.id], title: [plans.title, plans.id] },
    sort: f.sort,
    defaultSort: "-start",
    cursor: f.cursor,
    limit: f.limit,
  });
  const rows = await ctx.tx
    .select()
    .from(plans)
    .where(
      and(
        eq(plans.regionId, ctx.actor.regionId),
        f.q
          ? or(ilike(plans.title, `%${escapeLike(f.q)}%`), ilike(plans.vision, `%${escapeLike(f.q)}%`))
          : undefined,
        f.status ? eq(plans.status, f.status) : undefined,
        page.where,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(page.take);
  const { items, nextCursor } = page.page(rows, (r) =>
    (f.sort ?? "-start").endsWith("title") ? [r.title, r.id] : [r.startYear, r.id],
  );
  return { items: await summaries(ctx, items), nextCursor };
}

async function planRow(ctx: Ctx, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(plans)
    .where(and(eq(plans.regionId, ctx.actor.regionId), eq(plans.id, id)));
  if (!row) throw notFound();
  return row;
}

/** A beleidsterrein or resultaatgebied as the API shows it. */
const presentArea = (row: {
  id: string;
  name: string;
  description: string | null;
  position: number;
  version: number;
}) => ({
  id: row.id,
  name: row.name,
  description: row.description,
  position: row.position,
  version: row.version,
});

/**
 * The whole plan as one page reads it: vision, ambitions, and each beleidsterrein with its
 * resultaatgebieden in order, and what carries out each resultaatgebied. Seven queries for any size.
 */
export const getPlan = async (ctx: Ctx, id: string) => planDetail(ctx, await planRow(ctx, id));

async function planDetail(ctx: Ctx, row: PlanRow) {
  const id = row.id;
  const region = ctx.actor.regionId;
  const areas = await ctx.tx
    .select()
    .from(policyAreas)
    .where(and(eq(policyAreas.regionId, region), eq(policyAreas.planId, id)))
    .orderBy(asc(policyAreas.position), asc(policyAreas.name));
  const results = areas.length
    ? await ctx.tx
        .select()
        .from(resultAreas)
        .where(
          and(
            eq(resultAreas.regionId, region),
            inArray(
              resultAreas.policyAreaId,
              areas.map((a) => a.id),
            ),
          ),
        )
        .orderBy(asc(resultAreas.position), asc(resultAreas.name))
    : [];
  const work = await workOfResultAreas(
    ctx,
    results.map((r) => r.id),
  );
  const [summary] = await summaries(ctx, [row]);
  const [next] = await ctx.tx
    .select({ id: plans.id, revision: plans.revision })
    .from(plans)
    .where(and(eq(plans.regionId, region), eq(plans.previousId, id)));
  return {
    ...summary!,
    vision: row.vision,
    ambitions: row.ambitions,
    nextRevision: next ?? null,
    policyAreas: areas.map((a) => ({
      ...presentArea(a),
      resultAreas: results
        .filter((r) => r.policyAreaId === a.id)
        .map((r) => ({ ...presentArea(r), work: work.get(r.id)! })),
    })),
  };
}

export type PlanDetail = Awaited<ReturnType<typeof planDetail>>;

const checkPeriod = (startYear: number, endYear: number) => {
  if (endYear < startYear) throw invalidField("body.endYear", "field.periodOrder");
  if (endYear - startYear >= PLAN_MAX_YEARS) throw invalidField("body.endYear", "field.planTooLong");
};

/** A vastgesteld plan is the record: changing it takes a new version. */
const requireConcept = (row: PlanRow) => {
  if (row.status !== "concept") throw invalidField("params.id", "field.planAdopted", 409);
};

export async function createPlan(ctx: Ctx, input: PlanInput) {
  checkPeriod(input.startYear, input.endYear);
  const [row] = await ctx.tx
    .insert(plans)
    .values({ ...input, regionId: ctx.actor.regionId })
    .returning();
  const after = await getPlan(ctx, row!.id);
  await audit(ctx, { entityType: "plan", entityId: row!.id, action: "create", after: planFields(after) });
  return after;
}

/** What the audit trail records of a plan: its own fields, not its areas (they have their own rows). */
const planFields = ({ policyAreas: _areas, nextRevision: _next, ...fields }: PlanDetail) => fields;

export async function updatePlan(ctx: Ctx, id: string, patch: Partial<PlanInput> & { version: number }) {
  const row = await planRow(ctx, id);
  const before = await planDetail(ctx, row);
  if (row.version !== patch.version) throw conflict(before);
  requireConcept(row);
  const { version, ...fields } = patch;
  checkPeriod(fields.startYear ?? row.startYear, fields.endYear ?? row.endYear);
  await bump(ctx, id, version, fields, before);
  const after = await getPlan(ctx, id);
  await audit(ctx, {
    entityType: "plan",
    entityId: id,
    action: "update",
    before: planFields(before),
    after: planFields(after),
  });
  return after;
}

/** Writes a plan's fields if its version is still `version` (else 409 with the current plan). */
async function bump(ctx: Ctx, id: string, version: number, fields: Partial<PlanRow>, current: PlanDetail) {
  const [updated] = await ctx.tx
    .update(plans)
    .set({ ...fields, updatedAt: new Date(), version: version + 1 })
    .where(and(eq(plans.regionId, ctx.actor.regionId), eq(plans.id, id), eq(plans.version, version)))
    .returning({ id: plans.id });
  if (!updated) throw conflict(current);
}

/** Vaststellen: a body (of this region) adopted the concept on a date; from then on it is the record. */
export async function adoptPlan(
  ctx: Ctx,
  id: string,
  input: { bodyId: string; adoptedOn: string; version: number },
) {
  const row = await planRow(ctx, id);
  const before = await planDetail(ctx, row);
  if (row.version !== input.version) throw conflict(before);
  requireConcept(row);
  if (!(await bodyNames(ctx, [input.bodyId])).has(input.bodyId))
    throw invalidField("body.bodyId", "problem.notFound", 404);
  if (before.policyAreas.length === 0) throw invalidField("params.id", "field.planWithoutPolicyAreas");
  await bump(
    ctx,
    id,
    input.version,
    { status: "adopted", adoptedByBodyId: input.bodyId, adoptedOn: input.adoptedOn },
    before,
  );
  if (row.previousId) await moveLinksToRevision(ctx, id);
  const after = await getPlan(ctx, id);
  await audit(ctx, {
    entityType: "plan",
    entityId: id,
    action: "adopt",
    before: planFields(before),
    after: planFields(after),
  });
  return after;
}

/**
 * A new version of a vastgesteld plan: a concept copy of its text, beleidsterreinen and
 * resultaatgebieden, numbered on, to be changed and vastgesteld in its turn. One at a time.
 */
export async function revisePlan(ctx: Ctx, id: string) {
  const source = await getPlan(ctx, id);
  if (source.status !== "adopted") throw invalidField("params.id", "field.planNotAdopted", 409);
  if (source.nextRevision) throw invalidField("params.id", "field.planHasRevision", 409);
  const region = ctx.actor.regionId;
  const [copy] = await ctx.tx
    .insert(plans)
    .values({
      regionId: region,
      title: source.title,
      startYear: source.startYear,
      endYear: source.endYear,
      vision: source.vision,
      ambitions: source.ambitions,
      revision: source.revision + 1,
      previousId: id,
    })
    .returning({ id: plans.id });
  // Names are unique within a plan, so the copies' ids are found again by name.
  const made = source.policyAreas.length
    ? await ctx.tx
        .insert(policyAreas)
        .values(
          source.policyAreas.map((a) => ({
            regionId: region,
            planId: copy!.id,
            name: a.name,
            description: a.description,
            position: a.position,
          })),
        )
        .returning({ id: policyAreas.id, name: policyAreas.name })
    : [];
  const copyOf = new Map(made.map((m) => [m.name, m.id]));
  const results = source.policyAreas.flatMap((a) =>
    a.resultAreas.map((r) => ({
      regionId: region,
      policyAreaId: copyOf.get(a.name)!,
      name: r.name,
      description: r.description,
      position: r.position,
      copiedFromId: r.id,
    })),
  );
  if (results.length) await ctx.tx.insert(resultAreas).values(results);
  const after = await getPlan(ctx, copy!.id);
  await audit(ctx, { entityType: "plan", entityId: copy!.id, action: "create", after: planFields(after) });
  return after;
}

/** Only a concept can be thrown away; a vastgesteld plan stays for the record. */
export async function deletePlan(ctx: Ctx, id: string, version: number) {
  const row = await planRow(ctx, id);
  const before = await planDetail(ctx, row);
  if (row.version !== version) throw conflict(before);
  requireConcept(row);
  await ctx.tx.delete(plans).where(and(eq(plans.regionId, ctx.actor.regionId), eq(plans.id, id)));
  // The beleidsterreinen and resultaatgebieden go with it: the audit row keeps them.
  await audit(ctx, { entityType: "plan", entityId: id, action: "delete", before });
}

/**
 * The resultaatgebieden projects can serve: those of the vastgesteld plans that no later
 * vastgesteld version replaced, newest period first, in the plans' order. One query.
 */
export async function listResultAreaOptions(ctx: Ctx) {
  const region = ctx.actor.regionId;
  const rows = await ctx.tx
    .select({
      id: resultAreas.id,
      name: resultAreas.name,
      policyAreaName: policyAreas.name,
      planId: plans.id,
      planTitle: plans.title,
      startYear: plans.startYear,
      endYear: plans.endYear,
    })
    .from(resultAreas)
    .innerJoin(
      policyAreas,
      and(eq(policyAreas.regionId, resultAreas.regionId), eq(policyAreas.id, resultAreas.policyAreaId)),
    )
    .innerJoin(plans, and(eq(plans.regionId, policyAreas.regionId), eq(plans.id, policyAreas.planId)))
    .where(
      and(
        eq(resultAreas.regionId, region),
        eq(plans.status, "adopted"),
        sql`not exists (select 1 from ${plans} n where n.region_id = ${region} and n.previous_id = "plans"."id" and n.status = 'adopted')`,
      ),
    )
    .orderBy(desc(plans.startYear), asc(plans.id), asc(policyAreas.position), asc(resultAreas.position));
  return { items: rows };
}

// --- Beleidsterreinen and resultaatgebieden -------------------------------------------------

/**
 * The two levels of the work agenda behave alike: each belongs to a parent (a plan, a
 * beleidsterrein), has a unique name there and a position, and can only change while the plan is
 * a concept. `level` says where each lives.
 */
const LEVELS = {
  policy_area: { table: policyAreas, parent: policyAreas.planId, parentField: "planId" },
  result_area: { table: resultAreas, parent: resultAreas.policyAreaId, parentField: "policyAreaId" },
} as const;
type Level = keyof typeof LEVELS;

/** The plan an area belongs to (through its beleidsterrein for a resultaatgebied). */
async function planOfArea(ctx: Ctx, level: Level, parentId: string) {
  if (level === "policy_area") return planRow(ctx, parentId);
  const [area] = await ctx.tx
    .select({ planId: policyAreas.planId })
    .from(policyAreas)
    .where(and(eq(policyAreas.regionId, ctx.actor.regionId), eq(policyAreas.id, parentId)));
  if (!area) throw notFound();
  return planRow(ctx, area.planId);
}

async function areaRow(ctx: Ctx, level: Level, id: string) {
  const { table } = LEVELS[level];
  const [row] = await ctx.tx
    .select()
    .from(table)
    .where(and(eq(table.regionId, ctx.actor.regionId), eq(table.id, id)));
  if (!row) throw notFound();
  const parentId = "planId" in row ? row.planId : row.policyAreaId;
  return { row, parentId };
}

/** A name already used under the same parent answers 409 at `body.name`. */
async function checkNameFree(ctx: Ctx, level: Level, parentId: string, name: string, except?: string) {
  const { table, parent } = LEVELS[level];
  const [same] = await ctx.tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.regionId, ctx.actor.regionId), eq(parent, parentId), eq(table.name, name)));
  if (same && same.id !== except) throw invalidField("body.name", "field.areaNameTaken", 409);
}

export async function addArea(ctx: Ctx, level: Level, parentId: string, input: AreaInput) {
  requireConcept(await planOfArea(ctx, level, parentId));
  await checkNameFree(ctx, level, parentId, input.name);
  const { table, parent, parentField } = LEVELS[level];
  const [last] = await ctx.tx
    .select({ position: max(table.position) })
    .from(table)
    .where(and(eq(table.regionId, ctx.actor.regionId), eq(parent, parentId)));
  const values = {
    regionId: ctx.actor.regionId,
    name: input.name,
    description: input.description ?? null,
    position: (last?.position ?? 0) + 1,
  };
  const [row] =
    level === "policy_area"
      ? await ctx.tx
          .insert(policyAreas)
          .values({ ...values, planId: parentId })
          .returning()
      : await ctx.tx
          .insert(resultAreas)
          .values({ ...values, policyAreaId: parentId })
          .returning();
  const after = presentArea(row!);
  await audit(ctx, {
    entityType: level,
    entityId: after.id,
    action: "create",
    after: { ...after, [parentField]: parentId },
  });
  return after;
}

/**
 * Changes an area's name, description or place among its siblings (1 is first): the others
 * shift to make room, so positions stay 1…n.
 */
export async function updateArea(
  ctx: Ctx,
  level: Level,
  id: string,
  patch: Partial<AreaInput> & { position?: number; version: number },
) {
  const { row, parentId } = await areaRow(ctx, level, id);
  const before = presentArea(row);
  if (row.version !== patch.version) throw conflict(before);
  requireConcept(await planOfArea(ctx, level, parentId));
  if (patch.name !== undefined && patch.name !== row.name)
    await checkNameFree(ctx, level, parentId, patch.name, id);
  const { table, parent } = LEVELS[level];
  const region = ctx.actor.regionId;
  if (patch.position !== undefined && patch.position !== row.position) {
    const siblings = await ctx.tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.regionId, region), eq(parent, parentId)))
      .orderBy(asc(table.position), asc(table.name));
    const order = siblings.map((s) => s.id).filter((s) => s !== id);
    order.splice(Math.min(Math.max(patch.position, 1), order.length + 1) - 1, 0, id);
    for (const [i, siblingId] of order.entries())
      if (siblingId !== id)
        await ctx.tx
          .update(table)
          .set({ position: i + 1 })
          .where(and(eq(table.regionId, region), eq(table.id, siblingId)));
    patch = { ...patch, position: order.indexOf(id) + 1 };
  }
  const { version, ...fields } = patch;
  const [updated] = await ctx.tx
    .update(table)
    .set({ ...fields, updatedAt: new Date(), version: version + 1 })
    .where(and(eq(table.regionId, region), eq(table.id, id), eq(table.version, version)))
    .returning();
  if (!updated) throw conflict(before);
  const after = presentArea(updated);
  await audit(ctx, { entityType: level, entityId: id, action: "update", before, after });
  return after;
}

/** Removes an area of a concept plan (a beleidsterrein with its resultaatgebieden). */
export async function deleteArea(ctx: Ctx, level: Level, id: string, version: number) {
  const { row, parentId } = await areaRow(ctx, level, id);
  const before = presentArea(row);
  if (row.version !== version) throw conflict(before);
  requireConcept(await planOfArea(ctx, level, parentId));
  const { table } = LEVELS[level];
  const region = ctx.actor.regionId;
  // A beleidsterrein takes its resultaatgebieden with it; each leaves its own audit row.
  const children =
    level === "policy_area"
      ? await ctx.tx
          .delete(resultAreas)
          .where(and(eq(resultAreas.regionId, region), eq(resultAreas.policyAreaId, id)))
          .returning()
      : [];
  await ctx.tx.delete(table).where(and(eq(table.regionId, region), eq(table.id, id)));
  await auditMany(ctx, [
    ...children.map((c) => ({
      entityType: "result_area",
      entityId: c.id,
      action: "delete",
      before: presentArea(c),
    })),
    { entityType: level, entityId: id, action: "delete", before },
  ]);
}
