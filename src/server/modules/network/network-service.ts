import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import { getCoverage } from "./areas-service.js";
import { memberCounts } from "./memberships-service.js";
import { getOrganisation } from "./organisations-service.js";
import { fullName, visibleSql } from "./persons-service.js";
import { organisations, persons, workRelations } from "./schema.js";

const LIVE = ["founding", "active"] as const;

/**
 * How the region is organised: every organisation that is active or being founded, with its
 * parent, in one query. The web app draws the tree (coöperatie → WSVs → practices, zorggroepen,
 * verenigingen, partners) from it.
 */
export async function networkTree(ctx: Ctx) {
  const items = await ctx.tx
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      status: organisations.status,
      parentId: organisations.parentId,
    })
    .from(organisations)
    .where(and(eq(organisations.regionId, ctx.actor.regionId), inArray(organisations.status, LIVE)))
    .orderBy(asc(organisations.name), asc(organisations.id));
  return { items };
}

/** People working now at these organisations, as far as the viewer may see them. */
async function staffAt(ctx: Ctx, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  const rows = await ctx.tx
    .select({
      organisationId: workRelations.organisationId,
      personId: persons.id,
      givenName: persons.givenName,
      namePrefix: persons.namePrefix,
      familyName: persons.familyName,
      disciplines: persons.disciplines,
      email: persons.email,
      phone: persons.phone,
      function: workRelations.function,
      fte: workRelations.fte,
    })
    .from(workRelations)
    .innerJoin(
      persons,
      and(eq(persons.regionId, workRelations.regionId), eq(persons.id, workRelations.personId)),
    )
    .where(
      and(
        eq(workRelations.regionId, ctx.actor.regionId),
        inArray(workRelations.organisationId, organisationIds),
        sql`(${workRelations.toDate} is null or ${workRelations.toDate} >= current_date)`,
        visibleSql(ctx),
      ),
    )
    .orderBy(persons.familyName, persons.givenName, persons.id);
  return rows.map((r) => ({ ...r, name: fullName(r), fte: r.fte === null ? null : Number(r.fte) }));
}

/** Who coordinates: a function that says so, in Dutch or English. */
const COORDINATOR = /co[öo]rdinator|voorzitter|chair/i;

/**
 * A WSV on one page: its practices with their head counts, the disciplines working in them (head
 * count and FTE), members today, the wijken and inhabitants it covers, its coordinator and
 * contacts. A fixed number of queries, whatever the size of the WSV.
 */
export async function networkProfile(ctx: Ctx, id: string) {
  const organisation = await getOrganisation(ctx, id);
  const practices = await ctx.tx
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(
      and(
        eq(organisations.regionId, ctx.actor.regionId),
        eq(organisations.parentId, id),
        inArray(organisations.status, LIVE),
      ),
    )
    .orderBy(asc(organisations.name));
  const staff = await staffAt(
    ctx,
    practices.map((p) => p.id),
  );
  const own = await staffAt(ctx, [id]);

  const disciplines = new Map<string, { people: Set<string>; fte: number }>();
  for (const s of staff)
    for (const d of s.disciplines.length ? s.disciplines : ["other"]) {
      const entry = disciplines.get(d) ?? { people: new Set<string>(), fte: 0 };
      entry.people.add(s.personId);
      entry.fte += s.fte ?? 0;
      disciplines.set(d, entry);
    }
  const today = new Date().toISOString().slice(0, 10);
  const contact = (s: (typeof own)[number]) => ({
    id: s.personId,
    name: s.name,
    function: s.function,
    email: s.email,
    phone: s.phone,
  });
  return {
    organisation,
    practices: practices.map((p) => ({
      ...p,
      people: new Set(staff.filter((s) => s.organisationId === p.id).map((s) => s.personId)).size,
    })),
    people: new Set(staff.map((s) => s.personId)).size,
    disciplines: [...disciplines]
      .map(([discipline, e]) => ({ discipline, people: e.people.size, fte: Math.round(e.fte * 100) / 100 }))
      .sort((a, b) => b.people - a.people || a.discipline.localeCompare(b.discipline)),
    members: await memberCounts(ctx, id, today),
    coverage: await getCoverage(ctx, id),
    coordinators: own.filter((s) => COORDINATOR.test(s.function ?? "")).map(contact),
    contacts: own.map(contact),
  };
}
