import { sql } from "drizzle-orm";
import {
  boolean,
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
  BALLOTS,
  MAJORITY_RULES,
  PROPOSAL_KINDS,
  PROPOSAL_STATUSES,
  type Tally,
  VOTE_WEIGHTINGS,
  VOTING_MODES,
} from "../../../shared/voting.js";
import { regionId, regionIsolation } from "../../platform/tenancy-schema.js";
import { persons } from "../network/schema.js";
import { decisions } from "./decisions-schema.js";
import { agendaItems, meetings } from "./meetings-schema.js";
import { bodies } from "./schema.js";

/**
 * A proposal (voorstel) put to the vote in a body, with the rules it is voted by, copied from the
 * body's statuten when it is written and fixed once the vote opens. `result` is the tally frozen
 * at closing: after that nothing about the vote changes.
 */
export const proposals = pgTable(
  "proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    bodyId: uuid("body_id").notNull(),
    meetingId: uuid("meeting_id"),
    /** The agenda item of that meeting the proposal is voted on under. */
    agendaItemId: uuid("agenda_item_id"),
    title: text("title").notNull(),
    /** The proposal itself, as Markdown. */
    text: text("text"),
    kind: text("kind", { enum: PROPOSAL_KINDS }).notNull(),
    /** The options of a choice (without onthouding, which every vote offers). */
    choices: jsonb("choices").$type<string[]>(),
    majority: text("majority", { enum: MAJORITY_RULES }).notNull(),
    quorumPercent: integer("quorum_percent"),
    weighting: text("weighting", { enum: VOTE_WEIGHTINGS }).notNull(),
    /** How many proxies (volmachten) one voter may hold, as the statuten say; 0: none. */
    maxProxies: integer("max_proxies").notNull(),
    ballot: text("ballot", { enum: BALLOTS }).notNull(),
    mode: text("mode", { enum: VOTING_MODES }).notNull(),
    opensAt: timestamp("opens_at", { withTimezone: true }),
    closesAt: timestamp("closes_at", { withTimezone: true }),
    status: text("status", { enum: PROPOSAL_STATUSES }).notNull().default("draft"),
    /** The day whose seat holders make up the electorate (the day the vote opened). */
    electorateOn: date("electorate_on"),
    result: jsonb("result").$type<Tally>(),
    /** The decision in the besluitenlijst that records the result, once the bureau records it. */
    decisionId: uuid("decision_id"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("proposals_region_id_id_key").on(t.regionId, t.id),
    foreignKey({
      columns: [t.regionId, t.bodyId],
      foreignColumns: [bodies.regionId, bodies.id],
      name: "proposals_body_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.meetingId],
      foreignColumns: [meetings.regionId, meetings.id],
      name: "proposals_meeting_fk",
    }),
    foreignKey({
      columns: [t.regionId, t.agendaItemId],
      foreignColumns: [agendaItems.regionId, agendaItems.id],
      name: "proposals_agenda_item_fk",
    }).onDelete("set null"),
    foreignKey({
      columns: [t.regionId, t.decisionId],
      foreignColumns: [decisions.regionId, decisions.id],
      name: "proposals_decision_fk",
    }),
    index("proposals_decision_idx").on(t.regionId, t.decisionId),
    check(
      "proposals_quorum_percent",
      sql`${t.quorumPercent} is null or ${t.quorumPercent} between 1 and 100`,
    ),
    check("proposals_max_proxies", sql`${t.maxProxies} between 0 and 10`),
    check(
      "proposals_window",
      sql`${t.closesAt} is null or ${t.opensAt} is null or ${t.closesAt} > ${t.opensAt}`,
    ),
    index("proposals_list_idx").on(t.regionId, t.createdAt, t.id),
    index("proposals_body_idx").on(t.regionId, t.bodyId, t.createdAt),
    index("proposals_meeting_idx").on(t.regionId, t.meetingId),
    index("proposals_agenda_item_idx").on(t.regionId, t.agendaItemId),
    index("proposals_open_idx").on(t.regionId, t.closesAt).where(sql`${t.status} = 'open'`),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/**
 * The electorate, fixed when the vote opens: one row per vote (a person, or a member
 * organisation) and per person who may cast it (an organisation with two representatives has two
 * rows). `unitName` keeps the name as it was, for the record.
 */
export const proposalVoters = pgTable(
  "proposal_voters",
  {
    regionId: regionId(),
    proposalId: uuid("proposal_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    unitName: text("unit_name").notNull(),
    personId: uuid("person_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.unitId, t.personId] }),
    foreignKey({
      columns: [t.regionId, t.proposalId],
      foreignColumns: [proposals.regionId, proposals.id],
      name: "proposal_voters_proposal_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.personId],
      foreignColumns: [persons.regionId, persons.id],
      name: "proposal_voters_person_fk",
    }),
    index("proposal_voters_person_idx").on(t.regionId, t.personId, t.proposalId),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** A proxy (volmacht): the vote `unitId` is cast by `holderPersonId`. At most one per vote. */
export const proposalProxies = pgTable(
  "proposal_proxies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    proposalId: uuid("proposal_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    grantedByPersonId: uuid("granted_by_person_id").notNull(),
    holderPersonId: uuid("holder_person_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("proposal_proxies_unit_key").on(t.proposalId, t.unitId),
    foreignKey({
      columns: [t.regionId, t.proposalId],
      foreignColumns: [proposals.regionId, proposals.id],
      name: "proposal_proxies_proposal_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.holderPersonId],
      foreignColumns: [persons.regionId, persons.id],
      name: "proposal_proxies_holder_fk",
    }),
    index("proposal_proxies_holder_idx").on(t.regionId, t.proposalId, t.holderPersonId),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/**
 * A ballot: that a vote was cast, by whom and how. In a secret ballot `choice` stays null: the
 * choice only adds one to `proposal_counts`, so no row links a voter to a choice.
 */
export const proposalBallots = pgTable(
  "proposal_ballots",
  {
    regionId: regionId(),
    proposalId: uuid("proposal_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    castByPersonId: uuid("cast_by_person_id"),
    byProxy: boolean("by_proxy").notNull().default(false),
    mode: text("mode", { enum: VOTING_MODES }).notNull(),
    choice: integer("choice"),
    castAt: timestamp("cast_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.unitId] }),
    foreignKey({
      columns: [t.regionId, t.proposalId],
      foreignColumns: [proposals.regionId, proposals.id],
      name: "proposal_ballots_proposal_fk",
    }).onDelete("cascade"),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** Votes per option: what the tally counts, for open and secret ballots alike. */
export const proposalCounts = pgTable(
  "proposal_counts",
  {
    regionId: regionId(),
    proposalId: uuid("proposal_id").notNull(),
    choice: integer("choice").notNull(),
    votes: integer("votes").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.choice] }),
    foreignKey({
      columns: [t.regionId, t.proposalId],
      foreignColumns: [proposals.regionId, proposals.id],
      name: "proposal_counts_proposal_fk",
    }).onDelete("cascade"),
    regionIsolation(t.regionId),
  ],
).enableRLS();
