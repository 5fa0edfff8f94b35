import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { ORGANISATION_KINDS, ORGANISATION_STATUSES } from "../../../shared/network.js";
import { regions } from "../../platform/identity-schema.js";
import { regionId, regionIsolation } from "../../platform/tenancy-schema.js";

/**
 * An organisation in the region's network: a practice, a WSV, a zorggroep, a vereniging, a
 * partner. `parentId` builds the structure (practice → WSV → coöperatie); a merged organisation
 * keeps its row with status `merged` and `mergedIntoId`, so its history stays readable.
 */
export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId().references(() => regions.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ORGANISATION_KINDS }).notNull(),
    name: text("name").notNull(),
    status: text("status", { enum: ORGANISATION_STATUSES }).notNull().default("active"),
    statusDate: date("status_date"),
    parentId: uuid("parent_id"),
    mergedIntoId: uuid("merged_into_id"),
    visitStreet: text("visit_street"),
    visitHouseNumber: text("visit_house_number"),
    visitPostcode: text("visit_postcode"),
    visitCity: text("visit_city"),
    postalStreet: text("postal_street"),
    postalHouseNumber: text("postal_house_number"),
    postalPostcode: text("postal_postcode"),
    postalCity: text("postal_city"),
    phone: text("phone"),
    email: text("email"),
    website: text("website"),
    agbCode: text("agb_code"),
    kvkNumber: text("kvk_number"),
    /** CBS gemeentecode (GM0000) and wijkcode (WK000000) of the location. */
    municipalityCode: text("municipality_code"),
    wijkCode: text("wijk_code"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("organisations_region_id_id_key").on(t.regionId, t.id),
    // A parent or merge target in another region is refused by the database itself.
    foreignKey({
      columns: [t.regionId, t.parentId],
      foreignColumns: [t.regionId, t.id] as [AnyPgColumn, AnyPgColumn],
      name: "organisations_parent_fk",
    }),
    foreignKey({
      columns: [t.regionId, t.mergedIntoId],
      foreignColumns: [t.regionId, t.id] as [AnyPgColumn, AnyPgColumn],
      name: "organisations_merged_into_fk",
    }),
    index("organisations_region_name_idx").on(t.regionId, t.name, t.id),
    index("organisations_region_kind_idx").on(t.regionId, t.kind, t.name, t.id),
    index("organisations_region_parent_idx").on(t.regionId, t.parentId),
    index("organisations_region_municipality_idx").on(t.regionId, t.municipalityCode),
    index("organisations_agb_idx").on(t.regionId, t.agbCode),
    index("organisations_kvk_idx").on(t.regionId, t.kvkNumber),
    // Substring and typo-tolerant search on the name (pg_trgm).
    index("organisations_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
    regionIsolation(t.regionId),
  ],
).enableRLS();
