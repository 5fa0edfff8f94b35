import { and, eq, gte, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { isMembershipBody, type MembershipType } from "../../../shared/network.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, invalidField, notFound } from "../../platform/errors.js";
import { fullName, visibleSql } from "./persons-service.js";
import { memberships, organisations, persons } from "./schema.js";

export interface MembershipInput {
  organisationId: string;
  memberPersonId?: string | null;
  memberOrganisationId?: string | null;
  type?: MembershipType;
  startDate: string;
  endDate?: string | null;
  contributionCategory?: string | null;
}

const body = alias(organisations, "body");
const memberOrganisation = alias(organisations, "member_organisation");

/** Memberships with the names of body and member in one query; hidden people stay hidden. */
function select(ctx: Ctx, where: SQL | undefined) {
  const personVisible = visibleSql(ctx);
  return ctx.tx
    .select({
      m: memberships,
      bodyName: body.name,
      person: persons,
      memberOrganisationName: memberOrganisation.name,
    })
    .from(memberships)
    .innerJoin(body, and(eq(body.regionId, memberships.regionId), eq(body.id, memberships.organisationId)))
    .leftJoin(
      persons,
      and(eq(persons.regionId, memberships.regionId), eq(persons.id, memberships.memberPersonId)),
    )
    .leftJoin(
      memberOrganisation,
      and(
        eq(memberOrganisation.regionId, memberships.regionId),
        eq(memberOrganisation.id, memberships.memberOrganisationId),
      ),
    )
    .where(
      and(
        eq(memberships.regionId, ctx.actor.regionId),
        personVisible ? or(isNull(memberships.memberPersonId), personVisible) : undefined,
        where,
      ),
    )
    .orderBy(memberships.startDate, memberships.id);
}

type Selected = Awaited<ReturnType<typeof select>>[number];
const present = (r: Selected) => ({
  id: r.m.id,
  organisationId: r.m.organisationId,
  organisationName: r.bodyName,
  memberPersonId: r.m.memberPersonId,
  memberOrganisationId: r.m.memberOrganisationId,
  memberName: r.person ? fullName(r.person) : (r.memberOrganisationName ?? ""),
  type: r.m.type,
  startDate: r.m.startDate,
  endDate: r.m.endDate,
  contributionCategory: r.m.contributionCategory,
  version: r.m.version,
});
export type MembershipDto = ReturnType<typeof present>;

const activeOn = (date: string) =>
  and(lte(memberships.startDate, date), or(isNull(memberships.endDate), gte(memberships.endDate, date)));

export async function listMemberships(
  ctx: Ctx,
  f: { organisationId?: string; memberPersonId?: string; memberOrganisationId?: string; activeOn?: string },
) {
  const rows = await select(
    ctx,
    and(
      f.organisationId ? eq(memberships.organisationId, f.organisationId) : undefined,
      f.memberPersonId ? eq(memberships.memberPersonId, f.memberPersonId) : undefined,
      f.memberOrganisationId ? eq(memberships.memberOrganisationId, f.memberOrganisationId) : undefined,
      f.activeOn ? activeOn(f.activeOn) : undefined,
    ),
  );
  return rows.map(present);
}

async function getMembership(ctx: Ctx, id: string) {
  const [row] = await select(ctx, eq(memberships.id, id));
  if (!row) throw notFound();
  return present(row);
}

async function checkMembership(ctx: Ctx, input: MembershipInput) {
  if (Boolean(input.memberPersonId) === Boolean(input.memberOrganisationId))
    throw invalidField("body.memberPersonId", "field.oneMember");
  if (input.endDate && input.endDate < input.startDate)
    throw invalidField("body.endDate", "field.periodOrder");
  const [bodyRow] = await ctx.tx
    .select({ kind: organisations.kind })
    .from(organisations)
    .where(and(eq(organisations.regionId, ctx.actor.regionId), eq(organisations.id, input.organisationId)));
  if (!bodyRow) throw invalidField("body.organisationId", "field.organisationNotFound", 404);
  if (!isMembershipBody(bodyRow.kind)) throw invalidField("body.organisationId", "field.membershipBody");
  if (input.memberPersonId) {
    const [found] = await ctx.tx
      .select({ id: persons.id })
      .from(persons)
      .where(and(eq(persons.regionId, ctx.actor.regionId), eq(persons.id, input.memberPersonId)));
    if (!found) throw invalidField("body.memberPersonId", "field.personNotFound", 404);
  }
  if (input.memberOrganisationId) {
    const [found] = await ctx.tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        and(eq(organisations.regionId, ctx.actor.regionId), eq(organisations.id, input.memberOrganisationId)),
      );
    if (!found) throw invalidField("body.memberOrganisationId", "field.organisationNotFound", 404);
    if (input.memberOrganisationId === input.organisationId)
      throw invalidField("body.memberOrganisationId", "field.memberOfItself");
  }
}

export async function addMembership(ctx: Ctx, input: MembershipInput) {
  await checkMembership(ctx, input);
  const [created] = await ctx.tx
    .insert(memberships)
    .values({ ...input, regionId: ctx.actor.regionId })
    .returning({ id: memberships.id });
  const after = await getMembership(ctx, created!.id);
  await audit(ctx, { entityType: "membership", entityId: after.id, action: "create", after });
  return after;
}

/** Change type, category or period; ending a membership is setting its end date. */
export async function updateMembership(
  ctx: Ctx,
  id: string,
  patch: {
    version: number;
    type?: MembershipType;
    startDate?: string;
    endDate?: string | null;
    contributionCategory?: string | null;
  },
) {
  const before = await getMembership(ctx, id);
  if (before.version !== patch.version) throw conflict(before);
  const { version, ...fields } = patch;
  const startDate = fields.startDate ?? before.startDate;
  const endDate = fields.endDate === undefined ? before.endDate : fields.endDate;
  if (endDate && endDate < startDate) throw invalidField("body.endDate", "field.periodOrder");
  const [updated] = await ctx.tx
    .update(memberships)
    .set({ ...fields, updatedAt: new Date(), version: version + 1 })
    .where(
      and(
        eq(memberships.regionId, ctx.actor.regionId),
        eq(memberships.id, id),
        eq(memberships.version, version),
      ),
    )
    .returning({ id: memberships.id });
  if (!updated) throw conflict(before);
  const after = await getMembership(ctx, id);
  await audit(ctx, { entityType: "membership", entityId: id, action: "update", before, after });
  return after;
}

/**
 * How many people were members of an organisation on a date, per discipline ("how many huisartsen
 * did WSV Oegstgeest have on 1 January?"). Someone with two disciplines counts in both.
 */
export async function memberCounts(ctx: Ctx, organisationId: string, date: string) {
  const [exists] = await ctx.tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.regionId, ctx.actor.regionId), eq(organisations.id, organisationId)));
  if (!exists) throw notFound();
  const result = (await ctx.tx.execute(sql`
    select d.discipline, count(distinct p.id)::int as count
    from ${memberships} m
    join ${persons} p on p.region_id = m.region_id and p.id = m.member_person_id
    cross join lateral unnest(case when cardinality(p.disciplines) = 0 then array['other'] else p.disciplines end) as d(discipline)
    where m.region_id = ${ctx.actor.regionId} and m.organisation_id = ${organisationId}
      and m.start_date <= ${date} and (m.end_date is null or m.end_date >= ${date})
    group by d.discipline order by count desc, d.discipline`)) as unknown as {
    rows: { discipline: string; count: number }[];
  };
  const [total] = (
    (await ctx.tx.execute(sql`
      select count(*)::int as n from ${memberships} m
      where m.region_id = ${ctx.actor.regionId} and m.organisation_id = ${organisationId}
        and m.start_date <= ${date} and (m.end_date is null or m.end_date >= ${date})`)) as unknown as {
      rows: { n: number }[];
    }
  ).rows;
  return { date, total: total?.n ?? 0, byDiscipline: result.rows };
}

/**
 * Members on a date of every coöperatie, vereniging, zorggroep and WSV in the region, per
 * discipline: the region-wide table ("how many huisartsen per WSV on 1 January?"). One query.
 */
export async function memberCountsTable(ctx: Ctx, date: string, kind?: string) {
  const result = (await ctx.tx.execute(sql`
    select o.id, o.name, o.kind, d.discipline, count(distinct m.id)::int as count
    from ${memberships} m
    join ${organisations} o on o.region_id = m.region_id and o.id = m.organisation_id
    left join ${persons} p on p.region_id = m.region_id and p.id = m.member_person_id
    cross join lateral unnest(case
      when p.id is null then array['organisation']
      when cardinality(p.disciplines) = 0 then array['other']
      else p.disciplines end) as d(discipline)
    where m.region_id = ${ctx.actor.regionId}
      and m.start_date <= ${date} and (m.end_date is null or m.end_date >= ${date})
      ${kind ? sql`and o.kind = ${kind}` : sql``}
    group by o.id, o.name, o.kind, d.discipline
    order by o.name, o.id`)) as unknown as {
    rows: { id: string; name: string; kind: string; discipline: string; count: number }[];
  };
  const totals = (await ctx.tx.execute(sql`
    select m.organisation_id as id, count(*)::int as n from ${memberships} m
    where m.region_id = ${ctx.actor.regionId}
      and m.start_date <= ${date} and (m.end_date is null or m.end_date >= ${date})
    group by m.organisation_id`)) as unknown as { rows: { id: string; n: number }[] };
  const total = new Map(totals.rows.map((r) => [r.id, r.n]));
  const bodies = new Map<
    string,
    {
      organisationId: string;
      name: string;
      kind: string;
      total: number;
      byDiscipline: Record<string, number>;
    }
  >();
  for (const r of result.rows) {
    const body = bodies.get(r.id) ?? {
      organisationId: r.id,
      name: r.name,
      kind: r.kind,
      total: total.get(r.id) ?? 0,
      byDiscipline: {},
    };
    body.byDiscipline[r.discipline] = r.count;
    bodies.set(r.id, body);
  }
  // Columns: the disciplines with the most members first.
  const sums = new Map<string, number>();
  for (const r of result.rows) sums.set(r.discipline, (sums.get(r.discipline) ?? 0) + r.count);
  const disciplines = [...sums].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([d]) => d);
  return { date, disciplines, rows: [...bodies.values()] };
}
