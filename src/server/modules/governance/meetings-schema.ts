import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { AGENDA_ITEM_KINDS, ATTENDANCE_STATUSES } from "../../../shared/governance.js";
import { users } from "../../platform/identity-schema.js";
import { regionId, regionIsolation } from "../../platform/tenancy-schema.js";
import { persons } from "../network/schema.js";
import { bodies } from "./schema.js";

/**
 * A meeting (vergadering) of a body, at a place or online. Its agenda has a version of its own
 * (`agendaVersion`): every change to the agenda sends it back, so two people building the same
 * agenda get a conflict instead of overwriting each other.
 */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    bodyId: uuid("body_id").notNull(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    location: text("location"),
    onlineUrl: text("online_url"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** When the agenda was last sent to the members (with an iCalendar invitation). */
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** The iCalendar SEQUENCE: raised on every sending, so calendars take the newest. */
    icalSequence: integer("ical_sequence").notNull().default(0),
    agendaVersion: integer("agenda_version").notNull().default(1),
    /** The minutes (notulen) in Markdown, rendered harmless wherever they are shown. */
    minutes: text("minutes"),
    minutesVersion: integer("minutes_version").notNull().default(1),
    /** Minutes approved in a later meeting are locked. */
    minutesApprovedAt: timestamp("minutes_approved_at", { withTimezone: true }),
    minutesApprovedInId: uuid("minutes_approved_in_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    // Full-text search over titles and minutes (Dutch stemming); queries use the same expression.
    index("meetings_search_idx").using(
      "gin",
      sql`to_tsvector('dutch', ${t.title} || ' ' || coalesce(${t.minutes}, ''))`,
    ),
    unique("meetings_region_id_id_key").on(t.regionId, t.id),
    foreignKey({
      columns: [t.regionId, t.bodyId],
      foreignColumns: [bodies.regionId, bodies.id],
      name: "meetings_body_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.minutesApprovedInId],
      foreignColumns: [t.regionId, t.id] as [AnyPgColumn, AnyPgColumn],
      name: "meetings_minutes_approved_in_fk",
    }),
    check("meetings_period", sql`${t.endsAt} > ${t.startsAt}`),
    index("meetings_body_idx").on(t.regionId, t.bodyId, t.startsAt, t.id),
    index("meetings_starts_idx").on(t.regionId, t.startsAt, t.id),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** An item on a meeting's agenda, in `position` order. */
export const agendaItems = pgTable(
  "agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    meetingId: uuid("meeting_id").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    kind: text("kind", { enum: AGENDA_ITEM_KINDS }).notNull(),
    description: text("description"),
    presenterPersonId: uuid("presenter_person_id"),
    minutesAllotted: integer("minutes_allotted"),
    /** Only the body's members (and the bureau) see a confidential item's title and text. */
    confidential: boolean("confidential").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("agenda_items_region_id_id_key").on(t.regionId, t.id),
    foreignKey({
      columns: [t.regionId, t.meetingId],
      foreignColumns: [meetings.regionId, meetings.id],
      name: "agenda_items_meeting_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.presenterPersonId],
      foreignColumns: [persons.regionId, persons.id],
      name: "agenda_items_presenter_fk",
    }),
    check(
      "agenda_items_minutes",
      sql`${t.minutesAllotted} is null or ${t.minutesAllotted} between 1 and 600`,
    ),
    index("agenda_items_meeting_idx").on(t.regionId, t.meetingId, t.position),
    index("agenda_items_presenter_idx").on(t.regionId, t.presenterPersonId),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** Who was at a meeting: one row per member whose attendance was recorded. */
export const meetingAttendance = pgTable(
  "meeting_attendance",
  {
    regionId: regionId(),
    meetingId: uuid("meeting_id").notNull(),
    personId: uuid("person_id").notNull(),
    status: text("status", { enum: ATTENDANCE_STATUSES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.meetingId, t.personId] }),
    foreignKey({
      columns: [t.regionId, t.meetingId],
      foreignColumns: [meetings.regionId, meetings.id],
      name: "meeting_attendance_meeting_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.personId],
      foreignColumns: [persons.regionId, persons.id],
      name: "meeting_attendance_person_fk",
    }),
    index("meeting_attendance_person_idx").on(t.regionId, t.personId),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/**
 * A user's personal iCalendar feed: a secret URL (only its hash is kept) that calendar apps
 * poll without logging in. Resetting it replaces the secret, so an old URL stops working.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    regionId: regionId(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [regionIsolation(t.regionId)],
).enableRLS();
