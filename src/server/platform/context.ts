import type { Role } from "../../shared/roles.js";
import { type Db, type Tx, transaction } from "./db.js";
import type { Lang } from "./i18n.js";
import { regions } from "./identity-schema.js";

/** Who is acting: a logged-in user, or an API token (which may belong to a user). */
export interface Actor {
  kind: "session" | "token";
  regionId: string;
  userId: string | null;
  name: string;
  role: Role;
  sessionId?: string;
  tokenId?: string;
}

/** What a service call needs: the region-scoped transaction, the actor, and request facts. */
export interface Ctx {
  tx: Tx;
  actor: Actor;
  lang: Lang;
  requestId: string;
}

/** A region id, or "" for none (the app role then sees no region's rows, as the public map's lookup). */
const REGION_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/i;

/**
 * The SQL that confines the rest of a transaction to a region: `set_config('role', …, true)` is
 * `SET LOCAL ROLE` to the non-owner app role, under which row-level security applies, and
 * `app.region` is what the policies compare `region_id` with. `regionSql` sets the region from an
 * SQL expression (a literal, or a column of the row that identified the caller); not `local`, it
 * sets it for the connection's session, as a read does.
 */
export const appRoleSql = "set_config('role', 'regiotafel_app', true)";
export const regionSql = (expression: string, local = true) =>
  `set_config('app.region', ${expression}, ${local})`;
/**
 * What confines a read, which runs without a transaction (docs/decisions/0007): the app role for
 * the connection's session, and every statement after it read-only, so PostgreSQL refuses a write
 * that a read should not make instead of committing it on its own.
 */
export const readerSql =
  "set_config('role', 'regiotafel_app', false), set_config('default_transaction_read_only', 'on', false)";

/**
 * Runs `fn` in one transaction as the app role with the region set, so row-level security
 * confines every statement to that region. Both settings travel with BEGIN in one round trip, so
 * the region is written into the statement (no parameters there): only a UUID (or "") gets that far.
 */
export function inRegion<T>(db: Db, regionId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return transaction(db, `select ${appRoleSql}, ${regionSql(regionLiteral(regionId))}`, fn);
}

/** What confines a read to a region known beforehand (a caller the server kept, decision 0008). */
export const readerInSql = (regionId: string) =>
  `select ${readerSql}, ${regionSql(regionLiteral(regionId), false)}`;

/** The region id as an SQL literal, written into statement text: only a UUID (or "") gets that far. */
function regionLiteral(regionId: string): string {
  if (!REGION_ID.test(regionId)) throw new Error("A region id written into SQL is not a UUID");
  return `'${regionId}'`;
}

/**
 * Runs `fn` for every region, each in its own region-confined transaction, and adds up what each
 * returns: the hourly jobs (notices, reminders) that count the mails they queue.
 */
export async function inEveryRegion(db: Db, fn: (tx: Tx, regionId: string) => Promise<number>) {
  let total = 0;
  for (const region of await db.select({ id: regions.id }).from(regions))
    total += await inRegion(db, region.id, (tx) => fn(tx, region.id));
  return total;
}

/** Runs `fn` in a transaction with the region's context built from the actor. */
export function withCtx<T>(
  db: Db,
  actor: Actor,
  meta: { lang: Lang; requestId: string },
  fn: (ctx: Ctx) => Promise<T>,
): Promise<T> {
  return inRegion(db, actor.regionId, (tx) => fn({ tx, actor, ...meta }));
}
