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
import { ACTION_STATUSES } from "../../../shared/plan.js";
import { users } from "../../platform/identity-schema.js";
import { regionId, regionIsolation } from "../../platform/tenancy-schema.js";
import { areas } from "../network/areas-schema.js";
import { organisations, persons } from "../network/schema.js";
import { priorities } from "./priorities-schema.js";
import { projects } from "./projects-schema.js";

/**
 * An action ("wie doet wat"): a concrete step under a speerpunt or a project, owned by an
 * organisation and/or a person (also of a partner organisation), due on a date, possibly in one
 * wijk, possibly waiting for other actions.
 */
export const actions = pgTable(
  "actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    priorityId: uuid("priority_id"),
    projectId: uuid("project_id"),
    title: text("title").notNull(),
    description: text("description"),
    ownerOrganisationId: uuid("owner_organisation_id"),
    ownerPersonId: uuid("owner_person_id"),
    dueDate: date("due_date").notNull(),
    status: text("status", { enum: ACTION_STATUSES }).notNull().default("open"),
    /** The wijk (CBS wijkcode) it happens in, which its wijkcoördinator follows. */
    wijkCode: text("wijk_code"),
    /** When the owner was reminded that the due date comes near, and that it passed (once each). */
    dueSoonNoticeSentAt: timestamp("due_soon_notice_sent_at", { withTimezone: true }),
    overdueNoticeSentAt: timestamp("overdue_notice_sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("actions_region_id_id_key").on(t.regionId, t.id),
    foreignKey({
      columns: [t.regionId, t.priorityId],
      foreignColumns: [priorities.regionId, priorities.id],
      name: "actions_priority_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.projectId],
      foreignColumns: [projects.regionId, projects.id],
      name: "actions_project_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.ownerOrganisationId],
      foreignColumns: [organisations.regionId, organisations.id],
      name: "actions_owner_organisation_fk",
    }),
    foreignKey({
      columns: [t.regionId, t.ownerPersonId],
      foreignColumns: [persons.regionId, persons.id],
      name: "actions_owner_person_fk",
    }),
    foreignKey({
      columns: [t.regionId, t.wijkCode],
      foreignColumns: [areas.regionId, areas.code],
      name: "actions_wijk_fk",
    }),
    check("actions_parent", sql`${t.priorityId} is not null or ${t.projectId} is not null`),
    check("actions_owner", sql`${t.ownerOrganisationId} is not null or ${t.ownerPersonId} is not null`),
    // "Mijn acties" and the lists by speerpunt, project, wijk and due date.
    index("actions_owner_person_idx").on(t.regionId, t.ownerPersonId, t.dueDate, t.id),
    index("actions_owner_organisation_idx").on(t.regionId, t.ownerOrganisationId, t.dueDate, t.id),
    index("actions_priority_idx").on(t.regionId, t.priorityId, t.dueDate, t.id),
    index("actions_project_idx").on(t.regionId, t.projectId, t.dueDate, t.id),
    index("actions_wijk_idx").on(t.regionId, t.wijkCode, t.dueDate, t.id),
    index("actions_due_idx").on(t.regionId, t.dueDate, t.id),
    // What is still to do by due date: the overdue count and list of the dashboard, read from
    // the index alone instead of a heap page per action.
    index("actions_open_due_idx")
      .on(t.regionId, t.dueDate, t.id)
      .where(sql`${t.status} in ('open', 'in_progress')`),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** That an action waits for another one; the service refuses a cycle. */
export const actionDependencies = pgTable(
  "action_dependencies",
  {
    regionId: regionId(),
    actionId: uuid("action_id").notNull(),
    dependsOnId: uuid("depends_on_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.actionId, t.dependsOnId] }),
    foreignKey({
      columns: [t.regionId, t.actionId],
      foreignColumns: [actions.regionId, actions.id],
      name: "action_dependencies_action_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.dependsOnId],
      foreignColumns: [actions.regionId, actions.id],
      name: "action_dependencies_depends_on_fk",
    }).onDelete("cascade"),
    check("action_dependencies_self", sql`${t.actionId} <> ${t.dependsOnId}`),
    index("action_dependencies_depends_on_idx").on(t.regionId, t.dependsOnId),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** A comment on an action: how it goes, what is in the way. */
export const actionComments = pgTable(
  "action_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    actionId: uuid("action_id").notNull(),
    authorUserId: uuid("author_user_id"),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      columns: [t.regionId, t.actionId],
      foreignColumns: [actions.regionId, actions.id],
      name: "action_comments_action_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.authorUserId],
      foreignColumns: [users.regionId, users.id],
      name: "action_comments_author_fk",
    }),
    check("action_comments_body", sql`length(${t.body}) > 0`),
    index("action_comments_action_idx").on(t.regionId, t.actionId, t.createdAt),
    regionIsolation(t.regionId),
  ],
).enableRLS();
