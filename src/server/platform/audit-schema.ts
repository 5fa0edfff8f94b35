import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { regionId, regionIsolation } from "./tenancy-schema.js";

/** One row per changed entity per mutation, written in the mutation's own transaction. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    regionId: regionId(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    /** { field: [before, after] } for each changed field; secrets are redacted. */
    changes: jsonb("changes").$type<Record<string, [unknown, unknown]>>().notNull(),
    requestId: text("request_id"),
  },
  // Ascending indexes: a backward scan serves `order by id desc` (nulls first); an index declared
  // DESC gets NULLS LAST from drizzle, which that order cannot use.
  (t) => [
    index("audit_log_region_id_idx").on(t.regionId, t.id),
    index("audit_log_region_actor_idx").on(t.regionId, t.actorId, t.id),
    index("audit_log_region_entity_idx").on(t.regionId, t.entityType, t.id),
    index("audit_log_region_at_idx").on(t.regionId, t.at),
    regionIsolation(t.regionId),
  ],
).enableRLS();
