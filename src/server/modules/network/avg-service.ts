import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { audit } from "../../platform/audit.js";
import { auditLog } from "../../platform/audit-schema.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, invalidField } from "../../platform/errors.js";
import { listMemberships } from "./memberships-service.js";
import { getPerson, listWorkRelations } from "./persons-service.js";
import { persons } from "./schema.js";

/** The fields that identify a person; erasure empties them (names become a placeholder). */
const PERSONAL_FIELDS = [
  "givenName",
  "namePrefix",
  "familyName",
  "name",
  "bigNumber",
  "agbCode",
  "email",
  "phone",
];
/** What a membership's audit row says about its member. */
const MEMBER_FIELDS = ["memberName"];
const ERASED = "[verwijderd]";

/** Everything the region's logbook says about the person, their work relations and memberships. */
async function auditTrail(ctx: Ctx, personId: string, workRelationIds: string[], membershipIds: string[]) {
  const about = or(
    and(eq(auditLog.entityType, "person"), eq(auditLog.entityId, personId)),
    workRelationIds.length
      ? and(eq(auditLog.entityType, "work_relation"), inArray(auditLog.entityId, workRelationIds))
      : undefined,
    membershipIds.length
      ? and(eq(auditLog.entityType, "membership"), inArray(auditLog.entityId, membershipIds))
      : undefined,
  );
  return ctx.tx
    .select({
      at: auditLog.at,
      actorName: auditLog.actorName,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      action: auditLog.action,
      changes: auditLog.changes,
    })
    .from(auditLog)
    .where(and(eq(auditLog.regionId, ctx.actor.regionId), about))
    .orderBy(asc(auditLog.id));
}

/**
 * Everything Regiotafel stores about a person (AVG inzageverzoek): the person, where they work,
 * their memberships, and the logbook rows about each of these.
 */
export async function personDossier(ctx: Ctx, personId: string) {
  const person = await getPerson(ctx, personId);
  const workRelations = await listWorkRelations(ctx, personId);
  const memberships = await listMemberships(ctx, { memberPersonId: personId });
  const trail = await auditTrail(
    ctx,
    personId,
    workRelations.map((w) => w.id),
    memberships.map((m) => m.id),
  );
  return {
    exportedAt: new Date().toISOString(),
    person,
    workRelations,
    memberships,
    auditTrail: trail.map((r) => ({ ...r, at: r.at.toISOString() })),
  };
}

/**
 * Erases a person on request (AVG): names, identifiers and contact details are removed, the row
 * stays (so head counts, work relations and memberships still add up), and the logbook keeps its
 * rows and which fields changed, with the personal values replaced. Cannot be undone.
 */
export async function erasePerson(ctx: Ctx, personId: string, input: { version: number }) {
  const before = await getPerson(ctx, personId);
  if (before.erasedAt) throw invalidField("id", "field.alreadyErased");
  if (before.version !== input.version) throw conflict(before);
  const [erased] = await ctx.tx
    .update(persons)
    .set({
      givenName: "Verwijderde",
      namePrefix: null,
      familyName: "persoon",
      bigNumber: null,
      agbCode: null,
      email: null,
      phone: null,
      visibility: "bureau",
      erasedAt: new Date(),
      updatedAt: new Date(),
      version: input.version + 1,
    })
    .where(
      and(
        eq(persons.regionId, ctx.actor.regionId),
        eq(persons.id, personId),
        eq(persons.version, input.version),
      ),
    )
    .returning({ id: persons.id });
  if (!erased) throw conflict(await getPerson(ctx, personId));

  const membershipIds = (await listMemberships(ctx, { memberPersonId: personId })).map((m) => m.id);
  await redact(ctx, and(eq(auditLog.entityType, "person"), eq(auditLog.entityId, personId)), PERSONAL_FIELDS);
  if (membershipIds.length)
    await redact(
      ctx,
      and(eq(auditLog.entityType, "membership"), inArray(auditLog.entityId, membershipIds)),
      MEMBER_FIELDS,
    );
  // The erasure's own row names no personal value, only that it happened.
  await audit(ctx, { entityType: "person", entityId: personId, action: "erase", after: { erased: true } });
  return getPerson(ctx, personId);
}

/** Replaces the values (not the field names) of `fields` in the matching logbook rows. */
async function redact(ctx: Ctx, rows: ReturnType<typeof and>, fields: string[]) {
  const list = sql.raw(`array[${fields.map((f) => `'${f}'`).join(",")}]`);
  await ctx.tx
    .update(auditLog)
    .set({
      changes: sql`(
        select coalesce(jsonb_object_agg(k, case when k = any(${list})
          then (select jsonb_agg(case when e = 'null'::jsonb then e else to_jsonb(${ERASED}::text) end)
                from jsonb_array_elements(v) e)
          else v end), '{}'::jsonb)
        from jsonb_each(${auditLog.changes}) as x(k, v))`,
    })
    .where(and(eq(auditLog.regionId, ctx.actor.regionId), rows));
}
