import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import {
  COMMENT_HANDLINGS,
  CONSULTATION_AUDIENCES,
  CONSULTATION_OUTCOMES,
  CONSULTATION_STATUSES,
} from "../../../shared/consultation.js";
import { DISCIPLINES } from "../../../shared/network.js";
import { regionId, regionIsolation } from "../../platform/tenancy-schema.js";
import { persons } from "../network/schema.js";
import { decisions } from "./decisions-schema.js";
import { meetings } from "./meetings-schema.js";
import { bodies } from "./schema.js";

/**
 * An adviesnotitie of a werkgroep (`bodyId`) on a beleidsterrein, and the consultation round it
 * goes through before `decidingBodyId` decides. The questions are fixed once the round opens.
 */
export const consultations = pgTable(
  "consultations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    bodyId: uuid("body_id").notNull(),
    policyArea: text("policy_area"),
    title: text("title").notNull(),
    /** The adviesnotitie itself, as Markdown. */
    text: text("text"),
    questions: jsonb("questions").$type<string[]>().notNull(),
    audience: text("audience", { enum: CONSULTATION_AUDIENCES }).notNull(),
    /** Only these verenigingen or WSVs; null: all of them. */
    audienceOrganisationIds: jsonb("audience_organisation_ids").$type<string[]>(),
    /** The last day on which members can respond (Dutch calendar day). */
    deadline: date("deadline"),
    status: text("status", { enum: CONSULTATION_STATUSES }).notNull().default("draft"),
    decidingBodyId: uuid("deciding_body_id"),
    meetingId: uuid("meeting_id"),
    decisionId: uuid("decision_id"),
    outcome: text("outcome", { enum: CONSULTATION_OUTCOMES }),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("consultations_region_id_id_key").on(t.regionId, t.id),
    foreignKey({
      columns: [t.regionId, t.bodyId],
      foreignColumns: [bodies.regionId, bodies.id],
      name: "consultations_body_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.decidingBodyId],
      foreignColumns: [bodies.regionId, bodies.id],
      name: "consultations_deciding_body_fk",
    }),
    foreignKey({
      columns: [t.regionId, t.meetingId],
      foreignColumns: [meetings.regionId, meetings.id],
      name: "consultations_meeting_fk",
    }),
    foreignKey({
      columns: [t.regionId, t.decisionId],
      foreignColumns: [decisions.regionId, decisions.id],
      name: "consultations_decision_fk",
    }),
    index("consultations_list_idx").on(t.regionId, t.createdAt, t.id),
    index("consultations_body_idx").on(t.regionId, t.bodyId, t.createdAt),
    index("consultations_status_idx").on(t.regionId, t.status, t.createdAt),
    index("consultations_deciding_body_idx").on(t.regionId, t.decidingBodyId),
    index("consultations_meeting_idx").on(t.regionId, t.meetingId),
    index("consultations_decision_idx").on(t.regionId, t.decisionId),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/**
 * Who was asked, fixed when the round opens, with their discipline and WSV as they were then: the
 * results are grouped by those, and a move afterwards does not rewrite them.
 */
export const consultationInvitees = pgTable(
  "consultation_invitees",
  {
    regionId: regionId(),
    consultationId: uuid("consultation_id").notNull(),
    personId: uuid("person_id").notNull(),
    discipline: text("discipline", { enum: DISCIPLINES }),
    networkId: uuid("network_id"),
    networkName: text("network_name"),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.consultationId, t.personId] }),
    unique("consultation_invitees_region_key").on(t.regionId, t.consultationId, t.personId),
    foreignKey({
      columns: [t.regionId, t.consultationId],
      foreignColumns: [consultations.regionId, consultations.id],
      name: "consultation_invitees_consultation_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.personId],
      foreignColumns: [persons.regionId, persons.id],
      name: "consultation_invitees_person_fk",
    }),
    // "My consultations": the rounds a person was asked in.
    index("consultation_invitees_person_idx").on(t.regionId, t.personId, t.consultationId),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/**
 * A respondent's answer to one question: support 1–5 and an optional comment, and how the
 * werkgroep handled that comment in the notitie.
 */
export const consultationAnswers = pgTable(
  "consultation_answers",
  {
    regionId: regionId(),
    consultationId: uuid("consultation_id").notNull(),
    personId: uuid("person_id").notNull(),
    question: integer("question").notNull(),
    support: integer("support").notNull(),
    comment: text("comment"),
    handling: text("handling", { enum: COMMENT_HANDLINGS }),
    handlingNote: text("handling_note"),
    handledAt: timestamp("handled_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.consultationId, t.personId, t.question] }),
    foreignKey({
      columns: [t.regionId, t.consultationId, t.personId],
      foreignColumns: [
        consultationInvitees.regionId,
        consultationInvitees.consultationId,
        consultationInvitees.personId,
      ],
      name: "consultation_answers_invitee_fk",
    }).onDelete("cascade"),
    check("consultation_answers_support", sql`${t.support} between 1 and 5`),
    check("consultation_answers_question", sql`${t.question} between 0 and 19`),
    regionIsolation(t.regionId),
  ],
).enableRLS();
