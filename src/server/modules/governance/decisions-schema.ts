import { sql } from "drizzle-orm";
import {
  check,
  date,
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
import { ACTION_ITEM_STATUSES } from "../../../shared/governance.js";
import { regionId, regionIsolation } from "../../platform/tenancy-schema.js";
import { persons } from "../network/schema.js";
import { agendaItems, meetings } from "./meetings-schema.js";
import { bodies } from "./schema.js";

/**
 * A decision (besluit) taken in a meeting, numbered per body per year (`ST-2026-014`). The number
 * is fixed when the decision is recorded, so renaming a body's code never renumbers history.
 */
export const decisions = pgTable(
  "decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    bodyId: uuid("body_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    agendaItemId: uuid("agenda_item_id"),
    year: integer("year").notNull(),
    sequence: integer("sequence").notNull(),
    number: text("number").notNull(),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("decisions_region_id_id_key").on(t.regionId, t.id),
    unique("decisions_number_key").on(t.regionId, t.bodyId, t.year, t.sequence),
    foreignKey({
      columns: [t.regionId, t.bodyId],
      foreignColumns: [bodies.regionId, bodies.id],
      name: "decisions_body_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.meetingId],
      foreignColumns: [meetings.regionId, meetings.id],
      name: "decisions_meeting_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.agendaItemId],
      foreignColumns: [agendaItems.regionId, agendaItems.id],
      name: "decisions_agenda_item_fk",
    }),
    index("decisions_meeting_idx").on(t.regionId, t.meetingId),
    index("decisions_agenda_item_idx").on(t.regionId, t.agendaItemId),
    // The besluitenlijst, newest first, of the region or of one body.
    index("decisions_list_idx").on(t.regionId, t.year, t.sequence, t.id),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** The last decision number given per body per year: one atomic upsert hands out the next. */
export const decisionCounters = pgTable(
  "decision_counters",
  {
    regionId: regionId(),
    bodyId: uuid("body_id").notNull(),
    year: integer("year").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.bodyId, t.year] }),
    foreignKey({
      columns: [t.regionId, t.bodyId],
      foreignColumns: [bodies.regionId, bodies.id],
      name: "decision_counters_body_fk",
    }).onDelete("cascade"),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** An action item (actiepunt) from a meeting: who does what by when, and how far it is. */
export const actionItems = pgTable(
  "action_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    bodyId: uuid("body_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    agendaItemId: uuid("agenda_item_id"),
    description: text("description").notNull(),
    ownerPersonId: uuid("owner_person_id").notNull(),
    dueDate: date("due_date").notNull(),
    status: text("status", { enum: ACTION_ITEM_STATUSES }).notNull().default("open"),
    /** When the owner was reminded that the due date comes near, and that it passed (once each). */
    dueSoonNoticeSentAt: timestamp("due_soon_notice_sent_at", { withTimezone: true }),
    overdueNoticeSentAt: timestamp("overdue_notice_sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("action_items_region_id_id_key").on(t.regionId, t.id),
    foreignKey({
      columns: [t.regionId, t.bodyId],
      foreignColumns: [bodies.regionId, bodies.id],
      name: "action_items_body_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.meetingId],
      foreignColumns: [meetings.regionId, meetings.id],
      name: "action_items_meeting_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.agendaItemId],
      foreignColumns: [agendaItems.regionId, agendaItems.id],
      name: "action_items_agenda_item_fk",
    }),
    foreignKey({
      columns: [t.regionId, t.ownerPersonId],
      foreignColumns: [persons.regionId, persons.id],
      name: "action_items_owner_fk",
    }),
    check("action_items_description", sql`length(${t.description}) > 0`),
    index("action_items_meeting_idx").on(t.regionId, t.meetingId),
    index("action_items_agenda_item_idx").on(t.regionId, t.agendaItemId),
    index("action_items_owner_idx").on(t.regionId, t.ownerPersonId, t.dueDate, t.id),
    index("action_items_due_idx").on(t.regionId, t.dueDate, t.id),
    index("action_items_body_idx").on(t.regionId, t.bodyId, t.dueDate, t.id),
    regionIsolation(t.regionId),
  ],
).enableRLS();
