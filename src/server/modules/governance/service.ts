import { and, asc, eq, gte, ilike, inArray, isNull, lte, ne, or, sql } from "drizzle-orm";
import { addDays, today } from "../../../shared/dates.js";
import { type BodyKind, type SeatRole, TERM_NOTICE_DAYS } from "../../../shared/governance.js";
import type { Discipline } from "../../../shared/network.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, invalidField, notFound } from "../../platform/errors.js";
import { escapeLike } from "../../platform/pagination.js";
import { getOrganisation } from "../network/organisations-service.js";
import { namesOf, requirePerson } from "../network/persons-service.js";
import { mandates } from "./mandates-schema.js";
import { bodies, seatExistsOn, seats, seatTerms, termHeldOn } from "./schema.js";

export interface BodyInput {
  kind: BodyKind;
  name: string;
  purpose?: string | null;
  policyArea?: string | null;
  quorumPercent?: number | null;
  /** Its code in decision numbers; null: the kind's (ST, WG, …). */
  code?: string | null;
}

/** The last day of a term of `years` starting on `start`: 1-1-2026 for 3 years ends 31-12-2028. */
const termEnd = (start: string, years: number) => {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return addDays(d.toISOString().slice(0, 10), -1);
};

const mine = (ctx: Ctx) => eq(bodies.regionId, ctx.actor.regionId);
const presentBody = (b: typeof bodies.$inferSelect) => ({
  id: b.id,
  kind: b.kind,
  name: b.name,
  purpose: b.purpose,
  policyArea: b.policyArea,
  quorumPercent: b.quorumPercent,
  code: b.code,
  version: b.version,
});

/** A code another body of the region already numbers its decisions with is refused. */
async function checkCodeFree(ctx: Ctx, code: string | null | undefined, bodyId?: string) {
  if (!code) return;
  const [taken] = await ctx.tx
    .select({ id: bodies.id })
    .from(bodies)
    .where(and(mine(ctx), eq(bodies.code, code), bodyId ? ne(bodies.id, bodyId) : undefined));
  if (taken) throw invalidField("body.code", "field.bodyCodeTaken", 409);
}

/** The region's bodies by name, with how many seats each has and how many are filled today. */
export async function listBodies(ctx: Ctx, f: { q?: string; kind?: BodyKind }) {
  const q = f.q?.trim();
  const day = today();
  // The counts refer to the outer row by name: drizzle leaves a one-table select unqualified.
  const rows = await ctx.tx
    .select({
      b: bodies,
      seats: sql<number>`(select count(*)::int from ${seats} s where s.region_id = bodies.region_id and s.body_id = bodies.id
        and ${seatExistsOn(day, "s")})`,
      filled: sql<number>`(select count(distinct t.seat_id)::int from ${seatTerms} t join ${seats} s
        on s.region_id = t.region_id and s.id = t.seat_id
        where s.region_id = bodies.region_id and s.body_id = bodies.id
          and ${termHeldOn(day, "t")})`,
    })
    .from(bodies)
    .where(
      and(
        mine(ctx),
        q ? ilike(bodies.name, `%${escapeLike(q)}%`) : undefined,
        f.kind ? eq(bodies.kind, f.kind) : undefined,
      ),
    )
    .orderBy(asc(bodies.name), asc(bodies.id));
  return rows.map((r) => ({ ...presentBody(r.b), seats: r.seats, filledSeats: r.filled }));
}

export async function getBody(ctx: Ctx, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(bodies)
    .where(and(mine(ctx), eq(bodies.id, id)));
  if (!row) throw notFound();
  return presentBody(row);
}

/** A body's name as SQL, for other modules' lists that show a body in the same statement. */
export const bodyNameSql = (regionId: string, bodyId: unknown) =>
  sql<string | null>`(select b.name from ${bodies} b where b.region_id = ${regionId} and b.id = ${bodyId})`;

/** The names of the region's bodies among `ids` (others are absent), for modules that refer to bodies. */
export async function bodyNames(ctx: Ctx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await ctx.tx
    .select({ id: bodies.id, name: bodies.name })
    .from(bodies)
    .where(and(mine(ctx), inArray(bodies.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function createBody(ctx: Ctx, input: BodyInput) {
  await checkCodeFree(ctx, input.code);
  const [row] = await ctx.tx
    .insert(bodies)
    .values({ ...input, regionId: ctx.actor.regionId })
    .returning();
  const after = presentBody(row!);
  await audit(ctx, { entityType: "body", entityId: after.id, action: "create", after });
  return after;
}

export async function updateBody(ctx: Ctx, id: string, patch: Partial<BodyInput> & { version: number }) {
  const before = await getBody(ctx, id);
  if (before.version !== patch.version) throw conflict(before);
  const { version, ...fields } = patch;
  await checkCodeFree(ctx, fields.code, id);
  const [row] = await ctx.tx
    .update(bodies)
    .set({ ...fields, updatedAt: new Date(), version: version + 1 })
    .where(and(mine(ctx), eq(bodies.id, id), eq(bodies.version, version)))
    .returning();
  if (!row) throw conflict(await getBody(ctx, id));
  const after = presentBody(row);
  await audit(ctx, { entityType: "body", entityId: id, action: "update", before, after });
  return after;
}

// ── seats and terms ─────────────────────────────────────────────────────────────────────────

export interface SeatInput {
  role: SeatRole;
  representsOrganisationId?: string | null;
  representsDiscipline?: Discipline | null;
  representsConstituency?: string | null;
  termYears?: number | null;
  maxTerms?: number | null;
}

type SeatRow = typeof seats.$inferSelect;
type TermRow = typeof seatTerms.$inferSelect;

const presentTerm = (t: TermRow, names: Map<string, string>) => ({
  id: t.id,
  seatId: t.seatId,
  personId: t.personId,
  personName: names.get(t.personId) ?? "",
  startDate: t.startDate,
  endDate: t.endDate,
  version: t.version,
});

/**
 * A body's seats as they were (or will be) on `date`: each with its holder then, or vacant, and
 * whether the holder's term ends within 90 days of that date. Three queries.
 */
export async function listSeats(ctx: Ctx, bodyId: string, date = today()) {
  const body = await getBody(ctx, bodyId);
  const seatRows = await ctx.tx
    .select()
    .from(seats)
    .where(and(eq(seats.regionId, ctx.actor.regionId), eq(seats.bodyId, bodyId), seatExistsOn(date)))
    .orderBy(
      sql`array_position(array['chair','secretary','treasurer','member','advisor','agenda_member'], ${seats.role})`,
      asc(seats.createdAt),
      asc(seats.id),
    );
  const terms = seatRows.length
    ? await ctx.tx
        .select()
        .from(seatTerms)
        .where(
          and(
            eq(seatTerms.regionId, ctx.actor.regionId),
            sql`${seatTerms.seatId} in (select id from ${seats} where region_id = ${ctx.actor.regionId} and body_id = ${bodyId})`,
          ),
        )
        .orderBy(asc(seatTerms.startDate))
    : [];
  const names = await namesOf(ctx, {
    persons: [...new Set(terms.map((t) => t.personId))],
    organisations: [
      ...new Set(seatRows.flatMap((s) => (s.representsOrganisationId ? [s.representsOrganisationId] : []))),
    ],
  });
  const notice = addDays(date, TERM_NOTICE_DAYS);
  return {
    body,
    date,
    items: seatRows.map((s) => {
      const mineTerms = terms.filter((t) => t.seatId === s.id);
      const current = mineTerms.find((t) => t.startDate <= date && (!t.endDate || t.endDate >= date));
      return {
        ...presentSeat(s, names),
        holder: current ? presentTerm(current, names) : null,
        endingSoon: Boolean(current?.endDate && current.endDate <= notice),
        terms: mineTerms.map((t) => presentTerm(t, names)),
      };
    }),
  };
}

const presentSeat = (s: SeatRow, names: Map<string, string>) => ({
  id: s.id,
  bodyId: s.bodyId,
  role: s.role,
  representsOrganisationId: s.representsOrganisationId,
  representsOrganisationName: s.representsOrganisationId
    ? (names.get(s.representsOrganisationId) ?? "")
    : null,
  representsDiscipline: s.representsDiscipline,
  representsConstituency: s.representsConstituency,
  termYears: s.termYears,
  maxTerms: s.maxTerms,
  abolishedOn: s.abolishedOn,
  version: s.version,
});

async function getSeatRow(ctx: Ctx, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(seats)
    .where(and(eq(seats.regionId, ctx.actor.regionId), eq(seats.id, id)));
  if (!row) throw notFound();
  return row;
}

/** A seat represents one organisation, one discipline, or a constituency: at most one of them. */
async function checkRepresents(ctx: Ctx, input: Partial<SeatInput>) {
  const given = [
    input.representsOrganisationId,
    input.representsDiscipline,
    input.representsConstituency,
  ].filter(Boolean);
  if (given.length > 1) throw invalidField("body.representsOrganisationId", "field.representsOne");
  if (input.representsOrganisationId)
    await getOrganisation(ctx, input.representsOrganisationId).catch(() => {
      throw invalidField("body.representsOrganisationId", "field.organisationNotFound", 404);
    });
}

export async function createSeat(ctx: Ctx, bodyId: string, input: SeatInput) {
  await getBody(ctx, bodyId);
  await checkRepresents(ctx, input);
  const [row] = await ctx.tx
    .insert(seats)
    .values({ ...input, bodyId, regionId: ctx.actor.regionId })
    .returning();
  const names = await namesOf(ctx, {
    persons: [],
    organisations: row!.representsOrganisationId ? [row!.representsOrganisationId] : [],
  });
  const after = presentSeat(row!, names);
  await audit(ctx, { entityType: "seat", entityId: after.id, action: "create", after });
  return after;
}

export async function updateSeat(ctx: Ctx, id: string, patch: Partial<SeatInput> & { version: number }) {
  const row = await getSeatRow(ctx, id);
  const names = await namesOf(ctx, {
    persons: [],
    organisations: row.representsOrganisationId ? [row.representsOrganisationId] : [],
  });
  const before = presentSeat(row, names);
  if (row.version !== patch.version) throw conflict(before);
  const { version, ...fields } = patch;
  await checkRepresents(ctx, {
    representsOrganisationId:
      fields.representsOrganisationId === undefined
        ? row.representsOrganisationId
        : fields.representsOrganisationId,
    representsDiscipline:
      fields.representsDiscipline === undefined ? row.representsDiscipline : fields.representsDiscipline,
    representsConstituency:
      fields.representsConstituency === undefined
        ? row.representsConstituency
        : fields.representsConstituency,
  });
  const [updated] = await ctx.tx
    .update(seats)
    .set({ ...fields, updatedAt: new Date(), version: version + 1 })
    .where(and(eq(seats.regionId, ctx.actor.regionId), eq(seats.id, id), eq(seats.version, version)))
    .returning();
  if (!updated) throw conflict(before);
  const afterNames = await namesOf(ctx, {
    persons: [],
    organisations: updated.representsOrganisationId ? [updated.representsOrganisationId] : [],
  });
  const after = presentSeat(updated, afterNames);
  await audit(ctx, { entityType: "seat", entityId: id, action: "update", before, after });
  return after;
}

/**
 * Removes a seat set up by mistake: only one that nobody ever held and no mandate refers to. A
 * seat with history stays, so the composition on past dates keeps it.
 */
export async function deleteSeat(ctx: Ctx, id: string, version: number) {
  const row = await getSeatRow(ctx, id);
  const before = presentSeat(row, new Map());
  if (row.version !== version) throw conflict(before);
  const used = await ctx.tx.execute(sql`select 1 from ${seatTerms}
    where ${seatTerms.regionId} = ${ctx.actor.regionId} and ${seatTerms.seatId} = ${id}
    union all select 1 from ${mandates} where ${mandates.regionId} = ${ctx.actor.regionId} and ${mandates.seatId} = ${id}
    limit 1`);
  if ((used as unknown as { rows: unknown[] }).rows.length)
    throw invalidField("params.id", "field.seatHasHistory", 409);
  await ctx.tx.delete(seats).where(and(eq(seats.regionId, ctx.actor.regionId), eq(seats.id, id)));
  await audit(ctx, { entityType: "seat", entityId: id, action: "delete", before });
}

/**
 * Abolishes a seat that has history, as of a date (the reglement changed): from that day it is
 * no longer part of the body, is never vacant and takes no appointments; the term running then
 * ends the day before. The composition on earlier dates keeps it. Terms arranged to start on or
 * after that day are refused: they must be undone first.
 */
export async function abolishSeat(ctx: Ctx, id: string, input: { abolishedOn: string; version: number }) {
  const [row] = await ctx.tx
    .select()
    .from(seats)
    .where(and(eq(seats.regionId, ctx.actor.regionId), eq(seats.id, id)))
    .for("update");
  if (!row) throw notFound();
  const before = presentSeat(row, new Map());
  if (row.version !== input.version) throw conflict(before);
  if (row.abolishedOn) throw invalidField("params.id", "field.seatAbolished", 409);
  const terms = await ctx.tx
    .select()
    .from(seatTerms)
    .where(
      and(
        eq(seatTerms.regionId, ctx.actor.regionId),
        eq(seatTerms.seatId, id),
        or(isNull(seatTerms.endDate), gte(seatTerms.endDate, input.abolishedOn)),
      ),
    );
  if (terms.some((t) => t.startDate >= input.abolishedOn))
    throw invalidField("body.abolishedOn", "field.seatTermsAfterAbolition", 409);
  const lastDay = addDays(input.abolishedOn, -1);
  const names = await namesOf(ctx, { persons: terms.map((t) => t.personId), organisations: [] });
  for (const t of terms) {
    const [ended] = await ctx.tx
      .update(seatTerms)
      .set({ endDate: lastDay, updatedAt: new Date(), version: t.version + 1 })
      .where(and(eq(seatTerms.regionId, ctx.actor.regionId), eq(seatTerms.id, t.id)))
      .returning();
    await audit(ctx, {
      entityType: "seatTerm",
      entityId: t.id,
      action: "update",
      before: presentTerm(t, names),
      after: presentTerm(ended!, names),
    });
  }
  const [updated] = await ctx.tx
    .update(seats)
    .set({ abolishedOn: input.abolishedOn, updatedAt: new Date(), version: input.version + 1 })
    .where(and(eq(seats.regionId, ctx.actor.regionId), eq(seats.id, id)))
    .returning();
  const after = presentSeat(updated!, new Map());
  await audit(ctx, { entityType: "seat", entityId: id, action: "abolish", before, after });
  return after;
}

/** The other terms of a seat that overlap [start, end]. */
const overlapping = (ctx: Ctx, seatId: string, start: string, end: string | null, except?: string) =>
  ctx.tx
    .select({ id: seatTerms.id })
    .from(seatTerms)
    .where(
      and(
        eq(seatTerms.regionId, ctx.actor.regionId),
        eq(seatTerms.seatId, seatId),
        except ? sql`${seatTerms.id} <> ${except}` : undefined,
        or(isNull(seatTerms.endDate), gte(seatTerms.endDate, start)),
        end ? lte(seatTerms.startDate, end) : undefined,
      ),
    );

/**
 * Appoints someone to a seat from a date: the term ends after the seat's term length unless an
 * end is given. Refused: a person of another region, a term overlapping another of the seat, and
 * a reappointment beyond the seat's maximum of consecutive terms.
 */
export async function appoint(
  ctx: Ctx,
  seatId: string,
  input: { personId: string; startDate: string; endDate?: string | null },
) {
  // Locks the seat, so two appointments at once cannot both pass the overlap check.
  const [seat] = await ctx.tx
    .select()
    .from(seats)
    .where(and(eq(seats.regionId, ctx.actor.regionId), eq(seats.id, seatId)))
    .for("update");
  if (!seat) throw notFound();
  await requirePerson(ctx, input.personId, "body.personId");
  let endDate =
    input.endDate === undefined
      ? seat.termYears
        ? termEnd(input.startDate, seat.termYears)
        : null
      : input.endDate;
  if (seat.abolishedOn && input.startDate >= seat.abolishedOn)
    throw invalidField("body.startDate", "field.seatAbolished", 409);
  // A term on a seat that will be abolished ends, at the latest, the day before.
  if (seat.abolishedOn && (!endDate || endDate >= seat.abolishedOn)) endDate = addDays(seat.abolishedOn, -1);
  if (endDate && endDate < input.startDate) throw invalidField("body.endDate", "field.periodOrder");
  if ((await overlapping(ctx, seatId, input.startDate, endDate)).length)
    throw invalidField("body.startDate", "field.termOverlap", 409);
  if (seat.maxTerms) {
    // The holder's terms on this seat that run on without a gap up to this one.
    const previous = await ctx.tx
      .select()
      .from(seatTerms)
      .where(
        and(
          eq(seatTerms.regionId, ctx.actor.regionId),
          eq(seatTerms.seatId, seatId),
          lte(seatTerms.startDate, input.startDate),
        ),
      )
      .orderBy(sql`${seatTerms.startDate} desc`);
    let consecutive = 0;
    let next = input.startDate;
    for (const t of previous) {
      if (t.personId !== input.personId || !t.endDate || addDays(t.endDate, 1) !== next) break;
      consecutive++;
      next = t.startDate;
    }
    if (consecutive >= seat.maxTerms) throw invalidField("body.personId", "field.termLimit");
  }
  const [row] = await ctx.tx
    .insert(seatTerms)
    .values({
      regionId: ctx.actor.regionId,
      seatId,
      personId: input.personId,
      startDate: input.startDate,
      endDate,
    })
    .returning();
  const names = await namesOf(ctx, { persons: [input.personId], organisations: [] });
  const after = presentTerm(row!, names);
  await audit(ctx, { entityType: "seatTerm", entityId: after.id, action: "create", after });
  return after;
}

/** Changes a term's end (stepping down early, or a corrected date); the start stays. */
export async function updateTerm(ctx: Ctx, id: string, patch: { endDate: string | null; version: number }) {
  const [row] = await ctx.tx
    .select()
    .from(seatTerms)
    .where(and(eq(seatTerms.regionId, ctx.actor.regionId), eq(seatTerms.id, id)));
  if (!row) throw notFound();
  const names = await namesOf(ctx, { persons: [row.personId], organisations: [] });
  const before = presentTerm(row, names);
  if (row.version !== patch.version) throw conflict(before);
  if (patch.endDate && patch.endDate < row.startDate) throw invalidField("body.endDate", "field.periodOrder");
  if ((await overlapping(ctx, row.seatId, row.startDate, patch.endDate, id)).length)
    throw invalidField("body.endDate", "field.termOverlap", 409);
  const [updated] = await ctx.tx
    .update(seatTerms)
    // A new end date is announced anew.
    .set({
      endDate: patch.endDate,
      endingNoticeSentAt: null,
      vacancyNoticeSentAt: null,
      updatedAt: new Date(),
      version: patch.version + 1,
    })
    .where(
      and(
        eq(seatTerms.regionId, ctx.actor.regionId),
        eq(seatTerms.id, id),
        eq(seatTerms.version, patch.version),
      ),
    )
    .returning();
  if (!updated) throw conflict(before);
  const after = presentTerm(updated, names);
  await audit(ctx, { entityType: "seatTerm", entityId: id, action: "update", before, after });
  return after;
}

/**
 * What needs attention across the region's bodies: seats vacant today, and terms that end within
 * 90 days (so a successor or reappointment can be arranged in time).
 */
export async function attention(ctx: Ctx) {
  const day = today();
  const notice = addDays(day, TERM_NOTICE_DAYS);
  const region = ctx.actor.regionId;
  const vacant = await ctx.tx
    .select({ s: seats, bodyName: bodies.name })
    .from(seats)
    .innerJoin(bodies, and(eq(bodies.regionId, seats.regionId), eq(bodies.id, seats.bodyId)))
    .where(
      and(
        eq(seats.regionId, region),
        seatExistsOn(day),
        sql`not exists (select 1 from ${seatTerms} t where t.region_id = ${seats.regionId} and t.seat_id = ${seats.id}
          and ${termHeldOn(day, "t")})`,
      ),
    )
    .orderBy(asc(bodies.name), asc(seats.id));
  const ending = await ctx.tx
    .select({ t: seatTerms, s: seats, bodyName: bodies.name })
    .from(seatTerms)
    .innerJoin(seats, and(eq(seats.regionId, seatTerms.regionId), eq(seats.id, seatTerms.seatId)))
    .innerJoin(bodies, and(eq(bodies.regionId, seats.regionId), eq(bodies.id, seats.bodyId)))
    .where(
      and(
        eq(seatTerms.regionId, region),
        gte(seatTerms.endDate, day),
        lte(seatTerms.endDate, notice),
        // A term whose successor (or reappointment) is already arranged needs no attention.
        sql`not exists (select 1 from ${seatTerms} n where n.region_id = ${seatTerms.regionId}
          and n.seat_id = ${seatTerms.seatId} and n.start_date > ${seatTerms.endDate})`,
      ),
    )
    .orderBy(asc(seatTerms.endDate), asc(seatTerms.id));
  const names = await namesOf(ctx, {
    persons: ending.map((e) => e.t.personId),
    organisations: [...vacant.map((v) => v.s), ...ending.map((e) => e.s)].flatMap((s) =>
      s.representsOrganisationId ? [s.representsOrganisationId] : [],
    ),
  });
  return {
    vacancies: vacant.map((v) => ({ bodyName: v.bodyName, seat: presentSeat(v.s, names) })),
    endingTerms: ending.map((e) => ({
      bodyName: e.bodyName,
      seat: presentSeat(e.s, names),
      term: presentTerm(e.t, names),
    })),
  };
}
