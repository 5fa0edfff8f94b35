import { and, asc, count, eq, sql } from "drizzle-orm";
import { dayInNetherlands } from "../../../shared/dates.js";
import type { ProjectPhase, WorkLevel } from "../../../shared/plan.js";
import type { Ctx } from "../../platform/context.js";
import { actions } from "./actions-schema.js";
import { listActions, stillToDo } from "./actions-service.js";
import { listKpis } from "./kpis-service.js";
import { programmes, projects } from "./projects-schema.js";
import { listSuccesses } from "./successes-service.js";

/**
 * The stuurgroep's one screen: each programme with its projects per phase, the actions past
 * their date (how many, and the ten longest overdue), the KPIs behind their target, and the
 * latest successes.
 */
export async function planDashboard(ctx: Ctx) {
  const region = ctx.actor.regionId;
  const overdueCount = sql<number>`(select count(*)::int from ${actions}
    where "actions"."region_id" = ${region} and ${stillToDo}
      and "actions"."due_date" < ${dayInNetherlands(new Date())}::date)`;
  // The overdue actions are counted in the same statement (computed once), to save a round trip.
  const perPhase = await ctx.tx
    .select({
      id: programmes.id,
      name: programmes.name,
      level: programmes.level,
      phase: projects.phase,
      // Counting a column of the index (not the id) lets the count read the index alone.
      n: count(projects.programmeId),
      overdue: overdueCount,
    })
    .from(programmes)
    .leftJoin(
      projects,
      and(eq(projects.regionId, programmes.regionId), eq(projects.programmeId, programmes.id)),
    )
    .where(eq(programmes.regionId, region))
    .groupBy(programmes.id, programmes.name, programmes.level, projects.phase)
    .orderBy(asc(programmes.name));
  const byProgramme = new Map<
    string,
    {
      id: string;
      name: string;
      level: WorkLevel;
      phases: Partial<Record<ProjectPhase, number>>;
      projectCount: number;
    }
  >();
  for (const r of perPhase) {
    const p = byProgramme.get(r.id) ?? {
      id: r.id,
      name: r.name,
      level: r.level,
      phases: {},
      projectCount: 0,
    };
    if (r.phase) {
      p.phases[r.phase] = r.n;
      p.projectCount += r.n;
    }
    byProgramme.set(r.id, p);
  }
  // A region without programmes has no rows to carry the count.
  const overdue =
    perPhase[0]?.overdue ?? (await ctx.tx.select({ n: overdueCount }).from(sql`(select 1) one`))[0]!.n;
  const kpis = await listKpis(ctx, { limit: 200 });
  return {
    programmes: [...byProgramme.values()],
    overdueActions: {
      count: overdue,
      items: (await listActions(ctx, { overdue: true, limit: 10 })).items,
    },
    kpisOffTarget: kpis.items.filter((k) => k.status === "off_target"),
    kpiCounts: Object.fromEntries(
      ["achieved", "on_track", "off_target", "no_data"].map((s) => [
        s,
        kpis.items.filter((k) => k.status === s).length,
      ]),
    ) as Record<"achieved" | "on_track" | "off_target" | "no_data", number>,
    successes: (await listSuccesses(ctx, { limit: 3 })).items,
  };
}
