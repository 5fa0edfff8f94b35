import { and, asc, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import { kpis } from "./kpis-schema.js";
import { priorities } from "./priorities-schema.js";
import { projectResultAreas, projects } from "./projects-schema.js";

/** What carries out one resultaatgebied: the projects serving it, the speerpunten contributing to it, its KPIs. */
export interface ResultAreaWork {
  projects: { id: string; name: string }[];
  priorities: { id: string; title: string; prioritisationId: string }[];
  kpis: { id: string; name: string }[];
}

/**
 * The work of each of the given resultaatgebieden, so the plan reads as one page from ambition to
 * execution. Three indexed queries for any number of areas.
 */
export async function workOfResultAreas(ctx: Ctx, areaIds: string[]) {
  const region = ctx.actor.regionId;
  const work = new Map<string, ResultAreaWork>(
    areaIds.map((id) => [id, { projects: [], priorities: [], kpis: [] }]),
  );
  if (!areaIds.length) return work;
  const projectRows = await ctx.tx
    .select({ areaId: projectResultAreas.resultAreaId, id: projects.id, name: projects.name })
    .from(projectResultAreas)
    .innerJoin(
      projects,
      and(eq(projects.regionId, projectResultAreas.regionId), eq(projects.id, projectResultAreas.projectId)),
    )
    .where(and(eq(projectResultAreas.regionId, region), inArray(projectResultAreas.resultAreaId, areaIds)))
    .orderBy(asc(projects.name));
  for (const { areaId, ...p } of projectRows) work.get(areaId)?.projects.push(p);
  const priorityRows = await ctx.tx
    .select({
      areaId: priorities.resultAreaId,
      id: priorities.id,
      title: priorities.title,
      prioritisationId: priorities.prioritisationId,
    })
    .from(priorities)
    .where(and(eq(priorities.regionId, region), inArray(priorities.resultAreaId, areaIds)))
    .orderBy(asc(priorities.title));
  for (const { areaId, ...p } of priorityRows) if (areaId) work.get(areaId)?.priorities.push(p);
  const kpiRows = await ctx.tx
    .select({ areaId: kpis.resultAreaId, id: kpis.id, name: kpis.name })
    .from(kpis)
    .where(and(eq(kpis.regionId, region), inArray(kpis.resultAreaId, areaIds)))
    .orderBy(asc(kpis.name));
  for (const { areaId, ...k } of kpiRows) work.get(areaId)?.kpis.push(k);
  return work;
}
