import {
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { REPORT_RAGS } from "../../../shared/plan.js";
import { regionId, regionIsolation } from "../../platform/tenancy-schema.js";
import { projects } from "./projects-schema.js";

/**
 * A reporting round (rapportageronde): for one period (a quarter, say) the bureau asks every
 * running project for a progress report by a date; once closed, the reports are the record.
 */
export const reportRounds = pgTable(
  "report_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    period: text("period").notNull(),
    dueDate: date("due_date").notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("report_rounds_region_id_id_key").on(t.regionId, t.id),
    unique("report_rounds_period_key").on(t.regionId, t.period),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** The KPIs of a project's resultaatgebieden as they stood when its report was submitted. */
export interface KpiSnapshot {
  id: string;
  name: string;
  unit: string;
  target: number;
  latest: { period: string; value: number } | null;
  status: string;
}

/** One project's progress report in a round: requested, then submitted with its traffic light. */
export const progressReports = pgTable(
  "progress_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    roundId: uuid("round_id").notNull(),
    projectId: uuid("project_id").notNull(),
    rag: text("rag", { enum: REPORT_RAGS }),
    narrative: text("narrative"),
    risks: text("risks"),
    kpiSnapshot: jsonb("kpi_snapshot").$type<KpiSnapshot[]>(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: text("submitted_by"),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("progress_reports_region_id_id_key").on(t.regionId, t.id),
    unique("progress_reports_project_key").on(t.regionId, t.roundId, t.projectId),
    foreignKey({
      columns: [t.regionId, t.roundId],
      foreignColumns: [reportRounds.regionId, reportRounds.id],
      name: "progress_reports_round_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.projectId],
      foreignColumns: [projects.regionId, projects.id],
      name: "progress_reports_project_fk",
    }).onDelete("cascade"),
    index("progress_reports_project_idx").on(t.regionId, t.projectId),
    regionIsolation(t.regionId),
  ],
).enableRLS();
