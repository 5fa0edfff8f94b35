import { sql } from "drizzle-orm";
import {
  boolean,
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
import { files } from "../../platform/files-schema.js";
import { regionId, regionIsolation } from "../../platform/tenancy-schema.js";
import { agendaItems, meetings } from "./meetings-schema.js";
import { bodies } from "./schema.js";

/**
 * A document (stuk) of a body, or of one of its meetings or agenda items, with its versions. A
 * confidential document, or one on a confidential agenda item, is seen only by the body's members
 * and the bureau.
 */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    bodyId: uuid("body_id").notNull(),
    meetingId: uuid("meeting_id"),
    agendaItemId: uuid("agenda_item_id"),
    title: text("title").notNull(),
    confidential: boolean("confidential").notNull().default(false),
    /** The number of the newest version; 0 until the first file is uploaded. */
    latestVersion: integer("latest_version").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("documents_region_id_id_key").on(t.regionId, t.id),
    foreignKey({
      columns: [t.regionId, t.bodyId],
      foreignColumns: [bodies.regionId, bodies.id],
      name: "documents_body_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.meetingId],
      foreignColumns: [meetings.regionId, meetings.id],
      name: "documents_meeting_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.agendaItemId],
      foreignColumns: [agendaItems.regionId, agendaItems.id],
      name: "documents_agenda_item_fk",
    })
      // The migration says SET NULL (agenda_item_id): an item taken off the agenda leaves its
      // documents with the meeting, and region_id stays.
      .onDelete("set null"),
    index("documents_body_idx").on(t.regionId, t.bodyId, t.createdAt, t.id),
    index("documents_meeting_idx").on(t.regionId, t.meetingId, t.createdAt, t.id),
    index("documents_agenda_item_idx").on(t.regionId, t.agendaItemId),
    index("documents_list_idx").on(t.regionId, t.createdAt, t.id),
    // Full-text search over titles (Dutch stemming); queries use the same expression.
    index("documents_search_idx").using("gin", sql`to_tsvector('dutch', ${t.title})`),
    // Titles close in spelling: compound plurals the Dutch stemmer keeps apart, and typos.
    index("documents_title_trgm_idx").using("gin", sql`${t.title} gin_trgm_ops`),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** One uploaded version of a document; versions are numbered 1, 2, … and never change. */
export const documentVersions = pgTable(
  "document_versions",
  {
    regionId: regionId(),
    documentId: uuid("document_id").notNull(),
    number: integer("number").notNull(),
    fileId: uuid("file_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdByName: text("created_by_name"),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.number] }),
    foreignKey({
      columns: [t.regionId, t.documentId],
      foreignColumns: [documents.regionId, documents.id],
      name: "document_versions_document_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.fileId],
      foreignColumns: [files.regionId, files.id],
      name: "document_versions_file_fk",
    }),
    index("document_versions_file_idx").on(t.regionId, t.fileId),
    regionIsolation(t.regionId),
  ],
).enableRLS();
