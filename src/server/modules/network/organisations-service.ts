import { and, count, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { normaliseAgb, normaliseKvk, normalisePostcode } from "../../../shared/identifiers.js";
import type { OrganisationKind, OrganisationStatus } from "../../../shared/network.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, invalidField, notFound } from "../../platform/errors.js";
import { EXPORT_LIMIT } from "../../platform/export.js";
import { escapeLike, keyset } from "../../platform/pagination.js";
import { type OrganisationRow, organisationColumns, organisations, workRelations } from "./schema.js";

type Row = OrganisationRow;

/** The fields a client sets; everything else is bookkeeping. */
export interface OrganisationInput {
  kind: OrganisationKind;
  name: string;
  status?: OrganisationStatus;
  statusDate?: string | null;
  parentId?: string | null;
  visitStreet?: string | null;
  visitHouseNumber?: string | null;
  visitPostcode?: string | null;
  visitCity?: string | null;
  postalStreet?: string | null;
  postalHouseNumber?: string | null;
  postalPostcode?: string | null;
  postalCity?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  agbCode?: string | null;
  kvkNumber?: string | null;
  municipalityCode?: string | null;
  wijkCode?: string | null;
}

export interface OrganisationFilter {
  q?: string;
  kind?: OrganisationKind;
  status?: OrganisationStatus;
  municipalityCode?: string;
  parentId?: string;
}

const parent = alias(organisations, "parent");

export function presentOrganisation(r: Row, parentName: string | null = null) {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    status: r.status,
    statusDate: r.statusDate,
    parentId: r.parentId,
    parentName,
    mergedIntoId: r.mergedIntoId,
    visitStreet: r.visitStreet,
    visitHouseNumber: r.visitHouseNumber,
    visitPostcode: r.visitPostcode,
    visitCity: r.visitCity,
    postalStreet: r.postalStreet,
    postalHouseNumber: r.postalHouseNumber,
    postalPostcode: r.postalPostcode,
    postalCity: r.postalCity,
    phone: r.phone,
    email: r.email,
    website: r.website,
    agbCode: r.agbCode,
    kvkNumber: r.kvkNumber,
    municipalityCode: r.municipalityCode,
    wijkCode: r.wijkCode,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
export type OrganisationDto = ReturnType<typeof presentOrganisation>;

/** Trigram word similarity from which a typed word counts as found ("Katwjk" ~ "Katwijk": 0.57). */
const TYPO_TOLERANCE = 0.5;

/**
 * Every word of `q` must occur in the name or town, literally or with a typo (pg_trgm word
 * similarity), so "fysioterapie Katwjk" finds Fysiotherapie Katwijk. A whole AGB code or KvK
 * number finds its organisation too.
 */
function searchSql(q: string): SQL | undefined {
  const haystack = sql`${organisations.name} || ' ' || coalesce(${organisations.visitCity}, '')`;
  const words = q.split(/\s+/).filter(Boolean).slice(0, 6);
  const everyWord = and(
    ...words.map((w) =>
      or(
        ilike(organisations.name, `%${escapeLike(w)}%`),
        ilike(organisations.visitCity, `%${escapeLike(w)}%`),
        sql`word_similarity(${w}, ${haystack}) >= ${TYPO_TOLERANCE}`,
      ),
    ),
  );
  return or(everyWord, eq(organisations.agbCode, q), eq(organisations.kvkNumber, q));
}

function filterSql(ctx: Ctx, f: OrganisationFilter): SQL | undefined {
  const q = f.q?.trim();
  return and(
    eq(organisations.regionId, ctx.actor.regionId),
    q ? searchSql(q) : undefined,
    f.kind ? eq(organisations.kind, f.kind) : undefined,
    f.status ? eq(organisations.status, f.status) : undefined,
    f.municipalityCode ? eq(organisations.municipalityCode, f.municipalityCode) : undefined,
    f.parentId ? eq(organisations.parentId, f.parentId) : undefined,
  );
}

/** One query: the organisations with their parent's name (a self-join, not one query per row). */
const selectWithParent = (ctx: Ctx) =>
  ctx.tx
    .select({ row: organisationColumns, parentName: parent.name })
    .from(organisations)
    .leftJoin(
      parent,
      and(eq(parent.regionId, organisations.regionId), eq(parent.id, organisations.parentId)),
    );

export async function listOrganisations(
  ctx: Ctx,
  q: OrganisationFilter & { sort?: string; cursor?: string; limit: number },
) {
  const page = keyset({
    sorts: {
      name: [organisations.name, organisations.id],
      createdAt: [organisations.createdAt, organisations.id],
    },
    sort: q.sort,
    defaultSort: "name",
    cursor: q.cursor,
    limit: q.limit,
  });
  const filter = filterSql(ctx, q);
  const rows = await selectWithParent(ctx)
    .where(and(filter, page.where))
    .orderBy(...page.orderBy)
    .limit(page.take);
  const [total] = await ctx.tx.select({ n: count() }).from(organisations).where(filter);
  const sortKey = (q.sort ?? "name").replace(/^-/, "") as "name" | "createdAt";
  const { items, nextCursor } = page.page(rows, (r) => [r.row[sortKey], r.row.id]);
  return {
    items: items.map((r) => presentOrganisation(r.row, r.parentName)),
    nextCursor,
    total: total?.n ?? 0,
  };
}

export async function exportOrganisations(ctx: Ctx, f: OrganisationFilter) {
  const rows = await selectWithParent(ctx)
    .where(filterSql(ctx, f))
    .orderBy(organisations.name, organisations.id)
    .limit(EXPORT_LIMIT);
  return rows.map((r) => presentOrganisation(r.row, r.parentName));
}

export async function getOrganisation(ctx: Ctx, id: string) {
  const [found] = await selectWithParent(ctx).where(
    and(eq(organisations.regionId, ctx.actor.regionId), eq(organisations.id, id)),
  );
  if (!found) throw notFound();
  return presentOrganisation(found.row, found.parentName);
}

/** Canonical forms of the identifiers; the routes have already refused invalid ones. */
function normalise<T extends Partial<OrganisationInput>>(input: T): T {
  const out: T = { ...input };
  if (input.name !== undefined) out.name = input.name.trim();
  for (const key of ["visitPostcode", "postalPostcode"] as const)
    if (input[key]) out[key] = normalisePostcode(input[key]) ?? input[key];
  if (input.agbCode) out.agbCode = normaliseAgb(input.agbCode) ?? input.agbCode;
  if (input.kvkNumber) out.kvkNumber = normaliseKvk(input.kvkNumber) ?? input.kvkNumber;
  return out;
}

/**
 * The parent must exist in the region and must not be the organisation itself or one of its own
 * descendants (a cycle would make the structure endless).
 */
async function checkParent(ctx: Ctx, id: string | null, parentId: string | null | undefined) {
  if (!parentId) return;
  const [found] = await ctx.tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.regionId, ctx.actor.regionId), eq(organisations.id, parentId)));
  if (!found) throw invalidField("body.parentId", "field.parentNotFound", 404);
  if (!id) return;
  const result = (await ctx.tx.execute(sql`
    with recursive ancestors(id, parent_id) as (
      select id, parent_id from ${organisations} where region_id = ${ctx.actor.regionId} and id = ${parentId}
      union
      select o.id, o.parent_id from ${organisations} o join ancestors a on o.id = a.parent_id
      where o.region_id = ${ctx.actor.regionId}
    )
    select exists (select 1 from ancestors where id = ${id}) as cycle`)) as unknown as {
    rows: { cycle: boolean }[];
  };
  if (result.rows[0]?.cycle) throw invalidField("body.parentId", "field.parentCycle");
}

export async function createOrganisation(ctx: Ctx, input: OrganisationInput) {
  const values = normalise(input);
  await checkParent(ctx, null, values.parentId);
  const [created] = await ctx.tx
    .insert(organisations)
    .values({ ...values, regionId: ctx.actor.regionId })
    .returning();
  await audit(ctx, {
    entityType: "organisation",
    entityId: created!.id,
    action: "create",
    after: presentOrganisation(created!),
  });
  return getOrganisation(ctx, created!.id);
}

export async function updateOrganisation(
  ctx: Ctx,
  id: string,
  patch: Partial<OrganisationInput> & { version: number },
) {
  const before = await getOrganisation(ctx, id);
  if (before.version !== patch.version) throw conflict(before);
  const { version, ...fields } = normalise(patch);
  if (fields.parentId !== undefined) await checkParent(ctx, id, fields.parentId);
  const [updated] = await ctx.tx
    .update(organisations)
    .set({ ...fields, updatedAt: new Date(), version: version + 1 })
    .where(
      and(
        eq(organisations.regionId, ctx.actor.regionId),
        eq(organisations.id, id),
        eq(organisations.version, version),
      ),
    )
    .returning();
  if (!updated) throw conflict(await getOrganisation(ctx, id));
  const after = await getOrganisation(ctx, id);
  await audit(ctx, { entityType: "organisation", entityId: id, action: "update", before, after });
  return after;
}

/** Removes an organisation that nothing hangs under; one with history is ended, not removed. */
export async function deleteOrganisation(ctx: Ctx, id: string) {
  const before = await getOrganisation(ctx, id);
  const [dependants] = await ctx.tx
    .select({ n: count() })
    .from(organisations)
    .where(
      and(
        eq(organisations.regionId, ctx.actor.regionId),
        or(eq(organisations.parentId, id), eq(organisations.mergedIntoId, id)),
      ),
    );
  const [staff] = await ctx.tx
    .select({ n: count() })
    .from(workRelations)
    .where(and(eq(workRelations.regionId, ctx.actor.regionId), eq(workRelations.organisationId, id)));
  if ((dependants?.n ?? 0) + (staff?.n ?? 0) > 0) throw invalidField("id", "field.hasChildren");
  await ctx.tx
    .delete(organisations)
    .where(and(eq(organisations.regionId, ctx.actor.regionId), eq(organisations.id, id)));
  await audit(ctx, { entityType: "organisation", entityId: id, action: "delete", before });
}
