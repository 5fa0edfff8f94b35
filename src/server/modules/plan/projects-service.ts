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
 * One statement selects projects with everything a row shows: the names of their programme,
 * leader and werkgroep, whether the caller leads them, and (as JSON) the resultaatgebieden with
 * beleidsterrein and plan, the organisations and the wijken. Columns are qualified: in a
 * one-table select a bare name inside a subquery would be the subquery's own column.
 */
function projectSelect(ctx: Ctx) {
  const region = ctx.actor.regionId;
  const own = (column: string) => sql.raw(`"projects"."${column}"`);
  return {
    p: projects,
    programmeName: sql<string>`(select g.name from ${programmes} g where g.region_id = ${region} and g.id = ${own("programme_id")})`,
    leaderName: personNameSql(region, own("leader_person_id")),
    groupName: bodyNameSql(region, own("working_group_id")),
    mine: sql<boolean>`coalesce(${own("leader_person_id")} = ${personOfUserSql(ctx)}, false)`,
    resultAreas: sql<
      { id: string; name: string; policyAreaName: string; planId: string; planTitle: string }[]
    >`coalesce((
      select json_agg(json_build_object('id', r.id, 'name', r.name, 'policyAreaName', pa.name, 'planId', pl.id, 'planTitle', pl.title)
        order by pa.position, r.position)
      from ${projectResultAreas} x
      join ${resultAreas} r on r.region_id = x.region_id and r.id = x.result_area_id
      join ${policyAreas} pa on pa.region_id = r.region_id and pa.id = r.policy_area_id
      join ${plans} pl on pl.region_id = pa.region_id and pl.id = pa.plan_id
      where x.region_id = ${region} and x.project_id = ${own("id")}), '[]')`,
    organisations: sql<{ id: string; name: string | null }[]>`coalesce((
      select json_agg(json_build_object('id', x.organisation_id, 'name', ${organisationNameSql(region, sql`x.organisation_id`)}))
      from ${projectOrganisations} x where x.region_id = ${region} and x.project_id = ${own("id")}), '[]')`,
    wijken: sql<{ code: string; name: string }[]>`coalesce((
      select json_agg(json_build_object('code', w.code, 'name', w.name) order by w.name)
      from ${projectDistricts} x join ${areas} w on w.region_id = x.region_id and w.code = x.wijk_code
      where x.region_id = ${region} and x.project_id = ${own("id")}), '[]')`,
  };
}

type Selected = {
  p: typeof projects.$inferSelect;
  programmeName: string;
  leaderName: string | null;
  groupName: string | null;
  mine: boolean;
  resultAreas: { id: string; name: string; policyAreaName: string; planId: string; planTitle: string }[];
  organisations: { id: string; name: string | null }[];
  wijken: { code: string; name: string }[];
};

/** A project as the API shows it, from one selected row. */
function present(row: Selected) {
  const r = row.p;
  return {
    id: r.id,
    programmeId: r.programmeId,
    programmeName: row.programmeName ?? "",
    name: r.name,
    goals: r.goals,
    level: r.level,
    phase: r.phase,
    leader: r.leaderPersonId ? { id: r.leaderPersonId, name: row.leaderName ?? "" } : null,
    /** Whether the caller leads it (a projectleider may change it). */
    mine: row.mine,
    workingGroup: r.workingGroupId ? { id: r.workingGroupId, name: row.groupName ?? "" } : null,
    startDate: r.startDate,
    endDate: r.endDate,
    resultAreas: row.resultAreas,
    organisations: row.organisations
      .map((o) => ({ id: o.id, name: o.name ?? "" }))
      .sort((a, b) => a.name.localeCompare(b.name, "nl")),
    wijken: row.wijken,
    version: r.version,
  };
}

export type Project = ReturnType<typeof present>;

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
    .select(projectSelect(ctx))
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
  const { items, nextCursor } = page.page(rows, (r) => [r.p.name, r.p.id]);
  return { items: items.map(present), nextCursor };
}

async function projectRow(ctx: Ctx, id: string) {
  const [row] = await ctx.tx
    .select(projectSelect(ctx))
    .from(projects)
    .where(and(eq(projects.regionId, ctx.actor.regionId), eq(projects.id, id)));
  if (!row) throw notFound();
  return row;
}

export async function getProject(ctx: Ctx, id: string) {
  return present(await projectRow(ctx, id));
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
  const selected = await projectRow(ctx, id);
  const row = selected.p;
  if (ctx.actor.role === "projectleider") {
    if (!selected.mine) throw forbidden();
    if (patch.leaderPersonId !== undefined && patch.leaderPersonId !== row.leaderPersonId)
      throw invalidField("body.leaderPersonId", "field.projectLeaderOwn", 403);
  }
  const before = present(selected);
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
