import { and, asc, eq, gte, isNull, or, sql } from "drizzle-orm";
import { isMembershipBody } from "../../../shared/network.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, invalidField } from "../../platform/errors.js";
import { networkAreas } from "./areas-schema.js";
import { addMembership, updateMembership } from "./memberships-service.js";
import { getOrganisation, updateOrganisation } from "./organisations-service.js";
import { addWorkRelation, fullName, updateWorkRelation } from "./persons-service.js";
import { memberships, organisations, persons, workRelations } from "./schema.js";

const dayBefore = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/** Still running on the merge date: no end, or an end on or after it. */
const runningOn = (end: typeof memberships.endDate | typeof workRelations.toDate, date: string) =>
  or(isNull(end), gte(end, date));

/**
 * What merging `sourceId` into `targetId` on `date` would do, and the refusals that make it
 * impossible: merging into itself, into one of its own parts, into or from an organisation that
 * is merged or ended already, or moving members into something that cannot have members.
 */
async function plan(ctx: Ctx, sourceId: string, input: { targetId: string; date: string }) {
  const source = await getOrganisation(ctx, sourceId);
  if (input.targetId === sourceId) throw invalidField("body.targetId", "field.mergeIntoItself");
  const target = await getOrganisation(ctx, input.targetId).catch(() => {
    throw invalidField("body.targetId", "field.organisationNotFound", 404);
  });
  if (source.status === "merged" || source.status === "ended")
    throw invalidField("id", "field.mergeInactive");
  if (target.status === "merged" || target.status === "ended")
    throw invalidField("body.targetId", "field.mergeInactive");
  const inside = (await ctx.tx.execute(sql`
    with recursive parts(id) as (
      select id from ${organisations} where region_id = ${ctx.actor.regionId} and parent_id = ${sourceId}
      union
      select o.id from ${organisations} o join parts p on o.parent_id = p.id where o.region_id = ${ctx.actor.regionId}
    ) select exists (select 1 from parts where id = ${input.targetId}) as inside`)) as unknown as {
    rows: { inside: boolean }[];
  };
  if (inside.rows[0]?.inside) throw invalidField("body.targetId", "field.mergeIntoPart");

  const region = eq(organisations.regionId, ctx.actor.regionId);
  const children = await ctx.tx
    .select({ id: organisations.id, name: organisations.name, version: organisations.version })
    .from(organisations)
    .where(and(region, eq(organisations.parentId, sourceId)))
    .orderBy(asc(organisations.name));
  const staff = await ctx.tx
    .select({ w: workRelations, p: persons })
    .from(workRelations)
    .innerJoin(
      persons,
      and(eq(persons.regionId, workRelations.regionId), eq(persons.id, workRelations.personId)),
    )
    .where(
      and(
        eq(workRelations.regionId, ctx.actor.regionId),
        eq(workRelations.organisationId, sourceId),
        runningOn(workRelations.toDate, input.date),
      ),
    );
  const running = (
    column: typeof memberships.organisationId | typeof memberships.memberOrganisationId,
    id: string,
  ) =>
    ctx.tx
      .select()
      .from(memberships)
      .where(
        and(
          eq(memberships.regionId, ctx.actor.regionId),
          eq(column, id),
          runningOn(memberships.endDate, input.date),
        ),
      );
  const members = await running(memberships.organisationId, sourceId);
  const targetMembers = await running(memberships.organisationId, input.targetId);
  const memberKey = (m: { memberPersonId: string | null; memberOrganisationId: string | null }) =>
    m.memberPersonId ?? `o:${m.memberOrganisationId}`;
  const alreadyInTarget = new Set(targetMembers.map(memberKey));
  const membershipsOfSource = await running(memberships.memberOrganisationId, sourceId);
  const bodiesOfTarget = new Set(
    (await running(memberships.memberOrganisationId, input.targetId)).map((m) => m.organisationId),
  );
  if (members.length > 0 && !isMembershipBody(target.kind))
    throw invalidField("body.targetId", "field.membershipBody");
  const wijken = await ctx.tx
    .select({ wijkCode: networkAreas.wijkCode })
    .from(networkAreas)
    .where(and(eq(networkAreas.regionId, ctx.actor.regionId), eq(networkAreas.organisationId, sourceId)));

  return {
    source,
    target,
    children,
    staff,
    members,
    alreadyInTarget,
    memberKey,
    membershipsOfSource,
    bodiesOfTarget,
    wijken,
  };
}

/**
 * Merges one organisation into another (four zorggroepen into one coöperatie): with `dryRun`
 * only the preview. The source keeps its row and history (status "opgegaan in", pointing at
 * the target); its parts move under the target; people working there and running memberships
 * end at the source the day before and continue at the target, so both histories stay readable.
 * Someone already a member of the target is not made a member twice. One transaction.
 */
export async function mergeOrganisation(
  ctx: Ctx,
  sourceId: string,
  input: { targetId: string; date: string; version: number; dryRun: boolean },
) {
  const p = await plan(ctx, sourceId, input);
  if (p.source.version !== input.version) throw conflict(p.source);
  const moving = p.members.filter((m) => !p.alreadyInTarget.has(p.memberKey(m)));
  const preview = {
    source: { id: p.source.id, name: p.source.name },
    target: { id: p.target.id, name: p.target.name },
    date: input.date,
    children: p.children.map(({ id, name }) => ({ id, name })),
    workRelations: p.staff.map(({ w, p: person }) => ({
      personId: person.id,
      name: fullName(person),
      function: w.function,
    })),
    members: { moving: moving.length, alreadyInTarget: p.members.length - moving.length },
    membershipsOfSource: {
      moving: p.membershipsOfSource.filter((m) => !p.bodiesOfTarget.has(m.organisationId)).length,
      alreadyInTarget: p.membershipsOfSource.filter((m) => p.bodiesOfTarget.has(m.organisationId)).length,
    },
    wijken: p.wijken.length,
    merged: false,
  };
  if (input.dryRun) return preview;

  const end = dayBefore(input.date);
  /** Points a row at the target instead of the source, with its audit row. */
  const moveRow = async (
    entityType: string,
    table: typeof workRelations | typeof memberships,
    id: string,
    change: Record<string, [string, string]>,
  ) => {
    const set = Object.fromEntries(Object.entries(change).map(([k, [, to]]) => [k, to]));
    await ctx.tx
      .update(table)
      .set({ ...set, updatedAt: new Date(), version: sql`${table.version} + 1` })
      .where(and(eq(table.regionId, ctx.actor.regionId), eq(table.id, id)));
    await audit(ctx, {
      entityType,
      entityId: id,
      action: "update",
      before: Object.fromEntries(Object.entries(change).map(([k, [from]]) => [k, from])),
      after: set,
    });
  };
  for (const child of p.children)
    await updateOrganisation(ctx, child.id, { version: child.version, parentId: p.target.id });

  for (const { w } of p.staff) {
    if (w.fromDate && w.fromDate >= input.date) {
      // Not started yet at the merge date: it simply starts at the target instead.
      await moveRow("work_relation", workRelations, w.id, { organisationId: [sourceId, p.target.id] });
      continue;
    }
    await updateWorkRelation(ctx, w.id, { version: w.version, toDate: end });
    await addWorkRelation(ctx, w.personId, {
      organisationId: p.target.id,
      function: w.function,
      fte: w.fte === null ? null : Number(w.fte),
      fromDate: input.date,
      toDate: w.toDate,
    });
  }

  /** Ends a running membership the day before; one that starts later moves as a whole. */
  const continueMembership = async (
    m: typeof memberships.$inferSelect,
    column: "organisationId" | "memberOrganisationId",
  ) => {
    if (m.startDate >= input.date) {
      await moveRow("membership", memberships, m.id, { [column]: [sourceId, p.target.id] });
      return false;
    }
    await updateMembership(ctx, m.id, { version: m.version, endDate: end });
    return true;
  };
  for (const m of p.members) {
    const ended = await continueMembership(m, "organisationId");
    if (ended && !p.alreadyInTarget.has(p.memberKey(m)))
      await addMembership(ctx, {
        organisationId: p.target.id,
        memberPersonId: m.memberPersonId,
        memberOrganisationId: m.memberOrganisationId,
        type: m.type,
        startDate: input.date,
        endDate: m.endDate,
        contributionCategory: m.contributionCategory,
      });
  }
  for (const m of p.membershipsOfSource) {
    const ended = await continueMembership(m, "memberOrganisationId");
    if (ended && !p.bodiesOfTarget.has(m.organisationId))
      await addMembership(ctx, {
        organisationId: m.organisationId,
        memberOrganisationId: p.target.id,
        type: m.type,
        startDate: input.date,
        endDate: m.endDate,
        contributionCategory: m.contributionCategory,
      });
  }

  if (p.wijken.length) {
    await ctx.tx
      .insert(networkAreas)
      .values(
        p.wijken.map((w) => ({
          regionId: ctx.actor.regionId,
          organisationId: p.target.id,
          wijkCode: w.wijkCode,
        })),
      )
      .onConflictDoNothing();
    await ctx.tx
      .delete(networkAreas)
      .where(and(eq(networkAreas.regionId, ctx.actor.regionId), eq(networkAreas.organisationId, sourceId)));
  }

  const current = await getOrganisation(ctx, sourceId);
  await ctx.tx
    .update(organisations)
    .set({
      status: "merged",
      statusDate: input.date,
      mergedIntoId: p.target.id,
      updatedAt: new Date(),
      version: current.version + 1,
    })
    .where(and(eq(organisations.regionId, ctx.actor.regionId), eq(organisations.id, sourceId)));
  await audit(ctx, {
    entityType: "organisation",
    entityId: sourceId,
    action: "merge",
    before: current,
    after: await getOrganisation(ctx, sourceId),
  });
  return { ...preview, merged: true };
}
