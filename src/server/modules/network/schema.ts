import { getTableColumns, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import {
  DISCIPLINES,
  MEMBERSHIP_TYPES,
  ORGANISATION_KINDS,
  ORGANISATION_STATUSES,
  PERSON_VISIBILITIES,
} from "../../../shared/network.js";
import { regions } from "../../platform/identity-schema.js";
import { regionId, regionIsolation } from "../../platform/tenancy-schema.js";

/** PostgreSQL's full-text document type; only ever written by the database itself. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * An organisation in the region's network: a practice, a WSV, a zorggroep, a vereniging, a
 * partner. `parentId` builds the structure (practice → WSV → coöperatie); a merged organisation
 * keeps its row with status `merged` and `mergedIntoId`, so its history stays readable.
 */
export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId().references(() => regions.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ORGANISATION_KINDS }).notNull(),
    name: text("name").notNull(),
    status: text("status", { enum: ORGANISATION_STATUSES }).notNull().default("active"),
    statusDate: date("status_date"),
    parentId: uuid("parent_id"),
    mergedIntoId: uuid("merged_into_id"),
    visitStreet: text("visit_street"),
    visitHouseNumber: text("visit_house_number"),
    visitPostcode: text("visit_postcode"),
    visitCity: text("visit_city"),
    postalStreet: text("postal_street"),
    postalHouseNumber: text("postal_house_number"),
    postalPostcode: text("postal_postcode"),
    postalCity: text("postal_city"),
    phone: text("phone"),
    email: text("email"),
    website: text("website"),
    agbCode: text("agb_code"),
    kvkNumber: text("kvk_number"),
    /** CBS gemeentecode (GM0000) and wijkcode (WK000000) of the location. */
    municipalityCode: text("municipality_code"),
    wijkCode: text("wijk_code"),
    /**
     * The Dutch full-text document of the sociale kaart: name (weight A), the words people use
     * for the kind, e.g. "huisarts" for a huisartsenpraktijk (B), street and town (C). Stemmed by
     * the `dutch` configuration, so "apotheken" finds "Apotheek".
     */
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector('dutch', name), 'A') || setweight(to_tsvector('dutch', organisation_search_terms(kind)), 'B') || setweight(to_tsvector('dutch', coalesce(visit_street, '') || ' ' || coalesce(visit_city, '')), 'C')`,
    ),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("organisations_region_id_id_key").on(t.regionId, t.id),
    // A parent or merge target in another region is refused by the database itself.
    foreignKey({
      columns: [t.regionId, t.parentId],
      foreignColumns: [t.regionId, t.id] as [AnyPgColumn, AnyPgColumn],
      name: "organisations_parent_fk",
    }),
    foreignKey({
      columns: [t.regionId, t.mergedIntoId],
      foreignColumns: [t.regionId, t.id] as [AnyPgColumn, AnyPgColumn],
      name: "organisations_merged_into_fk",
    }),
    index("organisations_region_name_idx").on(t.regionId, t.name, t.id),
    index("organisations_region_kind_idx").on(t.regionId, t.kind, t.name, t.id),
    index("organisations_region_parent_idx").on(t.regionId, t.parentId),
    // The merge foreign key is checked on every delete; without this index, each one scans.
    index("organisations_region_merged_into_idx").on(t.regionId, t.mergedIntoId),
    index("organisations_region_municipality_idx").on(t.regionId, t.municipalityCode),
    index("organisations_agb_idx").on(t.regionId, t.agbCode),
    index("organisations_kvk_idx").on(t.regionId, t.kvkNumber),
    // Substring and typo-tolerant search on the name (pg_trgm).
    index("organisations_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
    index("organisations_search_idx").using("gin", t.searchVector),
    index("organisations_region_wijk_idx").on(t.regionId, t.wijkCode),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/**
 * An organisation's columns without `search_vector`: that is for the database's own matching, and
 * selecting it would ship and parse a long text per row for nothing.
 */
const { searchVector: _matchingOnly, ...columnsWithoutVector } = getTableColumns(organisations);
export const organisationColumns = columnsWithoutVector;
export type OrganisationRow = Omit<typeof organisations.$inferSelect, "searchVector">;

/** A care professional or contact person (never a patient). */
export const persons = pgTable(
  "persons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId().references(() => regions.id, { onDelete: "cascade" }),
    givenName: text("given_name").notNull(),
    /** Tussenvoegsel ("van", "de", "van der"), kept apart so lists sort on the family name. */
    namePrefix: text("name_prefix"),
    familyName: text("family_name").notNull(),
    disciplines: text("disciplines", { enum: DISCIPLINES }).array().notNull().default(sql`'{}'`),
    bigNumber: text("big_number"),
    agbCode: text("agb_code"),
    email: text("email"),
    /** The address in lowercase, kept by the database: how an account finds its person (decision 0005). */
    emailKey: text("email_key").generatedAlwaysAs(sql`lower(email)`),
    phone: text("phone"),
    visibility: text("visibility", { enum: PERSON_VISIBILITIES }).notNull().default("members"),
    /** Set when the person's personal data was erased on request (AVG); the row stays for counts. */
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("persons_region_id_id_key").on(t.regionId, t.id),
    index("persons_region_family_idx").on(t.regionId, t.familyName, t.givenName, t.id),
    index("persons_region_big_idx").on(t.regionId, t.bigNumber),
    index("persons_region_agb_idx").on(t.regionId, t.agbCode),
    // A user's own person (same e-mail address): "my meetings", "my actions".
    index("persons_region_email_idx").on(t.regionId, t.emailKey),
    index("persons_disciplines_idx").using("gin", t.disciplines),
    // The people on a card of the sociale kaart or a WSV profile, looked up by id: also carries the
    // name, disciplines and visibility (INCLUDE, migration 0040), so no table page is visited.
    index("persons_region_card_idx").on(t.regionId, t.id),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** A person works at an organisation, in a function, for a period (one person, several places). */
export const workRelations = pgTable(
  "work_relations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    personId: uuid("person_id").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    function: text("function"),
    /** Full-time equivalent, 0.01 to 1.5, as a decimal string ("0.80"). */
    fte: numeric("fte", { precision: 3, scale: 2 }),
    fromDate: date("from_date"),
    toDate: date("to_date"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    foreignKey({
      columns: [t.regionId, t.personId],
      foreignColumns: [persons.regionId, persons.id],
      name: "work_relations_person_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.regionId, t.organisationId],
      foreignColumns: [organisations.regionId, organisations.id],
      name: "work_relations_organisation_fk",
    }).onDelete("cascade"),
    index("work_relations_person_idx").on(t.regionId, t.personId),
    // Also carries person_id, to_date and function (INCLUDE, migration 0039).
    index("work_relations_organisation_idx").on(t.regionId, t.organisationId),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/**
 * Membership of a person or an organisation (exactly one) in a coöperatie, vereniging or WSV
 * (`organisationId`), for a period. History stays: a membership ends, it is not removed.
 */
export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    organisationId: uuid("organisation_id").notNull(),
    memberPersonId: uuid("member_person_id"),
    memberOrganisationId: uuid("member_organisation_id"),
    type: text("type", { enum: MEMBERSHIP_TYPES }).notNull().default("member"),
    startDate: date("start_date").notNull(),
    endDate: date("end_date"),
    contributionCategory: text("contribution_category"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    foreignKey({
      columns: [t.regionId, t.organisationId],
      foreignColumns: [organisations.regionId, organisations.id],
      name: "memberships_organisation_fk",
    }),
    foreignKey({
      columns: [t.regionId, t.memberPersonId],
      foreignColumns: [persons.regionId, persons.id],
      name: "memberships_member_person_fk",
    }),
    foreignKey({
      columns: [t.regionId, t.memberOrganisationId],
      foreignColumns: [organisations.regionId, organisations.id],
      name: "memberships_member_organisation_fk",
    }),
    check(
      "memberships_one_member",
      sql`(${t.memberPersonId} is null) <> (${t.memberOrganisationId} is null)`,
    ),
    check("memberships_period", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    index("memberships_organisation_idx").on(t.regionId, t.organisationId, t.startDate),
    index("memberships_person_idx").on(t.regionId, t.memberPersonId),
    index("memberships_member_organisation_idx").on(t.regionId, t.memberOrganisationId),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** Whether the region publishes its sociale kaart without login (for the gemeente and partners). */
export const socialMapSettings = pgTable(
  "social_map_settings",
  {
    regionId: uuid("region_id")
      .primaryKey()
      .references(() => regions.id, { onDelete: "cascade" }),
    public: boolean("public").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [regionIsolation(t.regionId)],
).enableRLS();
