import { and, asc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Discipline, OrganisationKind } from "../../../shared/network.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict } from "../../platform/errors.js";
import { decodeCursor, encodeCursor, escapeLike } from "../../platform/pagination.js";
import { areas } from "./areas-schema.js";
import { visibleSql } from "./persons-service.js";
import { organisations, persons, socialMapSettings, workRelations } from "./schema.js";

/**
 * Who looks: someone logged in (members and partners see the people shared with them, the bureau
 * everyone), or the public version without login (organisations and head counts, no names).
 */
export type Audience = "signed-in" | "public";

export interface SocialMapFilter {
  q?: string;
  discipline?: Discipline;
  kind?: OrganisationKind;
  municipalityCode?: string;
  wijkCode?: string;
  networkId?: string;
}

/** Sorted by relevance (best match first; by name without a search) or grouped by wijk. */
export type SocialMapSort = "relevance" | "wijk";

/** From this trigram word similarity a typed word counts as found ("Katwjk" ~ "Katwijk": 0.57). */
const TYPO_TOLERANCE = 0.5;

const network = alias(organisations, "network");
const haystack = sql`${organisations.name} || ' ' || coalesce(${organisations.visitCity}, '')`;

/**
 * The Dutch query of the typed words, as a subquery: PostgreSQL then computes it once per
 * statement instead of once per organisation when the statement runs with its generic plan. With
 * that cost gone, PostgreSQL keeps the generic plan of a repeated search (planned once per
 * connection) instead of planning it again for every term, which took longer than running it.
 */
const tsquerySql = (words: string) => sql`(select plainto_tsquery('dutch', ${words}))`;

/**
 * Every word must be found: as a Dutch word of the document (stemmed: "apotheken" finds
 * Apotheek, "huisarts" finds every huisartsenpraktijk), as part of the name or town, or with a
 * typo ("fysioterapie Katwjk" finds Fysiotherapie Katwijk).
 */
function searchSql(q: string) {
  const words = q.split(/\s+/).filter(Boolean).slice(0, 6);
  return and(
    ...words.map((w) =>
      or(
        sql`${organisations.searchVector} @@ ${tsquerySql(w)}`,
        ilike(organisations.name, `%${escapeLike(w)}%`),
        ilike(organisations.visitCity, `%${escapeLike(w)}%`),
        sql`word_similarity(${w}, ${haystack}) >= ${TYPO_TOLERANCE}`,
      ),
    ),
  );
}

/** Relevance: full-text rank plus closeness of the typed words, rounded so a cursor can hold it. */
const rankSql = (q: string | undefined) =>
  q
    ? sql<number>`round((ts_rank(${organisations.searchVector}, ${tsquerySql(q)})
        + word_similarity(${q}, ${haystack}))::numeric, 6)::float8`
    : sql<number>`0::float8`;

function peopleVisibleSql(ctx: Ctx, audience: Audience) {
  return audience === "public" ? eq(persons.visibility, "partners") : visibleSql(ctx);
}

/**
 * `from … where …` of the people working now at the outer row's organisation whom the audience
 * may see (a work relation without an end, or ending today or later), for the discipline filter
 * and for the page's people.
 */
function staffHereSql(ctx: Ctx, audience: Audience) {
  return sql`from ${workRelations} join ${persons}
      on ${persons.regionId} = ${workRelations.regionId} and ${persons.id} = ${workRelations.personId}
    where ${workRelations.regionId} = ${organisations.regionId}
      and ${workRelations.organisationId} = ${organisations.id}
      and (${workRelations.toDate} is null or ${workRelations.toDate} >= current_date)
      and ${peopleVisibleSql(ctx, audience) ?? sql`true`}`;
}

function filterSql(ctx: Ctx, f: SocialMapFilter, audience: Audience): SQL | undefined {
  const q = f.q?.trim();
  return and(
    eq(organisations.regionId, ctx.actor.regionId),
    inArray(organisations.status, ["founding", "active"]),
    q ? searchSql(q) : undefined,
    f.kind ? eq(organisations.kind, f.kind) : undefined,
    f.municipalityCode ? eq(organisations.municipalityCode, f.municipalityCode) : undefined,
    f.wijkCode ? eq(organisations.wijkCode, f.wijkCode) : undefined,
    f.networkId ? or(eq(organisations.parentId, f.networkId), eq(organisations.id, f.networkId)) : undefined,
    f.discipline
      ? sql`exists (select 1 ${staffHereSql(ctx, audience)} and ${f.discipline} = any(${persons.disciplines}))`
      : undefined,
  );
}

/**
 * One page of the sociale kaart: organisations with address, wijk, WSV, head counts per
 * discipline and (logged in) the people shared with the viewer. One statement per page.
 */
export async function searchSocialMap(
  ctx: Ctx,
  audience: Audience,
  f: SocialMapFilter & { sort: SocialMapSort; cursor?: string; limit: number },
) {
  const q = f.q?.trim() || undefined;
  const rank = rankSql(q);
  const wijkName = sql<string>`coalesce(${areas.name}, '')`;
  // Keyset over expressions: (wijk name,) minus the rank, name, id: all ascending, so one row
  // comparison continues exactly after the cursor's row.
  const keys: SQL[] =
    f.sort === "wijk"
      ? [wijkName, sql`${organisations.name}`, sql`${organisations.id}`]
      : [sql`(-${rank})`, sql`${organisations.name}`, sql`${organisations.id}`];
  const types = f.sort === "wijk" ? ["text", "text", "uuid"] : ["float8", "text", "uuid"];
  let after: SQL | undefined;
  if (f.cursor) {
    const values = decodeCursor(f.cursor, f.sort, keys.length);
    after = sql`(${sql.join(keys, sql`, `)}) > (${sql.join(
      values.map((v, i) => sql`${v}::${sql.raw(types[i]!)}`),
      sql`, `,
    )})`;
  }
  const filter = filterSql(ctx, f, audience);
  // The first page counts the matches in the same statement (a window over the filtered rows);
  // a later page does not count again: the client keeps the first page's total.
  const rows = await ctx.tx
    .select({
      // Only what a card shows: a full row would ship and map twice as many columns.
      o: {
        id: organisations.id,
        name: organisations.name,
        kind: organisations.kind,
        visitStreet: organisations.visitStreet,
        visitHouseNumber: organisations.visitHouseNumber,
        visitPostcode: organisations.visitPostcode,
        visitCity: organisations.visitCity,
        phone: organisations.phone,
        email: organisations.email,
        website: organisations.website,
        municipalityCode: organisations.municipalityCode,
        wijkCode: organisations.wijkCode,
        parentId: organisations.parentId,
      },
      networkName: network.name,
      wijkName: areas.name,
      rank,
      total: f.cursor ? sql<number>`0` : sql<number>`(count(*) over ())::int`,
      staff: staffSql(ctx, audience),
    })
    .from(organisations)
    .leftJoin(
      network,
      and(
        eq(network.regionId, organisations.regionId),
        eq(network.id, organisations.parentId),
        eq(network.kind, "neighbourhood_network"),
      ),
    )
    .leftJoin(areas, and(eq(areas.regionId, organisations.regionId), eq(areas.code, organisations.wijkCode)))
    .where(and(filter, after))
    .orderBy(...keys)
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > f.limit && last
      ? encodeCursor(
          f.sort,
          f.sort === "wijk"
            ? [last.wijkName ?? "", last.o.name, last.o.id]
            : [-last.rank, last.o.name, last.o.id],
        )
      : null;

  return {
    items: page.map(({ o, networkName, wijkName, staff }) => {
      const here = staff ?? [];
      const disciplines = new Map<string, number>();
      for (const s of here) for (const d of s.disciplines) disciplines.set(d, (disciplines.get(d) ?? 0) + 1);
      return {
        id: o.id,
        name: o.name,
        kind: o.kind,
        street: [o.visitStreet, o.visitHouseNumber].filter(Boolean).join(" ") || null,
        postcode: o.visitPostcode,
        city: o.visitCity,
        phone: o.phone,
        email: o.email,
        website: o.website,
        municipalityCode: o.municipalityCode,
        wijkCode: o.wijkCode,
        wijkName,
        network: o.parentId && networkName ? { id: o.parentId, name: networkName } : null,
        disciplines: [...disciplines].map(([discipline, n]) => ({ discipline, count: n })),
        people: audience === "public" ? [] : here,
      };
    }),
    nextCursor,
    ...(f.cursor ? {} : { total: rows[0]?.total ?? 0 }),
  };
}

interface StaffMember {
  id: string;
  name: string;
  disciplines: Discipline[];
  function: string | null;
}

/**
 * The people working now at the row's organisation whom the audience may see, as JSON (sorted by
 * family name). A subquery of the page's own statement: PostgreSQL evaluates it after the sort and
 * limit, for the page's rows only, and the page needs no second round trip.
 */
function staffSql(ctx: Ctx, audience: Audience) {
  return sql<StaffMember[] | null>`(select json_agg(json_build_object(
      'id', ${persons.id},
      'name', concat_ws(' ', ${persons.givenName}, nullif(${persons.namePrefix}, ''), ${persons.familyName}),
      'disciplines', ${persons.disciplines},
      'function', ${workRelations.function})
    order by ${persons.familyName}, ${persons.givenName}, ${persons.id})
    ${staffHereSql(ctx, audience)})`;
}

/** Whether the region publishes its sociale kaart; a region that never chose has it off. */
export async function getSocialMapSettings(ctx: Ctx) {
  const [row] = await ctx.tx
    .select()
    .from(socialMapSettings)
    .where(eq(socialMapSettings.regionId, ctx.actor.regionId));
  return { public: row?.public ?? false, version: row?.version ?? 0 };
}

/** Publishes or withdraws the public sociale kaart; optimistic on `version` (0: never set). */
export async function setSocialMapSettings(ctx: Ctx, input: { public: boolean; version: number }) {
  const before = await getSocialMapSettings(ctx);
  if (before.version !== input.version) throw conflict(before);
  const next = { public: input.public, updatedAt: new Date(), version: input.version + 1 };
  const written =
    input.version === 0
      ? await ctx.tx
          .insert(socialMapSettings)
          .values({ regionId: ctx.actor.regionId, ...next })
          .onConflictDoNothing()
          .returning()
      : await ctx.tx
          .update(socialMapSettings)
          .set(next)
          .where(
            and(
              eq(socialMapSettings.regionId, ctx.actor.regionId),
              eq(socialMapSettings.version, input.version),
            ),
          )
          .returning();
  if (written.length === 0) throw conflict(await getSocialMapSettings(ctx));
  const after = await getSocialMapSettings(ctx);
  await audit(ctx, {
    entityType: "socialMap",
    entityId: ctx.actor.regionId,
    action: "update",
    before: { public: before.public },
    after: { public: after.public },
  });
  return after;
}

/** What the filters offer: the region's name, its gemeenten, wijken and WSVs. */
export async function socialMapOptions(
  ctx: Ctx,
  regionName: string,
  municipalities: { code: string; name: string }[],
) {
  const wijken = await ctx.tx
    .select({ code: areas.code, name: areas.name, municipalityCode: areas.municipalityCode })
    .from(areas)
    .where(and(eq(areas.regionId, ctx.actor.regionId), eq(areas.kind, "wijk")))
    .orderBy(asc(areas.name));
  const networks = await ctx.tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.regionId, ctx.actor.regionId),
        eq(organisations.kind, "neighbourhood_network"),
        inArray(organisations.status, ["founding", "active"]),
      ),
    )
    .orderBy(asc(organisations.name));
  return { regionName, municipalities, wijken, networks };
}
