import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { auditMany } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { kpis } from "./kpis-schema.js";
import { priorities } from "./priorities-schema.js";
import { projectResultAreas } from "./projects-schema.js";
import { policyAreas, resultAreas } from "./schema.js";

/**
 * When a new version of a plan is vastgesteld, what served the previous version's
 * resultaatgebieden (projects, KPIs, speerpunten) moves to their copies in this one, so lists of
 * what serves the plan in force stay whole. A resultaatgebied dropped from the new version keeps
 * its links to the old one. Each moved link leaves an audit row.
 */
export async function moveLinksToRevision(ctx: Ctx, planId: string) {
  const region = ctx.actor.regionId;
  const copies = await ctx.tx
    .select({ from: resultAreas.copiedFromId, to: resultAreas.id })
    .from(resultAreas)
    .innerJoin(
      policyAreas,
      and(eq(policyAreas.regionId, resultAreas.regionId), eq(policyAreas.id, resultAreas.policyAreaId)),
    )
    .where(
      and(
        eq(resultAreas.regionId, region),
        eq(policyAreas.planId, planId),
        isNotNull(resultAreas.copiedFromId),
      ),
    );
  if (!copies.length) return;
  const copyOf = new Map(copies.map((c) => [c.from!, c.to]));
  const old = [...copyOf.keys()];
  const entries: Parameters<typeof auditMany>[1] = [];

  const links = await ctx.tx
    .delete(projectResultAreas)
    .where(and(eq(projectResultAreas.regionId, region), inArray(projectResultAreas.resultAreaId, old)))
    .returning();
  if (links.length)
    await ctx.tx
      .insert(projectResultAreas)
      .values(links.map((l) => ({ ...l, resultAreaId: copyOf.get(l.resultAreaId)! })))
      .onConflictDoNothing();
  for (const l of links)
    entries.push({
      entityType: "project",
      entityId: l.projectId,
      action: "update",
      before: { resultAreaId: l.resultAreaId },
      after: { resultAreaId: copyOf.get(l.resultAreaId) },
    });

  // KPIs and speerpunten move in one statement per table: each old resultaatgebied to its copy.
  const sourceOf = new Map(copies.map((c) => [c.to, c.from!]));
  for (const [table, entityType] of [
    [kpis, "kpi"],
    [priorities, "priority"],
  ] as const) {
    const copyOfColumn = sql`case ${table.resultAreaId} ${sql.join(
      copies.map((c) => sql`when ${c.from}::uuid then ${c.to}::uuid`),
      sql` `,
    )} end`;
    const moved = await ctx.tx
      .update(table)
      .set({ resultAreaId: copyOfColumn })
      .where(and(eq(table.regionId, region), inArray(table.resultAreaId, old)))
      .returning({ id: table.id, resultAreaId: table.resultAreaId });
    for (const r of moved)
      entries.push({
        entityType,
        entityId: r.id,
        action: "update",
        before: { resultAreaId: sourceOf.get(r.resultAreaId!) },
        after: { resultAreaId: r.resultAreaId },
      });
  }
  await auditMany(ctx, entries);
}
