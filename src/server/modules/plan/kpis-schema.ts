import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { KPI_DIRECTIONS } from "../../../shared/kpi.js";
import { regionId, regionIsolation } from "../../platform/tenancy-schema.js";
import { areas } from "../network/areas-schema.js";
import { organisations } from "../network/schema.js";
import { resultAreas } from "./schema.js";

/**
 * An indicator (KPI) of a resultaatgebied: what is measured (definition), in which unit, from
 * which baseline to which target, and whether higher or lower is better.
 */
export const kpis = pgTable(
  "kpis",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    resultAreaId: uuid("result_area_id").notNull(),
    name: text("name").notNull(),
    definition: text("definition"),
    unit: text("unit").notNull(),
    baseline: numeric("baseline", { precision: 14, scale: 4, mode: "number" }).notNull(),
    target: numeric("target", { precision: 14, scale: 4, mode: "number" }).notNull(),
    direction: text("direction", { enum: KPI_DIRECTIONS }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("kpis_region_id_id_key").on(t.regionId, t.id),
    unique("kpis_name_key").on(t.regionId, t.name),
    foreignKey({
      columns: [t.regionId, t.resultAreaId],
      foreignColumns: [resultAreas.regionId, resultAreas.id],
      name: "kpis_result_area_fk",
    }),
    index("kpis_result_area_idx").on(t.regionId, t.resultAreaId),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/**
 * A measurement of a KPI for a period (a year, quarter or month), for the whole region or for one
 * wijk or one WSV. One value per KPI, period and scope.
 */
export const kpiMeasurements = pgTable(
  "kpi_measurements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    kpiId: uuid("kpi_id").notNull(),
    /** As written: `2026`, `2026-Q1` or `2026-03`; its first and last day for ordering and checks. */
    period: text("period").notNull(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    value: numeric("value", { precision: 14, scale: 4, mode: "number" }).notNull(),
    wijkCode: text("wijk_code"),
    organisationId: uuid("organisation_id"),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    foreignKey({
      columns: [t.regionId, t.kpiId],
      foreignColumns: [kpis.regionId, kpis.id],
      name: "kpi_measurements_kpi_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.wijkCode],
      foreignColumns: [areas.regionId, areas.code],
      name: "kpi_measurements_wijk_fk",
    }),
    foreignKey({
      columns: [t.regionId, t.organisationId],
      foreignColumns: [organisations.regionId, organisations.id],
      name: "kpi_measurements_organisation_fk",
    }),
    check("kpi_measurements_scope", sql`${t.wijkCode} is null or ${t.organisationId} is null`),
    // One value per KPI, period and scope (the whole region, a wijk or a WSV).
    uniqueIndex("kpi_measurements_scope_key").on(
      t.regionId,
      t.kpiId,
      t.period,
      sql`coalesce(${t.wijkCode}, '')`,
      sql`coalesce(${t.organisationId}::text, '')`,
    ),
    index("kpi_measurements_series_idx").on(t.regionId, t.kpiId, t.periodStart),
    regionIsolation(t.regionId),
  ],
).enableRLS();
