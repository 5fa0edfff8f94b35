import { and, asc, eq, gte, sql } from "drizzle-orm";
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { dayInNetherlands } from "../../../shared/dates.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { inRegion } from "../../platform/context.js";
import type { Db } from "../../platform/db.js";
import { invalidField } from "../../platform/errors.js";
import { type FileStore, storeFile } from "../../platform/files.js";
import { enqueueMails } from "../../platform/mail.js";
import { hashToken, newToken } from "../../platform/secrets.js";
import { personOfUser } from "../network/persons-service.js";
import { agendaPdf } from "./meeting-pdfs.js";
import { calendarFeeds, meetings } from "./meetings-schema.js";
import { getMeeting, getMeetingRow, type MeetingDetail, membersOn } from "./meetings-service.js";
import { bodies, seats, seatTerms, termHeldOn } from "./schema.js";
import { AGENDA_KIND_WORDS, dutchDateTime } from "./words.js";

interface CalendarMeeting {
  id: string;
  title: string;
  bodyName: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  onlineUrl: string | null;
  cancelled: boolean;
  sequence: number;
  description?: string;
}

/**
 * Meetings as iCalendar. The event's UID is the meeting's id, so a calendar that received the
 * invitation and also reads the feed keeps one event, and a later SEQUENCE replaces it.
 */
function calendarOf(
  list: CalendarMeeting[],
  opts: { publicUrl: string; method?: ICalCalendarMethod; name?: string },
) {
  const host = new URL(opts.publicUrl).hostname;
  const calendar = ical({
    prodId: { company: "Regiotafel", product: "Regiotafel", language: "NL" },
    name: opts.name ?? null,
    method: opts.method ?? null,
    // No calendar time zone: without a VTIMEZONE block it would make the times floating;
    // moments in UTC (…Z) are shown right in every calendar.
  });
  for (const m of list)
    calendar.createEvent({
      id: `${m.id}@${host}`,
      sequence: m.sequence,
      start: m.startsAt,
      end: m.endsAt,
      summary: `${m.bodyName}: ${m.title}`,
      location: m.location ?? m.onlineUrl,
      url: `${opts.publicUrl}/vergaderingen/${m.id}`,
      description: m.description ?? `${opts.publicUrl}/vergaderingen/${m.id}`,
      status: m.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  return calendar.toString();
}

/** The agenda as plain text for the invitation; a confidential item's content stays in the app. */
function agendaText(meeting: MeetingDetail, publicUrl: string) {
  const when = dutchDateTime(meeting.startsAt);
  const place = [meeting.location, meeting.onlineUrl].filter(Boolean).join(" · ");
  const lines = meeting.agenda.map((item) => {
    const title = item.confidential ? "Vertrouwelijk agendapunt (in Regiotafel)" : item.title;
    const extra = [
      AGENDA_KIND_WORDS[item.kind],
      !item.confidential && item.presenterName ? `inleider: ${item.presenterName}` : null,
      item.minutesAllotted ? `${item.minutesAllotted} min` : null,
    ].filter(Boolean);
    return `${item.number}. ${title} (${extra.join(", ")})`;
  });
  return [
    `${meeting.bodyName}: ${meeting.title}`,
    `${when}${place ? `\n${place}` : ""}`,
    "",
    "Agenda",
    ...(lines.length ? lines : ["(nog geen agendapunten)"]),
    "",
    "De agenda en de stukken zitten als PDF bij deze uitnodiging; vertrouwelijke stukken staan alleen in Regiotafel:",
    `${publicUrl}/vergaderingen/${meeting.id}`,
    "",
  ].join("\n");
}

/**
 * Sends the agenda to the members of the body on the meeting's date, each with an iCalendar
 * invitation (METHOD:REQUEST; a later sending raises SEQUENCE, so calendars update the event) and
 * the agenda-and-documents PDF without what is confidential. The PDF is stored once as a file of
 * the meeting (the record of what was sent) and the mails are queued in this transaction. Members
 * without an e-mail address are named in the answer so the bureau can reach them another way.
 */
export async function sendMeeting(ctx: Ctx, id: string, publicUrl: string, store: FileStore) {
  const { m } = await getMeetingRow(ctx, id);
  if (m.cancelledAt) throw invalidField("params.id", "field.meetingCancelled", 409);
  const meeting = await getMeeting(ctx, id);
  const members = await membersOn(ctx, m.bodyId, meeting.day);
  const recipients = members.filter((x) => x.email);
  if (!recipients.length) throw invalidField("params.id", "field.noRecipients");
  const sequence = m.icalSequence + 1;
  const invitation = calendarOf(
    [
      {
        ...m,
        bodyName: meeting.bodyName,
        cancelled: false,
        sequence,
        description: agendaText(meeting, publicUrl),
      },
    ],
    { publicUrl, method: ICalCalendarMethod.REQUEST },
  );
  const subject = `${m.sentAt ? "Gewijzigd: " : "Uitnodiging: "}${meeting.bodyName}, ${meeting.title}`;
  const bundle = await storeFile(ctx, store, {
    ownerType: "meeting",
    ownerId: id,
    name: `Agenda ${meeting.bodyName} ${meeting.day}.pdf`,
    data: (await agendaPdf(ctx, meeting, store, { confidential: false })).pdf,
    allowed: ["application/pdf"],
  });
  await enqueueMails(
    ctx.tx,
    ctx.actor.regionId,
    recipients.map((r) => ({
      to: r.email!,
      subject,
      text: `Beste ${r.name},\n\n${agendaText(meeting, publicUrl)}`,
      ical: invitation,
      attachmentFileId: bundle.id,
    })),
  );
  const sentAt = new Date();
  await ctx.tx
    .update(meetings)
    .set({ sentAt, icalSequence: sequence })
    .where(and(eq(meetings.regionId, ctx.actor.regionId), eq(meetings.id, id)));
  const result = {
    recipients: recipients.length,
    withoutEmail: members.filter((x) => !x.email).map((x) => x.name),
  };
  await audit(ctx, {
    entityType: "meeting",
    entityId: id,
    action: "send",
    before: { sentAt: m.sentAt?.toISOString() ?? null },
    after: { sentAt: sentAt.toISOString(), recipients: recipients.length },
  });
  return result;
}

/** Tells the members that a meeting they were invited to is cancelled (METHOD:CANCEL). */
export async function announceCancellation(ctx: Ctx, id: string, publicUrl: string) {
  const { m, body } = await getMeetingRow(ctx, id);
  if (!m.sentAt) return;
  const members = await membersOn(ctx, m.bodyId, dayInNetherlands(m.startsAt));
  const cancellation = calendarOf(
    [{ ...m, bodyName: body.name, cancelled: true, sequence: m.icalSequence + 1 }],
    { publicUrl, method: ICalCalendarMethod.CANCEL },
  );
  await ctx.tx
    .update(meetings)
    .set({ icalSequence: m.icalSequence + 1 })
    .where(and(eq(meetings.regionId, ctx.actor.regionId), eq(meetings.id, id)));
  await enqueueMails(
    ctx.tx,
    ctx.actor.regionId,
    members
      .filter((x) => x.email)
      .map((r) => ({
        to: r.email!,
        subject: `Afgelast: ${body.name}, ${m.title}`,
        text: `Beste ${r.name},\n\nDe vergadering "${m.title}" van ${body.name} gaat niet door.\n`,
        ical: cancellation,
      })),
  );
}

// ── the personal feed ──────────────────────────────────────────────────────────────────────

/** Whether the user has a feed (its URL cannot be shown again: only its hash is kept). */
export async function feedStatus(ctx: Ctx) {
  const [row] = await ctx.tx
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, ctx.actor.userId!));
  return { active: Boolean(row), createdAt: row?.createdAt.toISOString() ?? null };
}

/** Makes a new secret feed URL for the user; an earlier URL stops working at once. */
export async function resetFeed(ctx: Ctx, publicUrl: string) {
  const token = newToken("cal_");
  const before = await feedStatus(ctx);
  await ctx.tx
    .insert(calendarFeeds)
    .values({ userId: ctx.actor.userId!, regionId: ctx.actor.regionId, tokenHash: hashToken(token) })
    .onConflictDoUpdate({
      target: calendarFeeds.userId,
      set: { tokenHash: hashToken(token), createdAt: new Date() },
    });
  await audit(ctx, {
    entityType: "calendar_feed",
    entityId: ctx.actor.userId!,
    action: before.active ? "reset" : "create",
  });
  return { url: `${publicUrl}/api/v1/calendar/${token}.ics` };
}

export async function removeFeed(ctx: Ctx) {
  const removed = await ctx.tx
    .delete(calendarFeeds)
    .where(eq(calendarFeeds.userId, ctx.actor.userId!))
    .returning({ userId: calendarFeeds.userId });
  if (removed.length)
    await audit(ctx, { entityType: "calendar_feed", entityId: ctx.actor.userId!, action: "delete" });
}

/**
 * The feed behind a secret URL: the meetings of the bodies in which the user's person holds a
 * seat on the meeting's date, from a year back, cancelled ones marked so calendars drop them.
 * Null for an unknown secret. The secret is looked up by its hash before any region is known,
 * as the login's tokens are.
 */
export async function feedFor(db: Db, token: string, publicUrl: string) {
  const [feed] = await db
    .select({ userId: calendarFeeds.userId, regionId: calendarFeeds.regionId })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tokenHash, hashToken(token)));
  if (!feed) return null;
  return inRegion(db, feed.regionId, async (tx) => {
    const actor = { regionId: feed.regionId };
    const person = await personOfUser({ tx, actor: actor as Ctx["actor"] }, feed.userId);
    const day = sql`(${meetings.startsAt} at time zone 'Europe/Amsterdam')::date`;
    const rows = person
      ? await tx
          .select({ m: meetings, bodyName: bodies.name })
          .from(meetings)
          .innerJoin(bodies, and(eq(bodies.regionId, meetings.regionId), eq(bodies.id, meetings.bodyId)))
          .where(
            and(
              eq(meetings.regionId, feed.regionId),
              gte(meetings.startsAt, sql`now() - interval '1 year'`),
              sql`exists (select 1 from ${seatTerms} t join ${seats} s on s.region_id = t.region_id and s.id = t.seat_id
                where t.region_id = ${feed.regionId} and t.person_id = ${person} and s.body_id = ${meetings.bodyId}
                  and ${termHeldOn(day, "t")})`,
            ),
          )
          .orderBy(asc(meetings.startsAt))
          .limit(1000)
      : [];
    return calendarOf(
      rows.map(({ m, bodyName }) => ({
        ...m,
        bodyName,
        cancelled: m.cancelledAt !== null,
        sequence: m.icalSequence,
      })),
      { publicUrl, name: "Mijn vergaderingen (Regiotafel)" },
    );
  });
}
