import { and, asc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import { dayInNetherlands } from "../../../shared/dates.js";
import {
  type AgendaItemKind,
  type AttendanceStatus,
  quorumOf,
  type SeatRole,
  VOTING_ROLES,
} from "../../../shared/governance.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, invalidField, notFound } from "../../platform/errors.js";
import { keyset } from "../../platform/pagination.js";
import { fullName, namesOf, personOfUser, requirePerson } from "../network/persons-service.js";
import { persons } from "../network/schema.js";
import { agendaItems, meetingAttendance, meetings } from "./meetings-schema.js";
import { isBureau } from "./policy.js";
import { bodies, seats, seatTerms, termHeldOn } from "./schema.js";

export interface MeetingInput {
  bodyId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  location?: string | null;
  onlineUrl?: string | null;
}

export interface AgendaItemInput {
  title: string;
  kind: AgendaItemKind;
  description?: string | null;
  presenterPersonId?: string | null;
  minutesAllotted?: number | null;
  confidential?: boolean;
}

type MeetingRow = typeof meetings.$inferSelect;

const mine = (ctx: Ctx) => eq(meetings.regionId, ctx.actor.regionId);

const presentMeeting = (m: MeetingRow, bodyName: string) => ({
  id: m.id,
  bodyId: m.bodyId,
  bodyName,
  title: m.title,
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt.toISOString(),
  location: m.location,
  onlineUrl: m.onlineUrl,
  cancelled: m.cancelledAt !== null,
  sentAt: m.sentAt?.toISOString() ?? null,
  agendaVersion: m.agendaVersion,
  version: m.version,
});
export type MeetingDto = ReturnType<typeof presentMeeting>;

/** The meeting's date in the Netherlands as SQL, to compare with terms' dates. */
const meetingDay = sql`(("meetings"."starts_at") at time zone 'Europe/Amsterdam')::date`;

/**
 * Meetings, soonest first (or latest first with `-startsAt`): of one body, in a period, and with
 * `mine` only those of bodies in which the acting user's person holds a seat on the day.
 */
export async function listMeetings(
  ctx: Ctx,
  f: {
    bodyId?: string;
    from?: string;
    to?: string;
    mine?: boolean;
    sort?: string;
    cursor?: string;
    limit: number;
  },
) {
  const page = keyset({
    sorts: { startsAt: [meetings.startsAt, meetings.id] },
    sort: f.sort,
    defaultSort: "startsAt",
    cursor: f.cursor,
    limit: f.limit,
  });
  const region = ctx.actor.regionId;
  const person = f.mine ? await personOfUser(ctx) : null;
  if (f.mine && !person) return { items: [], nextCursor: null };
  const rows = await ctx.tx
    .select({ m: meetings, bodyName: bodies.name })
    .from(meetings)
    .innerJoin(bodies, and(eq(bodies.regionId, meetings.regionId), eq(bodies.id, meetings.bodyId)))
    .where(
      and(
        mine(ctx),
        f.bodyId ? eq(meetings.bodyId, f.bodyId) : undefined,
        // Days in the Netherlands, as bounds on the moment so the index on starts_at serves.
        f.from
          ? gte(meetings.startsAt, sql`${f.from}::date::timestamp at time zone 'Europe/Amsterdam'`)
          : undefined,
        f.to
          ? lt(meetings.startsAt, sql`(${f.to}::date + 1)::timestamp at time zone 'Europe/Amsterdam'`)
          : undefined,
        person
          ? sql`exists (select 1 from ${seatTerms} t join ${seats} s on s.region_id = t.region_id and s.id = t.seat_id
              where t.region_id = ${region} and t.person_id = ${person} and s.body_id = "meetings"."body_id"
                and ${termHeldOn(meetingDay, "t")})`
          : undefined,
        page.where,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(page.take);
  return page.page(
    rows.map((r) => presentMeeting(r.m, r.bodyName)),
    (m) => [m.startsAt, m.id],
  );
}

export async function getMeetingRow(ctx: Ctx, id: string) {
  const [row] = await ctx.tx
    .select({ m: meetings, body: bodies })
    .from(meetings)
    .innerJoin(bodies, and(eq(bodies.regionId, meetings.regionId), eq(bodies.id, meetings.bodyId)))
    .where(and(mine(ctx), eq(meetings.id, id)));
  if (!row) throw notFound();
  return row;
}

/**
 * The members of a body on a day: the holders of its seats then, with an e-mail address, and
 * whether they have a vote (a person holding two seats counts once, with a vote if either has one).
 */
export async function membersOn(ctx: Ctx, bodyId: string, day: string) {
  const rows = await ctx.tx
    .select({
      personId: seatTerms.personId,
      role: seats.role,
      givenName: persons.givenName,
      namePrefix: persons.namePrefix,
      familyName: persons.familyName,
      email: persons.email,
    })
    .from(seatTerms)
    .innerJoin(seats, and(eq(seats.regionId, seatTerms.regionId), eq(seats.id, seatTerms.seatId)))
    .innerJoin(persons, and(eq(persons.regionId, seatTerms.regionId), eq(persons.id, seatTerms.personId)))
    .where(and(eq(seatTerms.regionId, ctx.actor.regionId), eq(seats.bodyId, bodyId), termHeldOn(day)));
  const byPerson = new Map<
    string,
    { personId: string; name: string; email: string | null; roles: SeatRole[]; voting: boolean }
  >();
  for (const r of rows) {
    const member = byPerson.get(r.personId) ?? {
      personId: r.personId,
      name: fullName(r),
      email: r.email,
      roles: [],
      voting: false,
    };
    member.roles.push(r.role);
    member.voting ||= VOTING_ROLES.includes(r.role);
    byPerson.set(r.personId, member);
  }
  return [...byPerson.values()].sort((a, b) => a.name.localeCompare(b.name, "nl"));
}

/**
 * One meeting as its page shows it: the agenda (a confidential item's title and text only for
 * the body's members and the bureau), the members on its date with their attendance, and the
 * quorum, and the minutes. Five or six queries.
 */
export async function getMeeting(ctx: Ctx, id: string) {
  const { m, body } = await getMeetingRow(ctx, id);
  const day = dayInNetherlands(m.startsAt);
  const members = await membersOn(ctx, m.bodyId, day);
  const items = await ctx.tx
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.regionId, ctx.actor.regionId), eq(agendaItems.meetingId, id)))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id));
  const attendance = await ctx.tx
    .select()
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.regionId, ctx.actor.regionId), eq(meetingAttendance.meetingId, id)));
  const presenters = [...new Set(items.flatMap((i) => (i.presenterPersonId ? [i.presenterPersonId] : [])))];
  const names = await namesOf(ctx, { persons: presenters, organisations: [] });
  const me = await personOfUser(ctx);
  const insider = isBureau(ctx.actor) || members.some((x) => x.personId === me);
  const statusOf = new Map(attendance.map((a) => [a.personId, a.status]));
  const voting = members.filter((x) => x.voting);
  const [approvedIn] = m.minutesApprovedInId
    ? await ctx.tx
        .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
        .from(meetings)
        .where(and(mine(ctx), eq(meetings.id, m.minutesApprovedInId)))
    : [];
  return {
    ...presentMeeting(m, body.name),
    bodyKind: body.kind,
    day,
    minutes: m.minutes,
    minutesVersion: m.minutesVersion,
    minutesApprovedAt: m.minutesApprovedAt?.toISOString() ?? null,
    minutesApprovedIn: approvedIn ? { ...approvedIn, startsAt: approvedIn.startsAt.toISOString() } : null,
    agenda: items.map((i, index) => {
      const hidden = i.confidential && !insider;
      return {
        id: i.id,
        number: index + 1,
        title: hidden ? null : i.title,
        kind: i.kind,
        description: hidden ? null : i.description,
        presenterPersonId: hidden ? null : i.presenterPersonId,
        presenterName: !hidden && i.presenterPersonId ? (names.get(i.presenterPersonId) ?? "") : null,
        minutesAllotted: i.minutesAllotted,
        confidential: i.confidential,
      };
    }),
    members: members.map(({ email: _private, ...x }) => ({
      ...x,
      attendance: statusOf.get(x.personId) ?? null,
    })),
    quorum: quorumOf(
      voting.length,
      voting.filter((x) => statusOf.get(x.personId) === "present").length,
      body.quorumPercent,
    ),
  };
}
export type MeetingDetail = Awaited<ReturnType<typeof getMeeting>>;

function checkPeriod(startsAt: Date, endsAt: Date) {
  if (endsAt <= startsAt) throw invalidField("body.endsAt", "field.meetingPeriod");
}

export async function createMeeting(ctx: Ctx, input: MeetingInput) {
  const [body] = await ctx.tx
    .select({ id: bodies.id })
    .from(bodies)
    .where(and(eq(bodies.regionId, ctx.actor.regionId), eq(bodies.id, input.bodyId)));
  if (!body) throw invalidField("body.bodyId", "problem.notFound", 404);
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  checkPeriod(startsAt, endsAt);
  const [row] = await ctx.tx
    .insert(meetings)
    .values({ ...input, startsAt, endsAt, regionId: ctx.actor.regionId })
    .returning();
  const after = presentMeeting(row!, "");
  await audit(ctx, { entityType: "meeting", entityId: row!.id, action: "create", after });
  return getMeeting(ctx, row!.id);
}

/** Changes a meeting's title, time or place; a stale `version` gives 409 with the current state. */
export async function updateMeeting(
  ctx: Ctx,
  id: string,
  patch: Partial<Omit<MeetingInput, "bodyId">> & { version: number },
) {
  const { m, body } = await getMeetingRow(ctx, id);
  if (m.version !== patch.version) throw conflict(await getMeeting(ctx, id));
  if (m.cancelledAt) throw invalidField("body.version", "field.meetingCancelled", 409);
  const { version, startsAt, endsAt, ...fields } = patch;
  const start = startsAt ? new Date(startsAt) : m.startsAt;
  const end = endsAt ? new Date(endsAt) : m.endsAt;
  checkPeriod(start, end);
  const [row] = await ctx.tx
    .update(meetings)
    .set({ ...fields, startsAt: start, endsAt: end, updatedAt: new Date(), version: version + 1 })
    .where(and(mine(ctx), eq(meetings.id, id), eq(meetings.version, version)))
    .returning();
  if (!row) throw conflict(await getMeeting(ctx, id));
  await audit(ctx, {
    entityType: "meeting",
    entityId: id,
    action: "update",
    before: presentMeeting(m, body.name),
    after: presentMeeting(row, body.name),
  });
  return getMeeting(ctx, id);
}

/** Marks a meeting cancelled (it stays, with its agenda, for the record); one that took place cannot be. */
export async function cancelMeeting(ctx: Ctx, id: string, version: number) {
  const { m, body } = await getMeetingRow(ctx, id);
  if (m.version !== version) throw conflict(await getMeeting(ctx, id));
  if (m.cancelledAt) throw invalidField("body.version", "field.meetingCancelled", 409);
  if (m.endsAt <= new Date()) throw invalidField("params.id", "field.meetingPast", 409);
  const [row] = await ctx.tx
    .update(meetings)
    .set({ cancelledAt: new Date(), updatedAt: new Date(), version: version + 1 })
    .where(and(mine(ctx), eq(meetings.id, id), eq(meetings.version, version)))
    .returning();
  if (!row) throw conflict(await getMeeting(ctx, id));
  await audit(ctx, {
    entityType: "meeting",
    entityId: id,
    action: "cancel",
    before: presentMeeting(m, body.name),
    after: presentMeeting(row, body.name),
  });
  return row;
}

// ── the agenda ─────────────────────────────────────────────────────────────────────────────

/**
 * Claims the next agenda version: the change goes ahead only if the caller saw the current
 * agenda. Someone else's change in between answers 409 with the agenda as it now is.
 */
async function claimAgenda(ctx: Ctx, meetingId: string, agendaVersion: number) {
  const [row] = await ctx.tx
    .update(meetings)
    .set({ agendaVersion: agendaVersion + 1, updatedAt: new Date() })
    .where(
      and(
        mine(ctx),
        eq(meetings.id, meetingId),
        eq(meetings.agendaVersion, agendaVersion),
        isNull(meetings.cancelledAt),
      ),
    )
    .returning({ id: meetings.id });
  if (row) return;
  const current = await getMeeting(ctx, meetingId); // 404 for another region's meeting
  if (current.cancelled) throw invalidField("body.agendaVersion", "field.meetingCancelled", 409);
  throw conflict(current);
}

async function getItemRow(ctx: Ctx, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.regionId, ctx.actor.regionId), eq(agendaItems.id, id)));
  if (!row) throw notFound();
  return row;
}

const presentItem = (i: typeof agendaItems.$inferSelect) => ({
  meetingId: i.meetingId,
  position: i.position,
  title: i.title,
  kind: i.kind,
  description: i.description,
  presenterPersonId: i.presenterPersonId,
  minutesAllotted: i.minutesAllotted,
  confidential: i.confidential,
});

export async function addAgendaItem(
  ctx: Ctx,
  meetingId: string,
  input: AgendaItemInput & { agendaVersion: number },
) {
  const { agendaVersion, ...fields } = input;
  await getMeetingRow(ctx, meetingId);
  if (fields.presenterPersonId) await requirePerson(ctx, fields.presenterPersonId, "body.presenterPersonId");
  await claimAgenda(ctx, meetingId, agendaVersion);
  const [row] = await ctx.tx
    .insert(agendaItems)
    .values({
      ...fields,
      regionId: ctx.actor.regionId,
      meetingId,
      position: sql`(select coalesce(max(position), 0) + 1 from ${agendaItems}
        where region_id = ${ctx.actor.regionId} and meeting_id = ${meetingId})`,
    })
    .returning();
  await audit(ctx, {
    entityType: "agenda_item",
    entityId: row!.id,
    action: "create",
    after: presentItem(row!),
  });
  return getMeeting(ctx, meetingId);
}

export async function updateAgendaItem(
  ctx: Ctx,
  id: string,
  patch: Partial<AgendaItemInput> & { agendaVersion: number },
) {
  const before = await getItemRow(ctx, id);
  const { agendaVersion, ...fields } = patch;
  if (fields.presenterPersonId) await requirePerson(ctx, fields.presenterPersonId, "body.presenterPersonId");
  await claimAgenda(ctx, before.meetingId, agendaVersion);
  const [row] = await ctx.tx
    .update(agendaItems)
    .set({ ...fields, updatedAt: new Date() })
    .where(and(eq(agendaItems.regionId, ctx.actor.regionId), eq(agendaItems.id, id)))
    .returning();
  await audit(ctx, {
    entityType: "agenda_item",
    entityId: id,
    action: "update",
    before: presentItem(before),
    after: presentItem(row!),
  });
  return getMeeting(ctx, before.meetingId);
}

export async function removeAgendaItem(ctx: Ctx, id: string, agendaVersion: number) {
  const before = await getItemRow(ctx, id);
  await claimAgenda(ctx, before.meetingId, agendaVersion);
  await ctx.tx
    .delete(agendaItems)
    .where(and(eq(agendaItems.regionId, ctx.actor.regionId), eq(agendaItems.id, id)));
  await audit(ctx, {
    entityType: "agenda_item",
    entityId: id,
    action: "delete",
    before: presentItem(before),
  });
  return getMeeting(ctx, before.meetingId);
}

/** Puts the agenda in the given order; `itemIds` must name every item of the meeting once. */
export async function reorderAgenda(
  ctx: Ctx,
  meetingId: string,
  input: { agendaVersion: number; itemIds: string[] },
) {
  await getMeetingRow(ctx, meetingId);
  const items = await ctx.tx
    .select({ id: agendaItems.id, position: agendaItems.position })
    .from(agendaItems)
    .where(and(eq(agendaItems.regionId, ctx.actor.regionId), eq(agendaItems.meetingId, meetingId)));
  const given = new Set(input.itemIds);
  if (
    given.size !== input.itemIds.length ||
    given.size !== items.length ||
    items.some((i) => !given.has(i.id))
  )
    throw invalidField("body.itemIds", "field.agendaOrder");
  await claimAgenda(ctx, meetingId, input.agendaVersion);
  const before = Object.fromEntries(items.map((i) => [i.id, i.position]));
  const after = Object.fromEntries(input.itemIds.map((id, index) => [id, index + 1]));
  if (items.length)
    await ctx.tx.execute(sql`update ${agendaItems} set position = o.position, updated_at = now()
      from unnest(${sql`array[${sql.join(
        input.itemIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}]`}) with ordinality as o(id, position)
      where ${agendaItems.regionId} = ${ctx.actor.regionId} and ${agendaItems.id} = o.id`);
  await audit(ctx, { entityType: "meeting", entityId: meetingId, action: "reorder_agenda", before, after });
  return getMeeting(ctx, meetingId);
}

// ── attendance ─────────────────────────────────────────────────────────────────────────────

/**
 * Records who was present, absent or excused. Only the body's members on the meeting's date
 * have an attendance; anyone else is refused at their row. Returns the meeting with its quorum.
 */
export async function recordAttendance(
  ctx: Ctx,
  meetingId: string,
  entries: { personId: string; status: AttendanceStatus }[],
) {
  const { m } = await getMeetingRow(ctx, meetingId);
  const members = new Set(
    (await membersOn(ctx, m.bodyId, dayInNetherlands(m.startsAt))).map((x) => x.personId),
  );
  entries.forEach((e, i) => {
    if (!members.has(e.personId)) throw invalidField(`body.items.${i}.personId`, "field.notAMember");
  });
  if (!entries.length) return getMeeting(ctx, meetingId);
  const existing = await ctx.tx
    .select()
    .from(meetingAttendance)
    .where(
      and(
        eq(meetingAttendance.regionId, ctx.actor.regionId),
        eq(meetingAttendance.meetingId, meetingId),
        inArray(
          meetingAttendance.personId,
          entries.map((e) => e.personId),
        ),
      ),
    );
  await ctx.tx
    .insert(meetingAttendance)
    .values(entries.map((e) => ({ regionId: ctx.actor.regionId, meetingId, ...e })))
    .onConflictDoUpdate({
      target: [meetingAttendance.regionId, meetingAttendance.meetingId, meetingAttendance.personId],
      set: { status: sql`excluded.status` },
    });
  await audit(ctx, {
    entityType: "meeting",
    entityId: meetingId,
    action: "attendance",
    before: Object.fromEntries(existing.map((a) => [a.personId, a.status])),
    after: Object.fromEntries(entries.map((e) => [e.personId, e.status])),
  });
  return getMeeting(ctx, meetingId);
}

// ── minutes ────────────────────────────────────────────────────────────────────────────────

/**
 * Saves the minutes (Markdown). They carry their own version, so two people writing them at once
 * get a conflict; once approved they are locked.
 */
export async function saveMinutes(ctx: Ctx, id: string, input: { minutesVersion: number; text: string }) {
  const { m } = await getMeetingRow(ctx, id);
  if (m.cancelledAt) throw invalidField("params.id", "field.meetingCancelled", 409);
  if (m.minutesApprovedAt) throw invalidField("body.text", "field.minutesApproved", 409);
  const [row] = await ctx.tx
    .update(meetings)
    .set({ minutes: input.text, minutesVersion: input.minutesVersion + 1, updatedAt: new Date() })
    .where(and(mine(ctx), eq(meetings.id, id), eq(meetings.minutesVersion, input.minutesVersion)))
    .returning({ id: meetings.id });
  if (!row) throw conflict(await getMeeting(ctx, id));
  await audit(ctx, {
    entityType: "meeting",
    entityId: id,
    action: "minutes",
    before: { minutes: m.minutes },
    after: { minutes: input.text },
  });
  return getMeeting(ctx, id);
}

/**
 * Approves (stelt vast) a meeting's minutes in a later meeting of the same body; from then on
 * the minutes and the meeting's decisions are locked.
 */
export async function approveMinutes(ctx: Ctx, id: string, input: { approvedInMeetingId: string }) {
  const { m } = await getMeetingRow(ctx, id);
  if (m.minutesApprovedAt) throw invalidField("params.id", "field.minutesApproved", 409);
  if (!m.minutes?.trim()) throw invalidField("params.id", "field.minutesEmpty");
  const [later] = await ctx.tx
    .select()
    .from(meetings)
    .where(and(mine(ctx), eq(meetings.id, input.approvedInMeetingId)));
  if (!later) throw invalidField("body.approvedInMeetingId", "problem.notFound", 404);
  if (later.bodyId !== m.bodyId || later.startsAt <= m.startsAt || later.cancelledAt)
    throw invalidField("body.approvedInMeetingId", "field.approvingMeeting");
  const approvedAt = new Date();
  await ctx.tx
    .update(meetings)
    .set({ minutesApprovedAt: approvedAt, minutesApprovedInId: later.id, updatedAt: approvedAt })
    .where(and(mine(ctx), eq(meetings.id, id)));
  await audit(ctx, {
    entityType: "meeting",
    entityId: id,
    action: "approve_minutes",
    after: { minutesApprovedAt: approvedAt.toISOString(), minutesApprovedInId: later.id },
  });
  return getMeeting(ctx, id);
}
