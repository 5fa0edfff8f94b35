import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
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
import { PLAN_MAX_YEARS, PLAN_STATUSES } from "../../../shared/plan.js";
import { regions } from "../../platform/identity-schema.js";
import { regionId, regionIsolation } from "../../platform/tenancy-schema.js";
import { bodies } from "../governance/schema.js";

/**
 * A regioplan (or transitieagenda) for a period of years: the shared vision and collective
 * ambitions, and the work agenda as beleidsterreinen with resultaatgebieden. Once a body has
 * vastgesteld it, it is the record; a change is a new version (`revision`), made from it.
 */
export const plans = pgTable(
  "plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId().references(() => regions.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    startYear: integer("start_year").notNull(),
    endYear: integer("end_year").notNull(),
    /** The shared vision (Markdown). */
    vision: text("vision"),
    /** The collective ambitions (Markdown). */
    ambitions: text("ambitions"),
    status: text("status", { enum: PLAN_STATUSES }).notNull().default("concept"),
    /** Which body vastgesteld it, and on which date (both set when adopted). */
    adoptedByBodyId: uuid("adopted_by_body_id"),
    adoptedOn: date("adopted_on"),
    /** 1 for a first plan; a new version of a plan counts on from the one it was made from. */
    revision: integer("revision").notNull().default(1),
    previousId: uuid("previous_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("plans_region_id_id_key").on(t.regionId, t.id),
    foreignKey({
      columns: [t.regionId, t.adoptedByBodyId],
      foreignColumns: [bodies.regionId, bodies.id],
      name: "plans_adopted_by_body_fk",
    }),
    foreignKey({
      columns: [t.regionId, t.previousId],
      foreignColumns: [t.regionId, t.id],
      name: "plans_previous_fk",
    }),
    check(
      "plans_period",
      sql`${t.endYear} >= ${t.startYear} and ${t.endYear} - ${t.startYear} < ${sql.raw(String(PLAN_MAX_YEARS))}`,
    ),
    check(
      "plans_adoption",
      sql`(${t.status} = 'adopted') = (${t.adoptedByBodyId} is not null and ${t.adoptedOn} is not null)`,
    ),
    index("plans_region_start_idx").on(t.regionId, t.startYear, t.id),
    index("plans_region_title_idx").on(t.regionId, t.title, t.id),
    index("plans_previous_idx").on(t.regionId, t.previousId),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** A beleidsterrein of a regioplan (arbeidsmarkt, ICT, kwaliteit, …), in the plan's order. */
export const policyAreas = pgTable(
  "policy_areas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    planId: uuid("plan_id").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    position: integer("position").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("policy_areas_region_id_id_key").on(t.regionId, t.id),
    unique("policy_areas_plan_name_key").on(t.regionId, t.planId, t.name),
    foreignKey({
      columns: [t.regionId, t.planId],
      foreignColumns: [plans.regionId, plans.id],
      name: "policy_areas_plan_fk",
    }).onDelete("cascade"),
    index("policy_areas_plan_idx").on(t.regionId, t.planId, t.position),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/**
 * A resultaatgebied under a beleidsterrein: a result the region works towards in the period
 * ("elke WSV heeft een vast aanspreekpunt voor het sociaal domein"). Projects will say which
 * resultaatgebieden they serve.
 */
export const resultAreas = pgTable(
  "result_areas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    policyAreaId: uuid("policy_area_id").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    position: integer("position").notNull(),
    /**
     * The resultaatgebied of the previous version this one was copied from: when the new version
     * is vastgesteld, what served the old one (projects, KPIs, speerpunten) moves to it.
     */
    copiedFromId: uuid("copied_from_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("result_areas_region_id_id_key").on(t.regionId, t.id),
    foreignKey({
      columns: [t.regionId, t.copiedFromId],
      foreignColumns: [t.regionId, t.id],
      name: "result_areas_copied_from_fk",
    }),
    unique("result_areas_policy_area_name_key").on(t.regionId, t.policyAreaId, t.name),
    foreignKey({
      columns: [t.regionId, t.policyAreaId],
      foreignColumns: [policyAreas.regionId, policyAreas.id] as [AnyPgColumn, AnyPgColumn],
      name: "result_areas_policy_area_fk",
    }).onDelete("cascade"),
    index("result_areas_policy_area_idx").on(t.regionId, t.policyAreaId, t.position),
    regionIsolation(t.regionId),
  ],
).enableRLS();
