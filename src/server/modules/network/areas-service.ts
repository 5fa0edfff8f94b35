import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { dayInNetherlands } from "../../../shared/dates.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, invalidField, notFound } from "../../platform/errors.js";
import { getRegion } from "../regions/service.js";
import { areaInhabitants, areas, networkAreas } from "./areas-schema.js";
import { organisations, workRelations } from "./schema.js";

/** The years for which inhabitants are known, newest first. */
async function inhabitantYears(ctx: Ctx) {
  const rows = await ctx.tx
    .selectDistinct({ year: areaInhabitants.year })
    .from(areaInhabitants)
    .where(eq(areaInhabitants.regionId, ctx.actor.regionId))
    .orderBy(desc(areaInhabitants.year));
  return rows.map((r) => r.year);
}

/** Inhabitants of area `code` in `year`, as a left join onto `areas`. */
const inhabitantsIn = (year: number | null) =>
  and(
    eq(areaInhabitants.regionId, areas.regionId),
    eq(areaInhabitants.code, areas.code),
    eq(areaInhabitants.year, year ?? -1),
  );

/**
 * The werkgebied as a tree: the region's gemeenten with their wijken, per wijk its inhabitants
 * in `year` (default: the newest year known), its number of buurten and the WSVs covering it.
 * Four queries, whatever the number of wijken.
 */
export async function getWerkgebied(ctx: Ctx, requestedYear?: number) {
  const regionId = ctx.actor.regionId;
  const years = await inhabitantYears(ctx);
  const year = requestedYear ?? years[0] ?? null;
  const buurt = sql`(select count(*) from ${areas} b where b.region_id = ${areas.regionId} and b.wijk_code = ${areas.code})`;
  const wijken = await ctx.tx
    .select({
      code: areas.code,
      name: areas.name,
      municipalityCode: areas.municipalityCode,
      inhabitants: areaInhabitants.inhabitants,
      buurten: sql<number>`${buurt}::int`,
    })
    .from(areas)
    .leftJoin(areaInhabitants, inhabitantsIn(year))
    .where(and(eq(areas.regionId, regionId), eq(areas.kind, "wijk")))
    .orderBy(asc(areas.code));
  const covering = await ctx.tx
    .select({ wijkCode: networkAreas.wijkCode, id: organisations.id, name: organisations.name })
    .from(networkAreas)
    .innerJoin(
      organisations,
      and(
        eq(organisations.regionId, networkAreas.regionId),
        eq(organisations.id, networkAreas.organisationId),
      ),
    )
    .where(eq(networkAreas.regionId, regionId))
    .orderBy(organisations.name);
  const gemeenteInhabitants = new Map(
    year === null
      ? []
      : (
          await ctx.tx
            .select({ code: areaInhabitants.code, inhabitants: areaInhabitants.inhabitants })
            .from(areaInhabitants)
            .where(
              and(
                eq(areaInhabitants.regionId, regionId),
                eq(areaInhabitants.year, year),
                sql`${areaInhabitants.code} like 'GM%'`,
              ),
            )
        ).map((r) => [r.code, r.inhabitants]),
  );
  const region = await getRegion(ctx);
  return {
    years,
    year,
    municipalities: region.municipalities.map((m) => ({
      code: m.cbsCode,
      name: m.name,
      inhabitants: gemeenteInhabitants.get(m.cbsCode) ?? m.inhabitants,
      wijken: wijken
        .filter((w) => w.municipalityCode === m.cbsCode)
        .map(({ municipalityCode: _, ...w }) => ({
          ...w,
          networks: covering.filter((c) => c.wijkCode === w.code).map(({ id, name }) => ({ id, name })),
        })),
    })),
  };
}

/** The buurten of one wijk with their inhabitants in `year` (default: the newest year). */
export async function listBuurten(ctx: Ctx, wijkCode: string, requestedYear?: number) {
  const [wijk] = await ctx.tx
    .select({ code: areas.code })
    .from(areas)
    .where(and(eq(areas.regionId, ctx.actor.regionId), eq(areas.code, wijkCode), eq(areas.kind, "wijk")));
  if (!wijk) throw notFound();
  const year = requestedYear ?? (await inhabitantYears(ctx))[0] ?? null;
  const items = await ctx.tx
    .select({ code: areas.code, name: areas.name, inhabitants: areaInhabitants.inhabitants })
    .from(areas)
    .leftJoin(areaInhabitants, inhabitantsIn(year))
    .where(and(eq(areas.regionId, ctx.actor.regionId), eq(areas.wijkCode, wijkCode)))
    .orderBy(asc(areas.code));
  return { year, items };
}

async function getNetwork(ctx: Ctx, id: string) {
  const [found] = await ctx.tx
    .select({ id: organisations.id, kind: organisations.kind, version: organisations.version })
    .from(organisations)
    .where(and(eq(organisations.regionId, ctx.actor.regionId), eq(organisations.id, id)));
  if (!found) throw notFound();
  return found;
}

/** The wijken a WSV covers and the inhabitants that makes, in the newest year known. */
export async function getCoverage(ctx: Ctx, organisationId: string) {
  const network = await getNetwork(ctx, organisationId);
  const year = (await inhabitantYears(ctx))[0] ?? null;
  const wijken = await ctx.tx
    .select({
      code: areas.code,
      name: areas.name,
      municipalityCode: areas.municipalityCode,
      inhabitants: areaInhabitants.inhabitants,
    })
    .from(networkAreas)
    .innerJoin(areas, and(eq(areas.regionId, networkAreas.regionId), eq(areas.code, networkAreas.wijkCode)))
    .leftJoin(areaInhabitants, inhabitantsIn(year))
    .where(
      and(eq(networkAreas.regionId, ctx.actor.regionId), eq(networkAreas.organisationId, organisationId)),
    )
    .orderBy(asc(areas.code));
  return {
    organisationId,
    version: network.version,
    year,
    wijken,
    inhabitants: wijken.reduce((sum, w) => sum + (w.inhabitants ?? 0), 0),
  };
}

/**
 * Replaces the wijken a WSV covers. Optimistic on the organisation's version, which the change
 * bumps, so two people editing one WSV do not overwrite each other unseen.
 */
export async function setCoverage(
  ctx: Ctx,
  organisationId: string,
  input: { version: number; wijkCodes: string[] },
) {
  const network = await getNetwork(ctx, organisationId);
  if (network.kind !== "neighbourhood_network") throw invalidField("body.wijkCodes", "field.notNetwork");
  const before = await getCoverage(ctx, organisationId);
  if (network.version !== input.version) throw conflict(before);
  const codes = [...new Set(input.wijkCodes)];
  if (codes.length) {
    const [known] = await ctx.tx
      .select({ n: count() })
      .from(areas)
      .where(and(eq(areas.regionId, ctx.actor.regionId), eq(areas.kind, "wijk"), inArray(areas.code, codes)));
    if ((known?.n ?? 0) !== codes.length) throw invalidField("body.wijkCodes", "field.wijkNotFound");
  }
  const [bumped] = await ctx.tx
    .update(organisations)
    .set({ version: input.version + 1, updatedAt: new Date() })
    .where(
      and(
        eq(organisations.regionId, ctx.actor.regionId),
        eq(organisations.id, organisationId),
        eq(organisations.version, input.version),
      ),
    )
    .returning({ id: organisations.id });
  if (!bumped) throw conflict(before);
  await ctx.tx
    .delete(networkAreas)
    .where(
      and(eq(networkAreas.regionId, ctx.actor.regionId), eq(networkAreas.organisationId, organisationId)),
    );
  if (codes.length)
    await ctx.tx
      .insert(networkAreas)
      .values(codes.map((wijkCode) => ({ regionId: ctx.actor.regionId, organisationId, wijkCode })));
  const after = await getCoverage(ctx, organisationId);
  await audit(ctx, {
    entityType: "organisation",
    entityId: organisationId,
    action: "update",
    before: { wijken: before.wijken.map((w) => w.code) },
    after: { wijken: after.wijken.map((w) => w.code) },
  });
  return after;
}

/**
 * The wijken a person looks after, as an SQL subquery of wijkcodes: those covered by the WSVs
 * (or other organisations) where the person works today. This is a wijkcoördinator's wijk.
 */
export function wijkenOfPersonSql(regionId: string, personId: SQL) {
  const day = dayInNetherlands(new Date());
  return sql`(select na.wijk_code from ${networkAreas} na join ${workRelations} w
    on w.region_id = na.region_id and w.organisation_id = na.organisation_id
    where na.region_id = ${regionId} and w.person_id = ${personId}
      and (w.from_date is null or w.from_date <= ${day}::date) and (w.to_date is null or w.to_date >= ${day}::date))`;
}
