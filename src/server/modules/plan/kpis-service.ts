import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type KpiDirection, kpiStatus, periodBounds } from "../../../shared/kpi.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, invalidField, notFound } from "../../platform/errors.js";
import { escapeLike, keyset } from "../../platform/pagination.js";
import { areas } from "../network/areas-schema.js";
import { namesOf } from "../network/persons-service.js";
import { kpiMeasurements, kpis } from "./kpis-schema.js";
import { plans, policyAreas, resultAreas } from "./schema.js";

export interface KpiInput {
  resultAreaId: string;
  name: string;
  definition?: string | null;
  unit: string;
  baseline: number;
  target: number;
  direction: KpiDirection;
}
export interface MeasurementInput {
  period: string;
  value: number;
  /** The unit the value is in: it must be the KPI's. */
  unit: string;
  wijkCode?: string | null;
  organisationId?: string | null;
  note?: string | null;
}

/** The newest region-wide measurement: one step back along the series index per KPI. */
const latestSql = sql<{ period: string; value: number; periodEnd: string } | null>`(
  select json_build_object('period', x.period, 'value', x.value, 'periodEnd', x.period_end)
  from ${kpiMeasurements} x
  where x.region_id = ${sql.raw('"kpis"."region_id"')} and x.kpi_id = ${sql.raw('"kpis"."id"')}
    and x.wijk_code is null and x.organisation_id is null
  order by x.period_start desc limit 1)`;

/** A KPI with the resultaatgebied and plan it serves and its newest measurement, as one select. */
const kpiSelect = {
  k: kpis,
  latest: latestSql,
  resultAreaName: resultAreas.name,
  policyAreaName: policyAreas.name,
  planId: plans.id,
  planTitle: plans.title,
  planStartYear: plans.startYear,
  planEndYear: plans.endYear,
};

function kpiQuery(ctx: Ctx) {
  return ctx.tx
    .select(kpiSelect)
    .from(kpis)
    .innerJoin(
      resultAreas,
      and(eq(resultAreas.regionId, kpis.regionId), eq(resultAreas.id, kpis.resultAreaId)),
    )
    .innerJoin(
      policyAreas,
      and(eq(policyAreas.regionId, resultAreas.regionId), eq(policyAreas.id, resultAreas.policyAreaId)),
    )
    .innerJoin(plans, and(eq(plans.regionId, policyAreas.regionId), eq(plans.id, policyAreas.planId)))
    .$dynamic();
}
type KpiRow = Awaited<ReturnType<typeof kpiQuery>>[number];

function present(r: KpiRow) {
  const { k, latest } = r;
  return {
    id: k.id,
    name: k.name,
    definition: k.definition,
    unit: k.unit,
    baseline: k.baseline,
    target: k.target,
    direction: k.direction,
    resultArea: { id: k.resultAreaId, name: r.resultAreaName, policyAreaName: r.policyAreaName },
    plan: { id: r.planId, title: r.planTitle, startYear: r.planStartYear, endYear: r.planEndYear },
    latest: latest ? { period: latest.period, value: latest.value } : null,
    status: kpiStatus({
      baseline: k.baseline,
      target: k.target,
      direction: k.direction,
      latest: latest ? { value: latest.value, periodEnd: latest.periodEnd } : null,
      planStartYear: r.planStartYear,
      planEndYear: r.planEndYear,
    }),
    version: k.version,
  };
}

export type Kpi = ReturnType<typeof present>;

/** KPIs by name, searched in name and definition, filtered by resultaatgebied or plan. */
export async function listKpis(
  ctx: Ctx,
  f: { q?: string; resultAreaId?: string; planId?: string; cursor?: string; limit: number },
) {
  const page = keyset({
    sorts: { name: [kpis.name, kpis.id] },
    sort: undefined,
    defaultSort: "name",
    cursor: f.cursor,
    limit: f.limit,
  });
  const rows = await kpiQuery(ctx)
    .where(
      and(
        eq(kpis.regionId, ctx.actor.regionId),
        f.q
          ? sql`(${kpis.name} ilike ${`%${escapeLike(f.q)}%`} or ${kpis.definition} ilike ${`%${escapeLike(f.q)}%`})`
          : undefined,
        f.resultAreaId ? eq(kpis.resultAreaId, f.resultAreaId) : undefined,
        f.planId ? eq(plans.id, f.planId) : undefined,
        page.where,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(page.take);
  const { items, nextCursor } = page.page(rows, (r) => [r.k.name, r.k.id]);
  return { items: items.map(present), nextCursor };
}

async function kpiRow(ctx: Ctx, id: string) {
  const [row] = await kpiQuery(ctx).where(and(eq(kpis.regionId, ctx.actor.regionId), eq(kpis.id, id)));
  if (!row) throw notFound();
  return row;
}

/**
 * One KPI with all its measurements, oldest period first: the region's series (for the line
 * chart) and those per wijk or WSV (for the bars), with the names of wijk and organisation.
 */
export async function getKpi(ctx: Ctx, id: string) {
  const row = await kpiRow(ctx, id);
  const measurements = await ctx.tx
    .select({ m: kpiMeasurements, wijkName: areas.name })
    .from(kpiMeasurements)
    .leftJoin(
      areas,
      and(eq(areas.regionId, kpiMeasurements.regionId), eq(areas.code, kpiMeasurements.wijkCode)),
    )
    .where(and(eq(kpiMeasurements.regionId, ctx.actor.regionId), eq(kpiMeasurements.kpiId, id)))
    // Per period the region's own value first, then the wijken and WSV's.
    .orderBy(
      asc(kpiMeasurements.periodStart),
      sql`${kpiMeasurements.wijkCode} nulls first`,
      sql`${kpiMeasurements.organisationId} nulls first`,
      asc(kpiMeasurements.id),
    );
  const names = await namesOf(ctx, {
    persons: [],
    organisations: [...new Set(measurements.flatMap((x) => x.m.organisationId ?? []))],
  });
  return {
    ...present(row),
    measurements: measurements.map(({ m, wijkName }) => ({
      id: m.id,
      period: m.period,
      value: m.value,
      wijk: m.wijkCode ? { code: m.wijkCode, name: wijkName ?? "" } : null,
      organisation: m.organisationId
        ? { id: m.organisationId, name: names.get(m.organisationId) ?? "" }
        : null,
      note: m.note,
      version: m.version,
    })),
  };
}

async function checkResultArea(ctx: Ctx, resultAreaId: string) {
  const [area] = await ctx.tx
    .select({ id: resultAreas.id })
    .from(resultAreas)
    .where(and(eq(resultAreas.regionId, ctx.actor.regionId), eq(resultAreas.id, resultAreaId)));
  if (!area) throw invalidField("body.resultAreaId", "problem.notFound", 404);
}

async function checkName(ctx: Ctx, name: string, except?: string) {
  const [same] = await ctx.tx
    .select({ id: kpis.id })
    .from(kpis)
    .where(and(eq(kpis.regionId, ctx.actor.regionId), eq(kpis.name, name)));
  if (same && same.id !== except) throw invalidField("body.name", "field.areaNameTaken", 409);
}

export async function createKpi(ctx: Ctx, input: KpiInput) {
  await checkResultArea(ctx, input.resultAreaId);
  await checkName(ctx, input.name);
  const [row] = await ctx.tx
    .insert(kpis)
    .values({ ...input, regionId: ctx.actor.regionId })
    .returning({ id: kpis.id });
  const after = present(await kpiRow(ctx, row!.id));
  await audit(ctx, { entityType: "kpi", entityId: after.id, action: "create", after });
  return after;
}

/** Changes a KPI's definition, target or resultaatgebied. Its unit is fixed once it has measurements. */
export async function updateKpi(ctx: Ctx, id: string, patch: Partial<KpiInput> & { version: number }) {
  const row = await kpiRow(ctx, id);
  const before = present(row);
  if (row.k.version !== patch.version) throw conflict(before);
  if (patch.resultAreaId) await checkResultArea(ctx, patch.resultAreaId);
  if (patch.name !== undefined && patch.name !== row.k.name) await checkName(ctx, patch.name, id);
  if (patch.unit !== undefined && patch.unit !== row.k.unit) {
    const [any] = await ctx.tx
      .select({ id: kpiMeasurements.id })
      .from(kpiMeasurements)
      .where(and(eq(kpiMeasurements.regionId, ctx.actor.regionId), eq(kpiMeasurements.kpiId, id)))
      .limit(1);
    if (any) throw invalidField("body.unit", "field.kpiUnitFixed", 409);
  }
  const { version, ...fields } = patch;
  const [updated] = await ctx.tx
    .update(kpis)
    .set({ ...fields, updatedAt: new Date(), version: version + 1 })
    .where(and(eq(kpis.regionId, ctx.actor.regionId), eq(kpis.id, id), eq(kpis.version, version)))
    .returning({ id: kpis.id });
  if (!updated) throw conflict(before);
  const after = present(await kpiRow(ctx, id));
  await audit(ctx, { entityType: "kpi", entityId: id, action: "update", before, after });
  return after;
}

/**
 * What a measurement must satisfy, as a message key per field, or null: the KPI's unit, a period
 * within the plan's years, and a wijk of the werkgebied. Shared by entry by hand and the import.
 */
export function measurementProblem(
  kpi: Pick<KpiRow, "planStartYear" | "planEndYear"> & { k: { unit: string } },
  m: { period: string; unit?: string | null },
): { field: "period" | "unit"; key: "field.period" | "field.periodOutsidePlan" | "field.kpiUnit" } | null {
  const bounds = periodBounds(m.period);
  if (!bounds) return { field: "period", key: "field.period" };
  const year = Number(m.period.slice(0, 4));
  if (year < kpi.planStartYear || year > kpi.planEndYear)
    return { field: "period", key: "field.periodOutsidePlan" };
  if (m.unit != null && m.unit.trim().toLowerCase() !== kpi.k.unit.toLowerCase())
    return { field: "unit", key: "field.kpiUnit" };
  return null;
}

/** The wijkcodes among `codes` that are wijken of the region's werkgebied. */
export async function knownWijken(ctx: Ctx, codes: string[]) {
  if (!codes.length) return new Set<string>();
  const rows = await ctx.tx
    .select({ code: areas.code })
    .from(areas)
    .where(and(eq(areas.regionId, ctx.actor.regionId), eq(areas.kind, "wijk"), inArray(areas.code, codes)));
  return new Set(rows.map((r) => r.code));
}

/** Records a measurement for a period, for the region or one wijk or WSV; one per period and scope. */
export async function addMeasurement(ctx: Ctx, kpiId: string, input: MeasurementInput) {
  const kpi = await kpiRow(ctx, kpiId);
  const problem = measurementProblem(kpi, input);
  if (problem) throw invalidField(`body.${problem.field}`, problem.key);
  if (input.wijkCode && !(await knownWijken(ctx, [input.wijkCode])).size)
    throw invalidField("body.wijkCode", "field.wijkNotFound");
  if (
    input.organisationId &&
    !(await namesOf(ctx, { persons: [], organisations: [input.organisationId] })).size
  )
    throw invalidField("body.organisationId", "field.organisationNotFound", 404);
  const scope = and(
    eq(kpiMeasurements.regionId, ctx.actor.regionId),
    eq(kpiMeasurements.kpiId, kpiId),
    eq(kpiMeasurements.period, input.period),
    input.wijkCode ? eq(kpiMeasurements.wijkCode, input.wijkCode) : isNull(kpiMeasurements.wijkCode),
    input.organisationId
      ? eq(kpiMeasurements.organisationId, input.organisationId)
      : isNull(kpiMeasurements.organisationId),
  );
  const [exists] = await ctx.tx.select({ id: kpiMeasurements.id }).from(kpiMeasurements).where(scope);
  if (exists) throw invalidField("body.period", "field.measurementExists", 409);
  const bounds = periodBounds(input.period)!;
  const { unit: _unit, ...fields } = input;
  const [row] = await ctx.tx
    .insert(kpiMeasurements)
    .values({
      ...fields,
      regionId: ctx.actor.regionId,
      kpiId,
      periodStart: bounds.start,
      periodEnd: bounds.end,
    })
    .returning();
  const after = {
    kpiId,
    period: row!.period,
    value: row!.value,
    wijkCode: row!.wijkCode,
    organisationId: row!.organisationId,
  };
  await audit(ctx, { entityType: "kpi_measurement", entityId: row!.id, action: "create", after });
  return getKpi(ctx, kpiId);
}

/** Removes a measurement entered by mistake (the logboek keeps it). */
export async function deleteMeasurement(ctx: Ctx, id: string, version: number) {
  const [row] = await ctx.tx
    .select()
    .from(kpiMeasurements)
    .where(and(eq(kpiMeasurements.regionId, ctx.actor.regionId), eq(kpiMeasurements.id, id)));
  if (!row) throw notFound();
  const before = {
    kpiId: row.kpiId,
    period: row.period,
    value: row.value,
    wijkCode: row.wijkCode,
    organisationId: row.organisationId,
  };
  if (row.version !== version) throw conflict(before);
  await ctx.tx
    .delete(kpiMeasurements)
    .where(and(eq(kpiMeasurements.regionId, ctx.actor.regionId), eq(kpiMeasurements.id, id)));
  await audit(ctx, { entityType: "kpi_measurement", entityId: id, action: "delete", before });
}

/** KPIs by exact name (case-insensitive), for the import. */
export async function kpisByName(ctx: Ctx) {
  const rows = await kpiQuery(ctx).where(eq(kpis.regionId, ctx.actor.regionId));
  return new Map(rows.map((r) => [r.k.name.toLowerCase(), r]));
}

/** The KPIs of the given resultaatgebieden with their newest measurement and status (a report's snapshot). */
export async function kpisOfResultAreas(ctx: Ctx, resultAreaIds: string[]) {
  if (!resultAreaIds.length) return [];
  const rows = await kpiQuery(ctx).where(
    and(eq(kpis.regionId, ctx.actor.regionId), inArray(kpis.resultAreaId, resultAreaIds)),
  );
  return rows.map(present);
}
