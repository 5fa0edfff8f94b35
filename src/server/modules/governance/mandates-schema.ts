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
import { files } from "../../platform/files-schema.js";
import { regionId, regionIsolation } from "../../platform/tenancy-schema.js";
import { organisations, persons } from "../network/schema.js";
import { seats } from "./schema.js";

/**
 * A mandate (mandaat): a constituency of organisations lets a representative speak for them,
 * within a scope and for a period, as a document (besluit, volmacht, brief) says. E.g. two
 * representatives for all ouderenzorg providers, large and small, in the stuurgroep.
 */
export const mandates = pgTable(
  "mandates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    personId: uuid("person_id").notNull(),
    /** The seat the mandate is for, if it is for one (a stuurgroep seat "namens de ouderenzorg"). */
    seatId: uuid("seat_id"),
    /** The constituency in words: "Ouderenzorgaanbieders Holland Rijnland". */
    constituency: text("constituency").notNull(),
    /** What the representative may do and decide on their behalf. */
    scope: text("scope"),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to"),
    /** The document that grants it. */
    documentFileId: uuid("document_file_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("mandates_region_id_id_key").on(t.regionId, t.id),
    foreignKey({
      columns: [t.regionId, t.personId],
      foreignColumns: [persons.regionId, persons.id],
      name: "mandates_person_fk",
    }),
    foreignKey({
      columns: [t.regionId, t.seatId],
      foreignColumns: [seats.regionId, seats.id],
      name: "mandates_seat_fk",
    }),
    foreignKey({
      columns: [t.regionId, t.documentFileId],
      foreignColumns: [files.regionId, files.id],
      name: "mandates_document_fk",
    }),
    check("mandates_period", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    index("mandates_person_idx").on(t.regionId, t.personId),
    index("mandates_seat_idx").on(t.regionId, t.seatId),
    index("mandates_constituency_idx").on(t.regionId, t.constituency, t.id),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** The organisations of a mandate's constituency: they can see who speaks for them. */
export const mandateOrganisations = pgTable(
  "mandate_organisations",
  {
    regionId: regionId(),
    mandateId: uuid("mandate_id").notNull(),
    organisationId: uuid("organisation_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.mandateId, t.organisationId] }),
    foreignKey({
      columns: [t.regionId, t.mandateId],
      foreignColumns: [mandates.regionId, mandates.id],
      name: "mandate_organisations_mandate_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.organisationId],
      foreignColumns: [organisations.regionId, organisations.id],
      name: "mandate_organisations_organisation_fk",
    }),
    index("mandate_organisations_organisation_idx").on(t.regionId, t.organisationId),
    regionIsolation(t.regionId),
  ],
).enableRLS();
