import { sql } from "drizzle-orm";
import {
  check,
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
import { PRIORITISATION_STATUSES } from "../../../shared/plan.js";
import { regions } from "../../platform/identity-schema.js";
import { regionId, regionIsolation } from "../../platform/tenancy-schema.js";
import { bodies } from "../governance/schema.js";
import { organisations, persons } from "../network/schema.js";
import { resultAreas } from "./schema.js";

/**
 * A prioritisation (prioritering): an alliance or werkgroep gathers topics with its partners,
 * each participant divides a number of points over them, and the most supported topics become
 * the speerpunten (in Katwijk: four, from a list that held "gezond rondkomen").
 */
export const prioritisations = pgTable(
  "prioritisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId().references(() => regions.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    /** The body that holds it (an alliantie, a werkgroep), when there is one. */
    bodyId: uuid("body_id"),
    /** How many points each participant divides over the topics. */
    pointsPerParticipant: integer("points_per_participant").notNull().default(10),
    /** How many speerpunten are to be chosen. */
    priorityCount: integer("priority_count").notNull().default(4),
    status: text("status", { enum: PRIORITISATION_STATUSES }).notNull().default("gathering"),
    decidedOn: timestamp("decided_on", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("prioritisations_region_id_id_key").on(t.regionId, t.id),
    foreignKey({
      columns: [t.regionId, t.bodyId],
      foreignColumns: [bodies.regionId, bodies.id],
      name: "prioritisations_body_fk",
    }),
    check("prioritisations_points", sql`${t.pointsPerParticipant} between 1 and 100`),
    check("prioritisations_priority_count", sql`${t.priorityCount} between 1 and 20`),
    index("prioritisations_list_idx").on(t.regionId, t.createdAt, t.id),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** A topic (onderwerp) brought in by the bureau or a partner, such as "gezond rondkomen". */
export const topics = pgTable(
  "topics",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    prioritisationId: uuid("prioritisation_id").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    /** The organisation that brought it in (the gemeente, the welzijnsorganisatie, …). */
    proposedByOrganisationId: uuid("proposed_by_organisation_id"),
    /** The account that wrote it down: a partner or member may change their own topics. */
    createdByUserId: uuid("created_by_user_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("topics_region_id_id_key").on(t.regionId, t.id),
    unique("topics_title_key").on(t.regionId, t.prioritisationId, t.title),
    foreignKey({
      columns: [t.regionId, t.prioritisationId],
      foreignColumns: [prioritisations.regionId, prioritisations.id],
      name: "topics_prioritisation_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.proposedByOrganisationId],
      foreignColumns: [organisations.regionId, organisations.id],
      name: "topics_organisation_fk",
    }),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** The points one participant gave one topic; together a participant's points stay within the allowance. */
export const topicScores = pgTable(
  "topic_scores",
  {
    regionId: regionId(),
    prioritisationId: uuid("prioritisation_id").notNull(),
    topicId: uuid("topic_id").notNull(),
    personId: uuid("person_id").notNull(),
    points: integer("points").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.topicId, t.personId] }),
    foreignKey({
      columns: [t.regionId, t.prioritisationId],
      foreignColumns: [prioritisations.regionId, prioritisations.id],
      name: "topic_scores_prioritisation_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.topicId],
      foreignColumns: [topics.regionId, topics.id],
      name: "topic_scores_topic_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.personId],
      foreignColumns: [persons.regionId, persons.id],
      name: "topic_scores_person_fk",
    }),
    check("topic_scores_points", sql`${t.points} > 0`),
    index("topic_scores_person_idx").on(t.regionId, t.prioritisationId, t.personId),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** A speerpunt: a topic chosen in a prioritisation, which gets concrete actions. */
export const priorities = pgTable(
  "priorities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    prioritisationId: uuid("prioritisation_id").notNull(),
    topicId: uuid("topic_id").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    /** The resultaatgebied of the regioplan it contributes to, when there is one. */
    resultAreaId: uuid("result_area_id"),
    position: integer("position").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("priorities_region_id_id_key").on(t.regionId, t.id),
    unique("priorities_topic_key").on(t.regionId, t.topicId),
    foreignKey({
      columns: [t.regionId, t.prioritisationId],
      foreignColumns: [prioritisations.regionId, prioritisations.id],
      name: "priorities_prioritisation_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.topicId],
      foreignColumns: [topics.regionId, topics.id],
      name: "priorities_topic_fk",
    }),
    foreignKey({
      columns: [t.regionId, t.resultAreaId],
      foreignColumns: [resultAreas.regionId, resultAreas.id],
      name: "priorities_result_area_fk",
    }),
    index("priorities_list_idx").on(t.regionId, t.prioritisationId, t.position),
    index("priorities_result_area_idx").on(t.regionId, t.resultAreaId),
    regionIsolation(t.regionId),
  ],
).enableRLS();
