import { foreignKey, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { regions } from "../../platform/identity-schema.js";
import { regionId, regionIsolation } from "../../platform/tenancy-schema.js";
import { organisations } from "./schema.js";

/**
 * The werkgebied below the gemeente: CBS wijken (WK000000) and buurten (BU00000000). The
 * gemeente a wijk lies in, and the wijk a buurt lies in, follow from the CBS code itself.
 */
export const areas = pgTable(
  "areas",
  {
    regionId: regionId().references(() => regions.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    kind: text("kind", { enum: ["wijk", "buurt"] }).notNull(),
    name: text("name").notNull(),
    municipalityCode: text("municipality_code").notNull(),
    /** For a buurt: its wijk. */
    wijkCode: text("wijk_code"),
  },
  (t) => [
    primaryKey({ name: "areas_pk", columns: [t.regionId, t.code] }),
    index("areas_municipality_idx").on(t.regionId, t.municipalityCode, t.kind, t.code),
    index("areas_wijk_idx").on(t.regionId, t.wijkCode),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** Inhabitants of a gemeente, wijk or buurt (by CBS code) on 1 January of a year. */
export const areaInhabitants = pgTable(
  "area_inhabitants",
  {
    regionId: regionId().references(() => regions.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    year: integer("year").notNull(),
    inhabitants: integer("inhabitants").notNull(),
  },
  (t) => [
    primaryKey({ name: "area_inhabitants_pk", columns: [t.regionId, t.code, t.year] }),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** Which wijken a WSV covers (a wijk may be shared where two WSVs overlap). */
export const networkAreas = pgTable(
  "network_areas",
  {
    regionId: regionId(),
    organisationId: uuid("organisation_id").notNull(),
    wijkCode: text("wijk_code").notNull(),
  },
  (t) => [
    primaryKey({ name: "network_areas_pk", columns: [t.regionId, t.organisationId, t.wijkCode] }),
    foreignKey({
      columns: [t.regionId, t.organisationId],
      foreignColumns: [organisations.regionId, organisations.id],
      name: "network_areas_organisation_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.wijkCode],
      foreignColumns: [areas.regionId, areas.code],
      name: "network_areas_wijk_fk",
    }).onDelete("cascade"),
    index("network_areas_wijk_idx").on(t.regionId, t.wijkCode),
    regionIsolation(t.regionId),
  ],
).enableRLS();
