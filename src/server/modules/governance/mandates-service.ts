import { and, eq, gte, ilike, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { today } from "../../../shared/dates.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, invalidField, notFound } from "../../platform/errors.js";
import { type FileStore, loadFile, storeFile } from "../../platform/files.js";
import { files } from "../../platform/files-schema.js";
import { escapeLike, keyset } from "../../platform/pagination.js";
import { getOrganisation } from "../network/organisations-service.js";
import { namesOf, requirePerson } from "../network/persons-service.js";
import { mandateOrganisations, mandates } from "./mandates-schema.js";
import { bodies, seats, seatTerms } from "./schema.js";

export interface MandateInput {
  personId: string;
  seatId?: string | null;
  constituency: string;
  scope?: string | null;
  validFrom: string;
  validTo?: string | null;
  organisationIds: string[];
}

/** What a mandate document may be: a signed PDF, a Word letter, or a scan. */
export const MANDATE_DOCUMENT_TYPES = [
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "image/png",
  "image/jpeg",
] as const;

type MandateRow = typeof mandates.$inferSelect;

/**
 * Mandates as the API shows them: the representative's name, the seat (body and role) it is for,
 * the constituency's organisations, the document, and whether it is valid today. Four queries
 * for any number of mandates.
 */
async function present(ctx: Ctx, rows: MandateRow[]) {
  if (!rows.length) return [];
  const region = ctx.actor.regionId;
  const ids = rows.map((r) => r.id);
  const members = await ctx.tx
    .select()
    .from(mandateOrganisations)
    .where(and(eq(mandateOrganisations.regionId, region), inArray(mandateOrganisations.mandateId, ids)));
  const seatIds = [...new Set(rows.flatMap((r) => (r.seatId ? [r.seatId] : [])))];
  const seatRows = seatIds.length
    ? await ctx.tx
        .select({ id: seats.id, role: seats.role, bodyId: seats.bodyId, bodyName: bodies.name })
        .from(seats)
        .innerJoin(bodies, and(eq(bodies.regionId, seats.regionId), eq(bodies.id, seats.bodyId)))
        .where(and(eq(seats.regionId, region), inArray(seats.id, seatIds)))
    : [];
  const fileIds = rows.flatMap((r) => (r.documentFileId ? [r.documentFileId] : []));
  const fileRows = fileIds.length
    ? await ctx.tx
        .select({ id: files.id, name: files.name, contentType: files.contentType, size: files.size })
        .from(files)
        .where(and(eq(files.regionId, region), inArray(files.id, fileIds)))
    : [];
  const names = await namesOf(ctx, {
    persons: [...new Set(rows.map((r) => r.personId))],
    organisations: [...new Set(members.map((m) => m.organisationId))],
  });
  const seatById = new Map(seatRows.map((s) => [s.id, s]));
  const fileById = new Map(fileRows.map((f) => [f.id, f]));
  const organisationsOf = new Map<string, (typeof members)[number][]>();
  for (const m of members) {
    const list = organisationsOf.get(m.mandateId);
    if (list) list.push(m);
    else organisationsOf.set(m.mandateId, [m]);
  }
  const day = today();
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    personName: names.get(r.personId) ?? "",
    seat: (r.seatId && seatById.get(r.seatId)) || null,
    constituency: r.constituency,
    scope: r.scope,
    validFrom: r.validFrom,
    validTo: r.validTo,
    valid: r.validFrom <= day && (!r.validTo || r.validTo >= day),
    organisations: (organisationsOf.get(r.id) ?? [])
      .map((m) => ({ id: m.organisationId, name: names.get(m.organisationId) ?? "" }))
      .sort((a, b) => a.name.localeCompare(b.name, "nl")),
    document: (r.documentFileId && fileById.get(r.documentFileId)) || null,
    version: r.version,
  }));
}

export type Mandate = Awaited<ReturnType<typeof present>>[number];

/**
 * Who speaks for whom: the region's mandates, by constituency, optionally those of one person,
 * one seat, the seats of one body or one organisation, and only those valid on a date.
 */
export async function listMandates(
  ctx: Ctx,
  f: {
    q?: string;
    personId?: string;
    seatId?: string;
    bodyId?: string;
    organisationId?: string;
    on?: string;
    cursor?: string;
    limit: number;
  },
) {
  const page = keyset({
    sorts: { constituency: [mandates.constituency, mandates.id] },
    sort: "constituency",
    defaultSort: "constituency",
    cursor: f.cursor,
    limit: f.limit,
  });
  const region = ctx.actor.regionId;
  const rows = await ctx.tx
    .select()
    .from(mandates)
    .where(
      and(
        eq(mandates.regionId, region),
        f.q
          ? or(
              ilike(mandates.constituency, `%${escapeLike(f.q)}%`),
              ilike(mandates.scope, `%${escapeLike(f.q)}%`),
            )
          : undefined,
        f.personId ? eq(mandates.personId, f.personId) : undefined,
        f.seatId ? eq(mandates.seatId, f.seatId) : undefined,
        f.bodyId
          ? sql`"mandates"."seat_id" in (select s.id from ${seats} s where s.region_id = ${region} and s.body_id = ${f.bodyId})`
          : undefined,
        f.organisationId
          ? sql`exists (select 1 from ${mandateOrganisations} m where m.region_id = ${region}
              and m.mandate_id = "mandates"."id" and m.organisation_id = ${f.organisationId})`
          : undefined,
        f.on ? lte(mandates.validFrom, f.on) : undefined,
        f.on ? or(isNull(mandates.validTo), gte(mandates.validTo, f.on)) : undefined,
        page.where,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(page.take);
  const { items, nextCursor } = page.page(rows, (r) => [r.constituency, r.id]);
  return { items: await present(ctx, items), nextCursor };
}

async function getRow(ctx: Ctx, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(mandates)
    .where(and(eq(mandates.regionId, ctx.actor.regionId), eq(mandates.id, id)));
  if (!row) throw notFound();
  return row;
}

export async function getMandate(ctx: Ctx, id: string) {
  const [mandate] = await present(ctx, [await getRow(ctx, id)]);
  return mandate!;
}

/**
 * The representative, the seat and every organisation must be of the caller's region (another
 * region's answers as not found, at its field); a mandate is granted by at least one organisation.
 */
async function check(ctx: Ctx, input: Partial<MandateInput>) {
  if (input.personId) await requirePerson(ctx, input.personId, "body.personId");
  if (input.seatId) {
    const [seat] = await ctx.tx
      .select({ id: seats.id })
      .from(seats)
      .where(and(eq(seats.regionId, ctx.actor.regionId), eq(seats.id, input.seatId)));
    if (!seat) throw invalidField("body.seatId", "field.seatNotFound", 404);
  }
  if (input.organisationIds) {
    const unique = [...new Set(input.organisationIds)];
    const known = await namesOf(ctx, { persons: [], organisations: unique });
    const missing = unique.findIndex((id) => !known.has(id));
    if (missing >= 0)
      throw invalidField(`body.organisationIds.${missing}`, "field.organisationNotFound", 404);
  }
}

const setOrganisations = async (ctx: Ctx, mandateId: string, organisationIds: string[]) => {
  await ctx.tx
    .delete(mandateOrganisations)
    .where(
      and(
        eq(mandateOrganisations.regionId, ctx.actor.regionId),
        eq(mandateOrganisations.mandateId, mandateId),
      ),
    );
  await ctx.tx.insert(mandateOrganisations).values(
    [...new Set(organisationIds)].map((organisationId) => ({
      regionId: ctx.actor.regionId,
      mandateId,
      organisationId,
    })),
  );
};

const period = (validFrom: string, validTo: string | null | undefined) => {
  if (validTo && validTo < validFrom) throw invalidField("body.validTo", "field.periodOrder");
};

export async function createMandate(ctx: Ctx, input: MandateInput) {
  period(input.validFrom, input.validTo);
  await check(ctx, input);
  const { organisationIds, ...fields } = input;
  const [row] = await ctx.tx
    .insert(mandates)
    .values({ ...fields, regionId: ctx.actor.regionId })
    .returning();
  await setOrganisations(ctx, row!.id, organisationIds);
  const after = await getMandate(ctx, row!.id);
  await audit(ctx, { entityType: "mandate", entityId: after.id, action: "create", after });
  return after;
}

export async function updateMandate(
  ctx: Ctx,
  id: string,
  patch: Partial<MandateInput> & { version: number },
) {
  const row = await getRow(ctx, id);
  const before = (await present(ctx, [row]))[0]!;
  if (row.version !== patch.version) throw conflict(before);
  const { version, organisationIds, ...fields } = patch;
  period(fields.validFrom ?? row.validFrom, fields.validTo === undefined ? row.validTo : fields.validTo);
  await check(ctx, patch);
  const [updated] = await ctx.tx
    .update(mandates)
    .set({ ...fields, updatedAt: new Date(), version: version + 1 })
    .where(and(eq(mandates.regionId, ctx.actor.regionId), eq(mandates.id, id), eq(mandates.version, version)))
    .returning({ id: mandates.id });
  if (!updated) throw conflict(before);
  if (organisationIds) await setOrganisations(ctx, id, organisationIds);
  const after = await getMandate(ctx, id);
  await audit(ctx, { entityType: "mandate", entityId: id, action: "update", before, after });
  return after;
}

/** Attaches the document that grants the mandate (a newer one replaces it; the old stays stored). */
export async function setMandateDocument(
  ctx: Ctx,
  store: FileStore,
  id: string,
  file: { name: string; data: Buffer },
) {
  const before = await getMandate(ctx, id);
  const stored = await storeFile(ctx, store, {
    ownerType: "mandate",
    ownerId: id,
    ...file,
    allowed: MANDATE_DOCUMENT_TYPES,
  });
  await ctx.tx
    .update(mandates)
    .set({ documentFileId: stored.id, updatedAt: new Date(), version: before.version + 1 })
    .where(and(eq(mandates.regionId, ctx.actor.regionId), eq(mandates.id, id)));
  const after = await getMandate(ctx, id);
  await audit(ctx, {
    entityType: "mandate",
    entityId: id,
    action: "update",
    before: { document: before.document },
    after: { document: after.document },
  });
  return after;
}

export async function getMandateDocument(ctx: Ctx, store: FileStore, id: string) {
  const row = await getRow(ctx, id);
  if (!row.documentFileId) throw notFound();
  return loadFile(ctx, store, row.documentFileId);
}

/**
 * Who speaks for an organisation today: the seats that represent it by name (with their current
 * holder), and the mandates of constituencies it belongs to.
 */
export async function representativesOf(ctx: Ctx, organisationId: string) {
  await getOrganisation(ctx, organisationId);
  const region = ctx.actor.regionId;
  const day = today();
  const seatRows = await ctx.tx
    .select({
      seatId: seats.id,
      role: seats.role,
      bodyId: bodies.id,
      bodyName: bodies.name,
      personId: seatTerms.personId,
    })
    .from(seats)
    .innerJoin(bodies, and(eq(bodies.regionId, seats.regionId), eq(bodies.id, seats.bodyId)))
    .leftJoin(
      seatTerms,
      and(
        eq(seatTerms.regionId, seats.regionId),
        eq(seatTerms.seatId, seats.id),
        lte(seatTerms.startDate, day),
        or(isNull(seatTerms.endDate), gte(seatTerms.endDate, day)),
      ),
    )
    .where(and(eq(seats.regionId, region), eq(seats.representsOrganisationId, organisationId)))
    .orderBy(bodies.name, seats.id);
  const names = await namesOf(ctx, {
    persons: seatRows.flatMap((s) => (s.personId ? [s.personId] : [])),
    organisations: [],
  });
  const { items } = await listMandates(ctx, { organisationId, on: day, limit: 200 });
  return {
    seats: seatRows.map((s) => ({ ...s, personName: s.personId ? (names.get(s.personId) ?? "") : null })),
    mandates: items,
  };
}
