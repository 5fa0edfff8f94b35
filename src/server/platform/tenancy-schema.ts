import { sql } from "drizzle-orm";
import { type AnyPgColumn, pgPolicy, pgRole, uuid } from "drizzle-orm/pg-core";

/**
 * The role every request runs as (`SET LOCAL ROLE` inside its transaction). It owns no table,
 * so PostgreSQL applies row-level security to it; the migrations create it.
 */
export const appRole = pgRole("regiotafel_app").existing();

/** The region (tenant) id column every tenant-owned table carries. */
export const regionId = () => uuid("region_id").notNull();

/**
 * Row-level security for a tenant-owned table: rows are visible and writable only when their
 * region is the transaction's `app.region`. This is the second wall behind the queries' own
 * region filter; composite foreign keys that include region_id are the third.
 */
export function regionIsolation(column: AnyPgColumn) {
  const sameRegion = sql`${column} = nullif(current_setting('app.region', true), '')::uuid`;
  return pgPolicy("region_isolation", {
    as: "permissive",
    for: "all",
    to: appRole,
    using: sameRegion,
    withCheck: sameRegion,
  });
}
