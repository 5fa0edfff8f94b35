import { sql } from "drizzle-orm";
import {
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
import { files } from "../../platform/files-schema.js";
import { regionId, regionIsolation } from "../../platform/tenancy-schema.js";
import { projects } from "./projects-schema.js";

/**
 * A success story: what worked, with a photo and the project it came from. Shown on the wall, on
 * the dashboard, and put together for the newsletter.
 */
export const successes = pgTable(
  "successes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    title: text("title").notNull(),
    story: text("story").notNull(),
    projectId: uuid("project_id"),
    happenedOn: date("happened_on").notNull(),
    photoFileId: uuid("photo_file_id"),
    /** The account that posted it: it may change its own story; the bureau any. */
    createdByUserId: uuid("created_by_user_id"),
    authorName: text("author_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("successes_region_id_id_key").on(t.regionId, t.id),
    foreignKey({
      columns: [t.regionId, t.projectId],
      foreignColumns: [projects.regionId, projects.id],
      name: "successes_project_fk",
    }),
    foreignKey({
      columns: [t.regionId, t.photoFileId],
      foreignColumns: [files.regionId, files.id],
      name: "successes_photo_fk",
    }),
    check("successes_story", sql`length(${t.story}) > 0`),
    // The wall: newest first.
    index("successes_wall_idx").on(t.regionId, t.happenedOn, t.id),
    index("successes_project_idx").on(t.regionId, t.projectId),
    regionIsolation(t.regionId),
  ],
).enableRLS();
