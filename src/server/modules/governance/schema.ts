import { type SQL, sql } from "drizzle-orm";
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
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { BODY_KINDS, SEAT_ROLES } from "../../../shared/governance.js";
import { DISCIPLINES } from "../../../shared/network.js";
import { regions } from "../../platform/identity-schema.js";
import { regionId, regionIsolation } from "../../platform/tenancy-schema.js";
import { organisations, persons } from "../network/schema.js";

/** A body (orgaan): the ALV, the bestuur, the medische raad, a stuurgroep, a werkgroep, … */
export const bodies = pgTable(
  "bodies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId().references(() => regions.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: BODY_KINDS }).notNull(),
    name: text("name").notNull(),
    /** What the body is for, in the statuten's or reglement's words. */
    purpose: text("purpose"),
    /** The beleidsterrein of a werkgroep (arbeidsmarkt, ICT, kwaliteit, …). */
    policyArea: text("policy_area"),
    /**
     * The quorum, as the statuten say: at least this share (in %) of the members with a vote must
     * be present for the body to decide. Null: no quorum rule.
     */
    quorumPercent: integer("quorum_percent"),
    /** The short code its decisions are numbered with (ST-2026-014); null: one from its kind. */
    code: text("code"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("bodies_region_id_id_key").on(t.regionId, t.id),
    check("bodies_quorum_percent", sql`${t.quorumPercent} is null or ${t.quorumPercent} between 1 and 100`),
    index("bodies_region_name_idx").on(t.regionId, t.name, t.id),
    // Two bodies numbering their decisions alike would make "ST-2026-014" ambiguous.
    uniqueIndex("bodies_region_code_key").on(t.regionId, t.code),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/**
 * A seat (zetel) in a body: its role, whom it represents (an organisation, a discipline, or a
 * constituency of several organisations, in words) and the reappointment rule. Who holds it, and
 * when, are its terms; a seat without a running term is vacant.
 */
export const seats = pgTable(
  "seats",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    bodyId: uuid("body_id").notNull(),
    role: text("role", { enum: SEAT_ROLES }).notNull(),
    representsOrganisationId: uuid("represents_organisation_id"),
    representsDiscipline: text("represents_discipline", { enum: DISCIPLINES }),
    representsConstituency: text("represents_constituency"),
    /** How long one term lasts, in years, as the reglement says (e.g. 3). */
    termYears: integer("term_years"),
    /** How many terms one holder may serve in a row (e.g. 2: once reappointable); null: no limit. */
    maxTerms: integer("max_terms"),
    /**
     * From this day the seat no longer exists (the reglement changed); it stays for the
     * composition on earlier dates. Null: the seat exists.
     */
    abolishedOn: date("abolished_on"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("seats_region_id_id_key").on(t.regionId, t.id),
    foreignKey({
      columns: [t.regionId, t.bodyId],
      foreignColumns: [bodies.regionId, bodies.id],
      name: "seats_body_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.representsOrganisationId],
      foreignColumns: [organisations.regionId, organisations.id],
      name: "seats_represents_organisation_fk",
    }),
    check("seats_term_years", sql`${t.termYears} is null or ${t.termYears} between 1 and 10`),
    check("seats_max_terms", sql`${t.maxTerms} is null or ${t.maxTerms} between 1 and 10`),
    index("seats_body_idx").on(t.regionId, t.bodyId),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** A term (zittingstermijn): who held a seat from when until when. Terms of one seat never overlap. */
export const seatTerms = pgTable(
  "seat_terms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    seatId: uuid("seat_id").notNull(),
    personId: uuid("person_id").notNull(),
    startDate: date("start_date").notNull(),
    endDate: date("end_date"),
    /** When the term's coming end was announced to the holder and the bureau (once). */
    endingNoticeSentAt: timestamp("ending_notice_sent_at", { withTimezone: true }),
    /** When the seat falling vacant at the term's end was announced to the bureau (once). */
    vacancyNoticeSentAt: timestamp("vacancy_notice_sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    foreignKey({
      columns: [t.regionId, t.seatId],
      foreignColumns: [seats.regionId, seats.id],
      name: "seat_terms_seat_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.personId],
      foreignColumns: [persons.regionId, persons.id],
      name: "seat_terms_person_fk",
    }),
    check("seat_terms_period", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    index("seat_terms_seat_idx").on(t.regionId, t.seatId, t.startDate),
    index("seat_terms_person_idx").on(t.regionId, t.personId),
    index("seat_terms_end_idx").on(t.regionId, t.endDate),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/**
 * A seat term is held on `day` (a date, or SQL giving one) when it began by then and had not
 * ended before it. `t` names the seat_terms row (an alias, or the table itself), so the rule
 * reads the same in joins, subqueries and one-table selects.
 */
/** SQL: seat `s` (a table alias) exists on `day`: it was not abolished on or before it. */
export const seatExistsOn = (day: string | SQL, s = "seats") => {
  const seat = sql.raw(s);
  return sql`(${seat}.abolished_on is null or ${seat}.abolished_on > ${day})`;
};

export const termHeldOn = (day: string | SQL, t = "seat_terms") => {
  const term = sql.raw(t);
  return sql`${term}.start_date <= ${day} and (${term}.end_date is null or ${term}.end_date >= ${day})`;
};
