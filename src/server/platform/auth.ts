import { sql } from "drizzle-orm";
import type { Role } from "../../shared/roles.js";
import { callerCacheOf } from "./caller-cache.js";
import { type Actor, readerInSql, readerSql, regionSql } from "./context.js";
import { type Db, type OpenTransaction, openTransaction } from "./db.js";
import { hashToken } from "./secrets.js";

export const SESSION_COOKIE = "rt_session";
export const API_TOKEN_PREFIX = "rt_";

/** Seen-at timestamps are refreshed at most this often, so reads do not each cause a write. */
const TOUCH_AFTER_MS = 5 * 60_000;

export interface Caller {
  actor: Actor;
  /** The session's CSRF token (cookie sessions only). */
  csrfToken?: string;
  /** With `open`: the request's region-scoped transaction, already begun (server only). */
  transaction?: OpenTransaction;
}

/**
 * The row that identifies a caller, and how to refresh its seen-at. The SQL is text with the
 * token's hash written in, so it can travel in one round trip with BEGIN: the hash is our own
 * SHA-256 hex (checked), never the caller's input. It reads as the table owner, because the region
 * is not known before it; `setRegion` also sets the region from the row it finds.
 */
interface Lookup {
  /** The hash that identifies the caller, under which a server keeps it (caller-cache.ts). */
  key: string;
  /** The lookup with the hash written in, as the table owner (no transaction needed). */
  select: string;
  /** The same as a prepared statement that also sets the region for a read, and how to execute it. */
  prepared: { name: string; sql: string };
  execute: string;
  touch(row: CallerRow): string;
  actor(row: CallerRow): Actor;
}
interface CallerRow {
  regionId: string;
  userId: string | null;
  role: Role;
  userName: string | null;
  /** A Date from pg, a string through Drizzle (which keeps timestamps as text). */
  seenAt: Date | string | null;
  expiresAt: Date | string | null;
  sessionId?: string;
  csrfToken?: string;
  tokenId?: string;
  tokenName?: string;
}

const HASH = /^[0-9a-f]{64}$/;
function hashed(token: string): string {
  const hash = hashToken(token);
  if (!HASH.test(hash)) throw new Error("auth: a token hash is not SHA-256 hex");
  return hash;
}

const sessionSelect = (
  id: string,
  setRegion: boolean,
) => `select s.id as "sessionId", s.region_id as "regionId",
    s.user_id as "userId", s.csrf_token as "csrfToken", s.last_seen_at as "seenAt", s.expires_at as "expiresAt", u.name as "userName", u.role
    ${setRegion ? `, ${regionSql("s.region_id::text", false)}` : ""}
  from sessions s join users u on u.region_id = s.region_id and u.id = s.user_id
  where s.id = ${id} and s.expires_at > now() and u.status = 'active' limit 1`;

// A token belonging to a deactivated account stops working with it.
const tokenSelect = (
  hash: string,
  setRegion: boolean,
) => `select t.id as "tokenId", t.region_id as "regionId",
    t.user_id as "userId", t.name as "tokenName", t.role, t.last_used_at as "seenAt", t.expires_at as "expiresAt", u.name as "userName"
    ${setRegion ? `, ${regionSql("t.region_id::text", false)}` : ""}
  from api_tokens t left join users u on u.region_id = t.region_id and u.id = t.user_id
  where t.token_hash = ${hash} and t.revoked_at is null
    and (t.expires_at is null or t.expires_at > now())
    and (t.user_id is null or u.status = 'active') limit 1`;

const SESSION_PREPARED = {
  name: "rt_caller_session",
  sql: `prepare rt_caller_session(text) as ${sessionSelect("$1", true)}`,
};
const TOKEN_PREPARED = {
  name: "rt_caller_token",
  sql: `prepare rt_caller_token(text) as ${tokenSelect("$1", true)}`,
};

function sessionLookup(token: string): Lookup {
  const id = hashed(token);
  return {
    key: id,
    select: sessionSelect(`'${id}'`, false),
    prepared: SESSION_PREPARED,
    execute: `execute ${SESSION_PREPARED.name}('${id}')`,
    touch: () => `update sessions set last_seen_at = now() where id = '${id}'`,
    actor: (row) => ({
      kind: "session",
      regionId: row.regionId,
      userId: row.userId,
      name: row.userName ?? "",
      role: row.role,
      sessionId: row.sessionId,
    }),
  };
}

function tokenLookup(token: string): Lookup {
  const hash = hashed(token);
  return {
    key: hash,
    select: tokenSelect(`'${hash}'`, false),
    prepared: TOKEN_PREPARED,
    execute: `execute ${TOKEN_PREPARED.name}('${hash}')`,
    touch: (row) => `update api_tokens set last_used_at = now() where id = '${row.tokenId}'`,
    actor: (row) => ({
      kind: "token",
      regionId: row.regionId,
      userId: row.userId,
      name: row.userName ? `${row.userName} (API-token ${row.tokenName})` : `API-token ${row.tokenName}`,
      role: row.role,
      tokenId: row.tokenId,
    }),
  };
}

const stale = (row: CallerRow) => !row.seenAt || Date.now() - new Date(row.seenAt).getTime() > TOUCH_AFTER_MS;

/**
 * Finds who is calling from a bearer token or a session cookie. With `read`, on a server, the
 * lookup also opens the request's read as the app role in the caller's region, all in one round
 * trip (docs/decisions/0006 and 0007), or in none when the server kept the caller and the
 * connection is already confined to its region (docs/decisions/0008); the caller must end it
 * (`run` or `close`). Elsewhere the transaction is begun later, by `withCtx`.
 */
export async function resolveActor(
  db: Db,
  creds: { sessionToken?: string; bearer?: string },
  opts: { read?: boolean } = {},
): Promise<Caller | null> {
  const lookup = creds.bearer
    ? creds.bearer.startsWith(API_TOKEN_PREFIX)
      ? tokenLookup(creds.bearer)
      : null
    : creds.sessionToken
      ? sessionLookup(creds.sessionToken)
      : null;
  if (!lookup) return null;
  const opened = opts.read ? await openRead(db, lookup) : undefined;
  if (opened === null) return null;
  if (opened) {
    const { row, transaction } = opened;
    // The one write the read makes: in its own transaction, as the owner (the app role may not).
    // The kept row is marked first, so concurrent reads of the same caller do not all write.
    if (stale(row)) {
      row.seenAt = new Date();
      await transaction.exec(`begin read write; set local role none; ${lookup.touch(row)}; commit`);
    }
    return { actor: lookup.actor(row), csrfToken: row.csrfToken, transaction };
  }
  const found = (await db.execute(sql.raw(lookup.select))) as unknown as { rows: CallerRow[] };
  const row = found.rows[0];
  if (!row) return null;
  if (stale(row)) await db.execute(sql.raw(lookup.touch(row)));
  return { actor: lookup.actor(row), csrfToken: row.csrfToken };
}

/**
 * Opens a read for the caller: with the caller the server kept, only the app role and region
 * (nothing at all on a connection already confined to it); otherwise together with the lookup,
 * whose row it keeps. Null for an unknown caller, undefined on PGlite (no read of this kind).
 */
async function openRead(
  db: Db,
  lookup: Lookup,
): Promise<{ row: CallerRow; transaction: OpenTransaction } | null | undefined> {
  const cache = callerCacheOf<CallerRow>(db);
  const kept = cache?.get(lookup.key);
  if (kept) {
    const transaction = await openTransaction(db, readerInSql(kept.regionId), {
      read: true,
      region: kept.regionId,
    });
    return transaction ? { row: kept, transaction } : undefined;
  }
  const since = cache?.begin() ?? 0;
  const transaction = await openTransaction(db, `${lookup.execute}; select ${readerSql}`, {
    prepare: lookup.prepared,
    read: true,
  });
  if (!transaction) return undefined;
  const row = transaction.results[0]?.rows[0] as CallerRow | undefined;
  if (!row) {
    await transaction.close();
    return null;
  }
  cache?.keep(lookup.key, row, since, row.expiresAt);
  return { row, transaction };
}
