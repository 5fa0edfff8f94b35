import { and, arrayContains, count, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { normaliseAgb, normaliseBig } from "../../../shared/identifiers.js";
import type { Discipline, PersonVisibility } from "../../../shared/network.js";
import type { Role } from "../../../shared/roles.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, invalidField, notFound } from "../../platform/errors.js";
import { EXPORT_LIMIT } from "../../platform/export.js";
import { users } from "../../platform/identity-schema.js";
import { escapeLike, keyset } from "../../platform/pagination.js";
import { organisations, persons, workRelations } from "./schema.js";

type Row = typeof persons.$inferSelect;

export interface PersonInput {
  givenName: string;
  namePrefix?: string | null;
  familyName: string;
  disciplines?: Discipline[];
  bigNumber?: string | null;
  agbCode?: string | null;
  email?: string | null;
  phone?: string | null;
  visibility?: PersonVisibility;
}

/** Which entries a role sees: the bureau and board everything, members and partners what is shared. */
const VISIBLE_TO: Partial<Record<Role, PersonVisibility[]>> = {
  lid: ["members", "partners"],
  partner: ["partners"],
};
export const visibleSql = (ctx: Ctx) => {
  const allowed = VISIBLE_TO[ctx.actor.role];
  return allowed ? inArray(persons.visibility, allowed) : undefined;
};

export const fullName = (p: Pick<Row, "givenName" | "namePrefix" | "familyName">) =>
  [p.givenName, p.namePrefix, p.familyName].filter(Boolean).join(" ");

export function presentPerson(p: Row) {
  return {
    id: p.id,
    givenName: p.givenName,
    namePrefix: p.namePrefix,
    familyName: p.familyName,
    name: fullName(p),
    disciplines: p.disciplines,
    bigNumber: p.bigNumber,
    agbCode: p.agbCode,
    email: p.email,
    phone: p.phone,
    visibility: p.visibility,
    erasedAt: p.erasedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}
export type PersonDto = ReturnType<typeof presentPerson>;

export interface PersonFilter {
  q?: string;
  discipline?: Discipline;
  organisationId?: string;
}

function filterSql(ctx: Ctx, f: PersonFilter): SQL | undefined {
  const q = f.q?.trim();
  const like = q ? `%${escapeLike(q)}%` : "";
  return and(
    eq(persons.regionId, ctx.actor.regionId),
    visibleSql(ctx),
    q
      ? or(
          ilike(
            sql`${persons.givenName} || ' ' || coalesce(${persons.namePrefix} || ' ', '') || ${persons.familyName}`,
            like,
          ),
          ilike(persons.email, like),
          eq(persons.bigNumber, q),
          eq(persons.agbCode, q),
        )
      : undefined,
    f.discipline ? arrayContains(persons.disciplines, [f.discipline]) : undefined,
    f.organisationId
      ? sql`exists (select 1 from ${workRelations} w where w.region_id = ${persons.regionId}
              and w.person_id = ${persons.id} and w.organisation_id = ${f.organisationId})`
      : undefined,
  );
}

export async function listPersons(
  ctx: Ctx,
  q: PersonFilter & { sort?: string; cursor?: string; limit: number },
) {
  const page = keyset({
    sorts: { familyName: [persons.familyName, persons.givenName, persons.id] },
    sort: q.sort,
    defaultSort: "familyName",
    cursor: q.cursor,
    limit: q.limit,
  });
  const filter = filterSql(ctx, q);
  const rows = await ctx.tx
    .select()
    .from(persons)
    .where(and(filter, page.where))
    .orderBy(...page.orderBy)
    .limit(page.take);
  const [total] = await ctx.tx.select({ n: count() }).from(persons).where(filter);
  const { items, nextCursor } = page.page(rows, (r) => [r.familyName, r.givenName, r.id]);
  return { items: items.map(presentPerson), nextCursor, total: total?.n ?? 0 };
}

export async function exportPersons(ctx: Ctx, f: PersonFilter) {
  const rows = await ctx.tx
    .select()
    .from(persons)
    .where(filterSql(ctx, f))
    .orderBy(persons.familyName, persons.givenName, persons.id)
    .limit(EXPORT_LIMIT);
  return rows.map(presentPerson);
}

/** A person this actor may see; hidden ones answer 404 like those of another region. */
export async function getPerson(ctx: Ctx, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(persons)
    .where(and(eq(persons.regionId, ctx.actor.regionId), eq(persons.id, id), visibleSql(ctx)));
  if (!row) throw notFound();
  return presentPerson(row);
}

function normalise<T extends Partial<PersonInput>>(input: T): T {
  const out: T = { ...input };
  if (input.givenName !== undefined) out.givenName = input.givenName.trim();
  if (input.familyName !== undefined) out.familyName = input.familyName.trim();
  if (input.bigNumber) out.bigNumber = normaliseBig(input.bigNumber) ?? input.bigNumber;
  if (input.agbCode) out.agbCode = normaliseAgb(input.agbCode) ?? input.agbCode;
  if (input.disciplines) out.disciplines = [...new Set(input.disciplines)];
  return out;
}

export async function createPerson(ctx: Ctx, input: PersonInput) {
  const [created] = await ctx.tx
    .insert(persons)
    .values({ ...normalise(input), regionId: ctx.actor.regionId })
    .returning();
  const after = presentPerson(created!);
  await audit(ctx, { entityType: "person", entityId: after.id, action: "create", after });
  return after;
}

export async function updatePerson(ctx: Ctx, id: string, patch: Partial<PersonInput> & { version: number }) {
  const before = await getPerson(ctx, id);
  if (before.version !== patch.version) throw conflict(before);
  const { version, ...fields } = normalise(patch);
  const [updated] = await ctx.tx
    .update(persons)
    .set({ ...fields, updatedAt: new Date(), version: version + 1 })
    .where(and(eq(persons.regionId, ctx.actor.regionId), eq(persons.id, id), eq(persons.version, version)))
    .returning();
  if (!updated) throw conflict(await getPerson(ctx, id));
  const after = presentPerson(updated);
  await audit(ctx, { entityType: "person", entityId: id, action: "update", before, after });
  return after;
}

// ── work relations ──────────────────────────────────────────────────────────────────────────

export interface WorkRelationInput {
  organisationId: string;
  function?: string | null;
  fte?: number | null;
  fromDate?: string | null;
  toDate?: string | null;
}

const presentWorkRelation = (w: typeof workRelations.$inferSelect, organisationName: string) => ({
  id: w.id,
  personId: w.personId,
  organisationId: w.organisationId,
  organisationName,
  function: w.function,
  fte: w.fte === null ? null : Number(w.fte),
  fromDate: w.fromDate,
  toDate: w.toDate,
  version: w.version,
});

/** Where a person works, current and past, newest first; one query with the organisations' names. */
export async function listWorkRelations(ctx: Ctx, personId: string) {
  await getPerson(ctx, personId);
  const rows = await ctx.tx
    .select({ w: workRelations, organisationName: organisations.name })
    .from(workRelations)
    .innerJoin(
      organisations,
      and(
        eq(organisations.regionId, workRelations.regionId),
        eq(organisations.id, workRelations.organisationId),
      ),
    )
    .where(and(eq(workRelations.regionId, ctx.actor.regionId), eq(workRelations.personId, personId)))
    .orderBy(sql`${workRelations.toDate} desc nulls first`, sql`${workRelations.fromDate} desc nulls last`);
  return rows.map((r) => presentWorkRelation(r.w, r.organisationName));
}

function checkPeriod(input: { fromDate?: string | null; toDate?: string | null }) {
  if (input.fromDate && input.toDate && input.toDate < input.fromDate)
    throw invalidField("body.toDate", "field.periodOrder");
}

async function organisationName(ctx: Ctx, id: string) {
  const [found] = await ctx.tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.regionId, ctx.actor.regionId), eq(organisations.id, id)));
  if (!found) throw invalidField("body.organisationId", "field.organisationNotFound", 404);
  return found.name;
}

export async function addWorkRelation(ctx: Ctx, personId: string, input: WorkRelationInput) {
  await getPerson(ctx, personId);
  checkPeriod(input);
  const name = await organisationName(ctx, input.organisationId);
  const [created] = await ctx.tx
    .insert(workRelations)
    .values({
      ...input,
      fte: input.fte === undefined || input.fte === null ? null : input.fte.toFixed(2),
      regionId: ctx.actor.regionId,
      personId,
    })
    .returning();
  const after = presentWorkRelation(created!, name);
  await audit(ctx, { entityType: "work_relation", entityId: after.id, action: "create", after });
  return after;
}

export async function updateWorkRelation(
  ctx: Ctx,
  id: string,
  patch: Partial<Omit<WorkRelationInput, "organisationId">> & { version: number },
) {
  const [found] = await ctx.tx
    .select({ w: workRelations, organisationName: organisations.name })
    .from(workRelations)
    .innerJoin(
      organisations,
      and(
        eq(organisations.regionId, workRelations.regionId),
        eq(organisations.id, workRelations.organisationId),
      ),
    )
    .where(and(eq(workRelations.regionId, ctx.actor.regionId), eq(workRelations.id, id)));
  if (!found) throw notFound();
  await getPerson(ctx, found.w.personId);
  const before = presentWorkRelation(found.w, found.organisationName);
  if (before.version !== patch.version) throw conflict(before);
  const { version, fte, ...fields } = patch;
  checkPeriod({ fromDate: before.fromDate, toDate: before.toDate, ...fields });
  const [updated] = await ctx.tx
    .update(workRelations)
    .set({
      ...fields,
      ...(fte === undefined ? {} : { fte: fte === null ? null : fte.toFixed(2) }),
      updatedAt: new Date(),
      version: version + 1,
    })
    .where(
      and(
        eq(workRelations.regionId, ctx.actor.regionId),
        eq(workRelations.id, id),
        eq(workRelations.version, version),
      ),
    )
    .returning();
  if (!updated) throw conflict(before);
  const after = presentWorkRelation(updated, found.organisationName);
  await audit(ctx, { entityType: "work_relation", entityId: id, action: "update", before, after });
  return after;
}

export async function deleteWorkRelation(ctx: Ctx, id: string) {
  const [found] = await ctx.tx
    .select()
    .from(workRelations)
    .where(and(eq(workRelations.regionId, ctx.actor.regionId), eq(workRelations.id, id)));
  if (!found) throw notFound();
  await getPerson(ctx, found.personId);
  await ctx.tx
    .delete(workRelations)
    .where(and(eq(workRelations.regionId, ctx.actor.regionId), eq(workRelations.id, id)));
  await audit(ctx, { entityType: "work_relation", entityId: id, action: "delete", before: found });
}

/**
 * Names of people and organisations by id, for other modules (a seat's holder, whom it
 * represents): two queries however many ids. Holding a seat is a public role in the region, so
 * names are given regardless of a person's directory visibility.
 */
export async function namesOf(ctx: Ctx, ids: { persons: string[]; organisations: string[] }) {
  const names = new Map<string, string>();
  if (ids.persons.length) {
    const rows = await ctx.tx
      .select({
        id: persons.id,
        givenName: persons.givenName,
        namePrefix: persons.namePrefix,
        familyName: persons.familyName,
      })
      .from(persons)
      .where(and(eq(persons.regionId, ctx.actor.regionId), inArray(persons.id, ids.persons)));
    for (const p of rows) names.set(p.id, fullName(p));
  }
  if (ids.organisations.length) {
    const rows = await ctx.tx
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(
        and(eq(organisations.regionId, ctx.actor.regionId), inArray(organisations.id, ids.organisations)),
      );
    for (const o of rows) names.set(o.id, o.name);
  }
  return names;
}

/**
 * The person in the directory that the acting user is, as an SQL subquery (null without one):
 * the person with the user's e-mail address. Seats, meetings and actions belong to people,
 * accounts to users; the address links the two (decision 0005).
 */
export function personOfUserSql(ctx: Pick<Ctx, "actor">, userId = ctx.actor.userId) {
  if (!userId) return sql`null::uuid`;
  // The stored lowercase address against the user's, as a plain comparison: under row-level
  // security a qual calling lower() (not leakproof) cannot use an index, so every lookup scanned
  // all of the region's people.
  return sql`(select p.id from ${persons} p where p.region_id = ${ctx.actor.regionId}
    and p.email_key = (select lower(u.email) from ${users} u where u.region_id = ${ctx.actor.regionId} and u.id = ${userId})
    order by p.created_at limit 1)`;
}

/**
 * Refuses a person that is not in the caller's region: 404 at the field that named it (e.g. a
 * seat holder, a presenter or an action's owner from another region).
 */
export async function requirePerson(ctx: Ctx, personId: string, field: string) {
  const [row] = await ctx.tx
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.regionId, ctx.actor.regionId), eq(persons.id, personId)));
  if (!row) throw invalidField(field, "field.personNotFound", 404);
}

/** The acting user's person id, or null (see `personOfUserSql`). */
export async function personOfUser(ctx: Pick<Ctx, "tx" | "actor">, userId = ctx.actor.userId) {
  if (!userId) return null;
  const result = (await ctx.tx.execute(sql`select ${personOfUserSql(ctx, userId)} as id`)) as unknown as {
    rows: { id: string | null }[];
  };
  return result.rows[0]?.id ?? null;
}

/** E-mail address and given name of people by id (those with an address), for mail from other modules. */
export async function mailContactsOf(ctx: Pick<Ctx, "tx" | "actor">, ids: string[]) {
  if (!ids.length) return new Map<string, { email: string; givenName: string }>();
  const rows = await ctx.tx
    .select({ id: persons.id, email: persons.email, givenName: persons.givenName })
    .from(persons)
    .where(
      and(
        eq(persons.regionId, ctx.actor.regionId),
        inArray(persons.id, ids),
        sql`${persons.email} is not null`,
      ),
    );
  return new Map(rows.map((r) => [r.id, { email: r.email!, givenName: r.givenName }]));
}

/** An organisation's name as SQL, for lists that show an owner or a link in the same statement. */
export const organisationNameSql = (regionId: SQL | string, organisationId: SQL | unknown) =>
  sql<
    string | null
  >`(select o.name from ${organisations} o where o.region_id = ${regionId} and o.id = ${organisationId})`;

/** A person's full name as SQL, for lists that show an owner or holder in the same statement. */
export const personNameSql = (regionId: SQL | string, personId: SQL | unknown) =>
  sql<string>`(select concat_ws(' ', p.given_name, nullif(p.name_prefix, ''), p.family_name) from ${persons} p
    where p.region_id = ${regionId} and p.id = ${personId})`;
