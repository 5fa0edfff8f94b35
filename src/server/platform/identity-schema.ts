import { sql } from "drizzle-orm";
import {
  boolean,
  foreignKey,
  index,
  integer,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ROLES } from "../../shared/roles.js";
import { appRole, regionId, regionIsolation } from "./tenancy-schema.js";

/** A regio-organisatie: the tenant. Created by the platform operator (CLI). */
export const regions = pgTable(
  "regions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    logoFileId: uuid("logo_file_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    pgPolicy("region_isolation", {
      for: "all",
      to: appRole,
      using: sql`${t.id} = nullif(current_setting('app.region', true), '')::uuid`,
      withCheck: sql`${t.id} = nullif(current_setting('app.region', true), '')::uuid`,
    }),
  ],
).enableRLS();

/** The gemeenten a region chose as its werkgebied (CBS gemeentecode GM0000). */
export const regionMunicipalities = pgTable(
  "region_municipalities",
  {
    regionId: regionId().references(() => regions.id, { onDelete: "cascade" }),
    cbsCode: text("cbs_code").notNull(),
    name: text("name").notNull(),
    inhabitants: integer("inhabitants"),
  },
  (t) => [unique("region_municipalities_pk").on(t.regionId, t.cbsCode), regionIsolation(t.regionId)],
).enableRLS();

/** An account. One e-mail address is one account, in one region. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId().references(() => regions.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    status: text("status", { enum: ["invited", "active", "deactivated"] })
      .notNull()
      .default("invited"),
    language: text("language", { enum: ["nl", "en"] })
      .notNull()
      .default("nl"),
    passwordHash: text("password_hash"),
    totpSecret: text("totp_secret"),
    totpEnabled: boolean("totp_enabled").notNull().default(false),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    unique("users_region_id_id_key").on(t.regionId, t.id),
    index("users_region_name_idx").on(t.regionId, t.name, t.id),
    index("users_region_role_idx").on(t.regionId, t.role),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** A browser session; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    regionId: regionId(),
    userId: uuid("user_id").notNull(),
    csrfToken: text("csrf_token").notNull(),
    userAgent: text("user_agent"),
    ip: text("ip"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.regionId, t.userId], foreignColumns: [users.regionId, users.id] }).onDelete(
      "cascade",
    ),
    index("sessions_user_idx").on(t.regionId, t.userId),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** One-time tokens sent by e-mail: invitations and password resets (hashed). */
export const userTokens = pgTable(
  "user_tokens",
  {
    id: text("id").primaryKey(),
    regionId: regionId(),
    userId: uuid("user_id").notNull(),
    kind: text("kind", { enum: ["invitation", "password_reset"] }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.regionId, t.userId], foreignColumns: [users.regionId, users.id] }).onDelete(
      "cascade",
    ),
    regionIsolation(t.regionId),
  ],
).enableRLS();

/** Bearer tokens for the API, scoped to one region and one role; stored as SHA-256. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: regionId(),
    /** The owner; null for tokens made by the operator on the command line. */
    userId: uuid("user_id"),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters, shown so people can tell their tokens apart. */
    prefix: text("prefix").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    unique("api_tokens_region_id_id_key").on(t.regionId, t.id),
    foreignKey({ columns: [t.regionId, t.userId], foreignColumns: [users.regionId, users.id] }).onDelete(
      "cascade",
    ),
    index("api_tokens_user_idx").on(t.regionId, t.userId),
    regionIsolation(t.regionId),
  ],
).enableRLS();
