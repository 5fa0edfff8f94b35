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
import { PROJECT_PHASES, WORK_LEVELS } from "../../../shared/plan.js";
import { regions } from "../../platform/identity-schema.js";
import { regionId, regionIsolation } from "../../platform/tenancy-schema.js";
import { bodies } from "../governance/schema.js";
import { areas } from "../network/areas-schema.js";
import { organisations, persons } from "../network/schema.js";
import { resultAreas } from "./schema.js";

/**
 * A programme (chronische zorg, meer tijd voor de patiënt, digitalisering, GGZ, …): a line of
 * work at praktijk, wijk or regio level that carries projects.
 */
export const programmes = pgTable(
  "programmes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId().references(() => regions.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    level: text("level", { enum: WORK_LEVELS }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("programmes_region_id_id_key").on(t.regionId, t.id),
    unique("programmes_region_name_key").on(t.regionId, t.name),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/**
 * A project under a programme: who leads it, which werkgroep carries it, what it aims for, when
 * it runs, which phase it is in, and which resultaatgebieden, organisations and wijken it is about.
 */
export const projects = pgTable(
  "projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    programmeId: uuid("programme_id").notNull(),
    name: text("name").notNull(),
    goals: text("goals"),
    level: text("level", { enum: WORK_LEVELS }).notNull(),
    phase: text("phase", { enum: PROJECT_PHASES }).notNull().default("idea"),
    leaderPersonId: uuid("leader_person_id"),
    workingGroupId: uuid("working_group_id"),
    startDate: date("start_date"),
    endDate: date("end_date"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("projects_region_id_id_key").on(t.regionId, t.id),
    foreignKey({
      columns: [t.regionId, t.programmeId],
      foreignColumns: [programmes.regionId, programmes.id],
      name: "projects_programme_fk",
    }),
    foreignKey({
      columns: [t.regionId, t.leaderPersonId],
      foreignColumns: [persons.regionId, persons.id],
      name: "projects_leader_fk",
    }),
    foreignKey({
      columns: [t.regionId, t.workingGroupId],
      foreignColumns: [bodies.regionId, bodies.id],
      name: "projects_working_group_fk",
    }),
    check(
      "projects_period",
      sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`,
    ),
    index("projects_programme_idx").on(t.regionId, t.programmeId, t.name, t.id),
    // The dashboard counts projects per programme and phase from this index alone.
    index("projects_programme_phase_idx").on(t.regionId, t.programmeId, t.phase),
    index("projects_name_idx").on(t.regionId, t.name, t.id),
    index("projects_phase_idx").on(t.regionId, t.phase, t.name, t.id),
    index("projects_leader_idx").on(t.regionId, t.leaderPersonId),
    index("projects_start_idx").on(t.regionId, t.startDate, t.id),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** The resultaatgebieden a project serves. */
export const projectResultAreas = pgTable(
  "project_result_areas",
  {
    regionId: regionId(),
    projectId: uuid("project_id").notNull(),
    resultAreaId: uuid("result_area_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.projectId, t.resultAreaId] }),
    foreignKey({
      columns: [t.regionId, t.projectId],
      foreignColumns: [projects.regionId, projects.id],
      name: "project_result_areas_project_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.resultAreaId],
      foreignColumns: [resultAreas.regionId, resultAreas.id],
      name: "project_result_areas_result_area_fk",
    }),
    index("project_result_areas_result_area_idx").on(t.regionId, t.resultAreaId),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** The organisations involved in a project (practices, the gemeente, the ziekenhuis, …). */
export const projectOrganisations = pgTable(
  "project_organisations",
  {
    regionId: regionId(),
    projectId: uuid("project_id").notNull(),
    organisationId: uuid("organisation_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.projectId, t.organisationId] }),
    foreignKey({
      columns: [t.regionId, t.projectId],
      foreignColumns: [projects.regionId, projects.id],
      name: "project_organisations_project_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.organisationId],
      foreignColumns: [organisations.regionId, organisations.id],
      name: "project_organisations_organisation_fk",
    }),
    index("project_organisations_organisation_idx").on(t.regionId, t.organisationId),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** The wijken (CBS wijkcodes of the werkgebied) a project works in: what a wijkcoördinator follows. */
export const projectDistricts = pgTable(
  "project_districts",
  {
    regionId: regionId(),
    projectId: uuid("project_id").notNull(),
    wijkCode: text("wijk_code").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.projectId, t.wijkCode] }),
    foreignKey({
      columns: [t.regionId, t.projectId],
      foreignColumns: [projects.regionId, projects.id],
      name: "project_districts_project_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.wijkCode],
      foreignColumns: [areas.regionId, areas.code],
      name: "project_districts_wijk_fk",
    }).onDelete("cascade"),
    index("project_districts_wijk_idx").on(t.regionId, t.wijkCode),
    regionIsolation(t.regionId),
  ],
).enableRLS();
