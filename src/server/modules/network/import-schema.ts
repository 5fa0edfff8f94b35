import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { regions } from "../../platform/identity-schema.js";
import { regionId, regionIsolation } from "../../platform/tenancy-schema.js";
import { IMPORT_KINDS } from "./importer.js";

/**
 * One import of a spreadsheet: what was imported, how (mapping, mode), how far it got, and its
 * report. Progress is written outside the import's own transaction, so it can be watched.
 */
export const importRuns = pgTable(
  "import_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId().references(() => regions.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: IMPORT_KINDS }).notNull(),
    fileName: text("file_name").notNull(),
    mode: text("mode", { enum: ["valid", "all"] }).notNull(),
    status: text("status", { enum: ["running", "imported", "rejected", "failed", "undone"] }).notNull(),
    mapping: jsonb("mapping").$type<Record<string, string>>().notNull(),
    totalRows: integer("total_rows").notNull(),
    processedRows: integer("processed_rows").notNull().default(0),
    importedRows: integer("imported_rows").notNull().default(0),
    report: jsonb("report").$type<Record<string, unknown>>(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("import_runs_region_idx").on(t.regionId, t.createdAt, t.id), regionIsolation(t.regionId)],
).enableRLS();

/** What a run created, so undoing it removes exactly that. */
export const importRunItems = pgTable(
  "import_run_items",
  {
    regionId: regionId(),
    runId: uuid("run_id")
      .notNull()
      .references(() => importRuns.id, { onDelete: "cascade" }),
    entityId: uuid("entity_id").notNull(),
  },
  (t) => [
    primaryKey({ name: "import_run_items_pk", columns: [t.runId, t.entityId] }),
    regionIsolation(t.regionId),
  ],
).enableRLS();
