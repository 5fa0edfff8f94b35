import { bigint, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { regionId, regionIsolation } from "./tenancy-schema.js";

/** Metadata of an uploaded file; the bytes live in the file store under `storageKey`. */
export const files = pgTable(
  "files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    /** What the file is attached to, e.g. ("region", id) for a logo; its policy guards downloads. */
    ownerType: text("owner_type").notNull(),
    ownerId: text("owner_id").notNull(),
    name: text("name").notNull(),
    contentType: text("content_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("files_region_id_id_key").on(t.regionId, t.id),
    index("files_owner_idx").on(t.regionId, t.ownerType, t.ownerId),
    regionIsolation(t.regionId),
  ],
).enableRLS();
