import { and, asc, count, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { ProjectPhase, WorkLevel } from "../../../shared/plan.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, forbidden, invalidField, notFound } from "../../platform/errors.js";
import { escapeLike, keyset } from "../../platform/pagination.js";
import { bodyNameSql, bodyNames } from "../governance/service.js";
import { areas } from "../network/areas-schema.js";
import {
  namesOf,
  organisationNameSql,
  personNameSql,
  personOfUser,
  personOfUserSql,
  requirePerson,
} from "../network/persons-service.js";
import {
  programmes,
  projectDistricts,
  projectOrganisations,
  projectResultAreas,
  projects,
} from "./projects-schema.js";
import { plans, policyAreas, resultAreas } from "./schema.js";

export interface ProgrammeInput {
  name: string;
  description?: string | null;
  level: WorkLevel;
}
export interface ProjectInput {
  programmeId: string;
  name: string;
  goals?: string | null;
  level: WorkLevel;
  phase?: ProjectPhase;
  leaderPersonId?: string | null;
  workingGroupId?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  resultAreaIds?: string[];
  organisationIds?: string[];
  wijkCodes?: string[];
}

// --- Programmes -----------------------------------------------------------------------------

const presentProgramme = (p: typeof programmes.$inferSelect, projectCount: number) => ({
  id: p.id,
  name: p.name,
  description: p.description,
  level: p.level,
  projectCount,
  version: p.version,
});

/** The region's programmes by name, each with how many projects it carries. */
export async function listProgrammes(ctx: Ctx) {
  const rows = await ctx.tx
    .select({
      p: programmes,
      projects: sql<number>`(select count(*)::int from ${projects} x where x.region_id = programmes.region_id and x.programme_id = programmes.id)`,
    })
    .from(programmes)
    .where(eq(programmes.regionId, ctx.actor.regionId))
    .orderBy(asc(programmes.name), asc(programmes.id));
  return { items: rows.map((r) => presentProgramme(r.p, r.projects)) };
}

async function programmeRow(ctx: Ctx, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(programmes)
    .where(and(eq(programmes.regionId, ctx.actor.regionId), eq(programmes.id, id)));
  return row;
}

/** A name another programme of the region already has answers 409 at `body.name`. */
async function checkProgrammeName(ctx: Ctx, name: string, except?: string) {
  const [same] = await ctx.tx
    .select({ id: programmes.id })
    .from(programmes)
    .where(and(eq(programmes.regionId, ctx.actor.regionId), eq(programmes.name, name)));
  if (same && same.id !== except) throw invalidField("body.name", "field.areaNameTaken", 409);
}

export async function createProgramme(ctx: Ctx, input: ProgrammeInput) {
  await checkProgrammeName(ctx, input.name);
  const [row] = await ctx.tx
    .insert(programmes)
    .values({ ...input, regionId: ctx.actor.regionId })
    .returning();
  const after = presentProgramme(row!, 0);
  await audit(ctx, { entityType: "programme", entityId: after.id, action: "create", after });
  return after;
}

export async function updateProgramme(
  ctx: Ctx,
  id: string,
  patch: Partial<ProgrammeInput> & { version: number },
) {
  const row = await programmeRow(ctx, id);
  if (!row) throw notFound();
  const [{ n } = { n: 0 }] = await ctx.tx
    .select({ n: count() })
    .from(projects)
    .where(and(eq(projects.regionId, ctx.actor.regionId), eq(projects.programmeId, id)));
  const before = presentProgramme(row, n);
  if (row.version !== patch.version) throw conflict(before);
  if (patch.name !== undefined && patch.name !== row.name) await checkProgrammeName(ctx, patch.name, id);
  const { version, ...fields } = patch;
  const [updated] = await ctx.tx
    .update(programmes)
    .set({ ...fields, updatedAt: new Date(), version: version + 1 })
    .where(
      and(
        eq(programmes.regionId, ctx.actor.regionId),
        eq(programmes.id, id),
        eq(programmes.version, version),
      ),
    )
    .returning();
  if (!updated) throw conflict(before);
  const after = presentProgramme(updated, n);
  await audit(ctx, { entityType: "programme", entityId: id, action: "update", before, after });
  return after;
}

// --- Projects -------------------------------------------------------------------------------

type ProjectRow = typeof projects.$inferSelect;

/**
 * Projects as the API shows them: with the names of their programme, leader and werkgroep,
 * whether the caller leads them, the resultaatgebieden (with beleidsterrein and plan) and
 * organisations they involve, and the wijken they work in. Four queries for any number of projects.
 */
async function present(ctx: Ctx, rows: ProjectRow[]) {
  if (!rows.length) return [];
  const region = ctx.actor.regionId;
  const ids = rows.map((r) => r.id);
  const named = await ctx.tx
    .select({
      id: projects.id,
      programmeName: sql<string>`(select g.name from ${programmes} g where g.region_id = ${region} and g.id = "projects"."programme_id")`,
      leaderName: personNameSql(region, sql`"projects"."leader_person_id"`),
      groupName: bodyNameSql(region, sql`"projects"."working_group_id"`),
      mine: sql<boolean>`coalesce("projects"."leader_person_id" = ${personOfUserSql(ctx)}, false)`,
    })
    .from(projects)
    .where(and(eq(projects.regionId, region), inArray(projects.id, ids)));
  const results = await ctx.tx
    .select({
      projectId: projectResultAreas.projectId,
      id: resultAreas.id,
      name: resultAreas.name,
      policyAreaName: policyAreas.name,
      planId: plans.id,
      planTitle: plans.title,
    })
    .from(projectResultAreas)
    .innerJoin(
      resultAreas,
      and(
        eq(resultAreas.regionId, projectResultAreas.regionId),
        eq(resultAreas.id, projectResultAreas.resultAreaId),
      ),
    )
    .innerJoin(
      policyAreas,
      and(eq(policyAreas.regionId, resultAreas.regionId), eq(policyAreas.id, resultAreas.policyAreaId)),
    )
    .innerJoin(plans, and(eq(plans.regionId, policyAreas.regionId), eq(plans.id, policyAreas.planId)))
    .where(and(eq(projectResultAreas.regionId, region), inArray(projectResultAreas.projectId, ids)))
    .orderBy(asc(policyAreas.position), asc(resultAreas.position));
  const involved = await ctx.tx
    .select({
      projectId: projectOrganisations.projectId,
      id: projectOrganisations.organisationId,
      name: organisationNameSql(region, sql`"project_organisations"."organisation_id"`),
    })
    .from(projectOrganisations)
    .where(and(eq(projectOrganisations.regionId, region), inArray(projectOrganisations.projectId, ids)));
  const districts = await ctx.tx
    .select({ projectId: projectDistricts.projectId, code: areas.code, name: areas.name })
    .from(projectDistricts)
    .innerJoin(
      areas,
      and(eq(areas.regionId, projectDistricts.regionId), eq(areas.code, projectDistricts.wijkCode)),
    )
    .where(and(eq(projectDistricts.regionId, region), inArray(projectDistricts.projectId, ids)))
    .orderBy(asc(areas.name));
  const names = new Map(named.map((n) => [n.id, n]));
  return rows.map((r) => {
    const n = names.get(r.id);
    return {
      id: r.id,
      programmeId: r.programmeId,
      programmeName: n?.programmeName ?? "",
      name: r.name,
      goals: r.goals,
      level: r.level,
      phase: r.phase,
      leader: r.leaderPersonId ? { id: r.leaderPersonId, name: n?.leaderName ?? "" } : null,
      /** Whether the caller leads it (a projectleider may change it). */
      mine: n?.mine ?? false,
      workingGroup: r.workingGroupId ? { id: r.workingGroupId, name: n?.groupName ?? "" } : null,
      startDate: r.startDate,
      endDate: r.endDate,
      resultAreas: results.filter((x) => x.projectId === r.id).map(({ projectId: _p, ...x }) => x),
      organisations: involved
        .filter((o) => o.projectId === r.id)
        .map((o) => ({ id: o.id, name: o.name ?? "" }))
        .sort((a, b) => a.name.localeCompare(b.name, "nl")),
      wijken: districts.filter((d) => d.projectId === r.id).map(({ projectId: _p, ...d }) => d),
      version: r.version,
    };
  });
}

export type Project = Awaited<ReturnType<typeof present>>[number];

export interface ProjectFilter {
  q?: string;
  programmeId?: string;
  phase?: ProjectPhase;
  leaderPersonId?: string;
  /** Only the projects that work in this wijk (a wijkcoördinator's view). */
  wijkCode?: string;
  /** Only the projects the caller leads. */
  mine?: boolean;
  sort?: string;
  cursor?: string;
  limit: number;
}

/** Projects by name, filtered by programme, phase, leader, or the caller's own. */
export async function listProjects(ctx: Ctx, f: ProjectFilter) {
  const page = keyset({
    sorts: { name: [projects.name, projects.id] },
    sort: f.sort,
    defaultSort: "name",
    cursor: f.cursor,
    limit: f.limit,
  });
  const own = f.mine ? await personOfUser(ctx) : undefined;
  if (f.mine && !own) return { items: [], nextCursor: null };
  const rows = await ctx.tx
    .select()
    .from(projects)
    .where(
      and(
        eq(projects.regionId, ctx.actor.regionId),
        f.q
          ? or(ilike(projects.name, `%${escapeLike(f.q)}%`), ilike(projects.goals, `%${escapeLike(f.q)}%`))
          : undefined,
        f.programmeId ? eq(projects.programmeId, f.programmeId) : undefined,
        f.phase ? eq(projects.phase, f.phase) : undefined,
        f.leaderPersonId ? eq(projects.leaderPersonId, f.leaderPersonId) : undefined,
        own ? eq(projects.leaderPersonId, own) : undefined,
        f.wijkCode
          ? sql`exists (select 1 from ${projectDistricts} d where d.region_id = ${ctx.actor.regionId}
              and d.project_id = "projects"."id" and d.wijk_code = ${f.wijkCode})`
          : undefined,
        page.where,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(page.take);
  const { items, nextCursor } = page.page(rows, (r) => [r.name, r.id]);
  return { items: await present(ctx, items), nextCursor };
}

async function projectRow(ctx: Ctx, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(projects)
    .where(and(eq(projects.regionId, ctx.actor.regionId), eq(projects.id, id)));
  if (!row) throw notFound();
  return row;
}

export async function getProject(ctx: Ctx, id: string) {
  const [project] = await present(ctx, [await projectRow(ctx, id)]);
  return project!;
}

/**
 * Everything a project refers to must be of the caller's region (another region's answers as
 * not found, at its field), and it cannot end before it starts.
 */
async function check(ctx: Ctx, input: Partial<ProjectInput>, current?: ProjectRow) {
  const start = input.startDate === undefined ? current?.startDate : input.startDate;
  const end = input.endDate === undefined ? current?.endDate : input.endDate;
  if (start && end && end < start) throw invalidField("body.endDate", "field.periodOrder");
  if (input.programmeId && !(await programmeRow(ctx, input.programmeId)))
    throw invalidField("body.programmeId", "problem.notFound", 404);
  if (input.leaderPersonId) await requirePerson(ctx, input.leaderPersonId, "body.leaderPersonId");
  if (input.workingGroupId && !(await bodyNames(ctx, [input.workingGroupId])).has(input.workingGroupId))
    throw invalidField("body.workingGroupId", "problem.notFound", 404);
  if (input.resultAreaIds?.length) {
    const unique = [...new Set(input.resultAreaIds)];
    const known = new Set(
      (
        await ctx.tx
          .select({ id: resultAreas.id })
          .from(resultAreas)
          .where(and(eq(resultAreas.regionId, ctx.actor.regionId), inArray(resultAreas.id, unique)))
      ).map((r) => r.id),
    );
    const missing = input.resultAreaIds.findIndex((id) => !known.has(id));
    if (missing >= 0) throw invalidField(`body.resultAreaIds.${missing}`, "problem.notFound", 404);
  }
  if (input.wijkCodes?.length) {
    const codes = [...new Set(input.wijkCodes)];
    const [known] = await ctx.tx
      .select({ n: count() })
      .from(areas)
      .where(and(eq(areas.regionId, ctx.actor.regionId), eq(areas.kind, "wijk"), inArray(areas.code, codes)));
    if ((known?.n ?? 0) !== codes.length) throw invalidField("body.wijkCodes", "field.wijkNotFound");
  }
  if (input.organisationIds?.length) {
    const known = await namesOf(ctx, { persons: [], organisations: [...new Set(input.organisationIds)] });
    const missing = input.organisationIds.findIndex((id) => !known.has(id));
    if (missing >= 0)
      throw invalidField(`body.organisationIds.${missing}`, "field.organisationNotFound", 404);
  }
}

/** Replaces a project's resultaatgebieden, wijken and organisations with those given (when given). */
async function setLinks(ctx: Ctx, projectId: string, input: Partial<ProjectInput>) {
  const regionId = ctx.actor.regionId;
  if (input.resultAreaIds) {
    await ctx.tx
      .delete(projectResultAreas)
      .where(and(eq(projectResultAreas.regionId, regionId), eq(projectResultAreas.projectId, projectId)));
    const ids = [...new Set(input.resultAreaIds)];
    if (ids.length)
      await ctx.tx
        .insert(projectResultAreas)
        .values(ids.map((resultAreaId) => ({ regionId, projectId, resultAreaId })));
  }
  if (input.wijkCodes) {
    await ctx.tx
      .delete(projectDistricts)
      .where(and(eq(projectDistricts.regionId, regionId), eq(projectDistricts.projectId, projectId)));
    const codes = [...new Set(input.wijkCodes)];
    if (codes.length)
      await ctx.tx
        .insert(projectDistricts)
        .values(codes.map((wijkCode) => ({ regionId, projectId, wijkCode })));
  }
  if (input.organisationIds) {
    await ctx.tx
      .delete(projectOrganisations)
      .where(and(eq(projectOrganisations.regionId, regionId), eq(projectOrganisations.projectId, projectId)));
    const ids = [...new Set(input.organisationIds)];
    if (ids.length)
      await ctx.tx
        .insert(projectOrganisations)
        .values(ids.map((organisationId) => ({ regionId, projectId, organisationId })));
  }
}

export async function createProject(ctx: Ctx, input: ProjectInput) {
  await check(ctx, input);
  const { resultAreaIds: _r, organisationIds: _o, wijkCodes: _w, ...fields } = input;
  const [row] = await ctx.tx
    .insert(projects)
    .values({ ...fields, regionId: ctx.actor.regionId })
    .returning();
  await setLinks(ctx, row!.id, input);
  const after = await getProject(ctx, row!.id);
  await audit(ctx, { entityType: "project", entityId: after.id, action: "create", after });
  return after;
}

/**
 * Changes a project (also its phase: moving it on the kanban). The bureau changes any project; a
 * projectleider only the projects they lead, and cannot hand them to someone else.
 */
export async function updateProject(
  ctx: Ctx,
  id: string,
  patch: Partial<ProjectInput> & { version: number },
) {
  const row = await projectRow(ctx, id);
  if (ctx.actor.role === "projectleider") {
    const own = await personOfUser(ctx);
    if (!own || row.leaderPersonId !== own) throw forbidden();
    if (patch.leaderPersonId !== undefined && patch.leaderPersonId !== row.leaderPersonId)
      throw invalidField("body.leaderPersonId", "field.projectLeaderOwn", 403);
  }
  const [before] = await present(ctx, [row]);
  if (row.version !== patch.version) throw conflict(before);
  await check(ctx, patch, row);
  const { version, resultAreaIds: _r, organisationIds: _o, wijkCodes: _w, ...fields } = patch;
  const [updated] = await ctx.tx
    .update(projects)
    .set({ ...fields, updatedAt: new Date(), version: version + 1 })
    .where(and(eq(projects.regionId, ctx.actor.regionId), eq(projects.id, id), eq(projects.version, version)))
    .returning({ id: projects.id });
  if (!updated) throw conflict(before);
  await setLinks(ctx, id, patch);
  const after = await getProject(ctx, id);
  await audit(ctx, { entityType: "project", entityId: id, action: "update", before, after });
  return after;
}
