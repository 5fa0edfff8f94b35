import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Actor } from "./context.js";
import type { Db } from "./db.js";
import { apiTokens, sessions, users } from "./identity-schema.js";
import { hashToken } from "./secrets.js";

export const SESSION_COOKIE = "rt_session";
export const API_TOKEN_PREFIX = "rt_";

/** Seen-at timestamps are refreshed at most this often, so reads do not each cause a write. */
const TOUCH_AFTER_MS = 5 * 60_000;

/**
 * Finds who is calling from a session cookie or a bearer token. This runs before the region is
 * known, so it reads as the table owner; everything after it runs region-scoped.
 */
export async function resolveActor(
  db: Db,
  creds: { sessionToken?: string; bearer?: string },
): Promise<{ actor: Actor; csrfToken?: string } | null> {
  if (creds.bearer) return resolveBearer(db, creds.bearer);
  if (creds.sessionToken) return resolveSession(db, creds.sessionToken);
  return null;
}

/**
 * The two lookups every authenticated request makes, as named prepared statements: built once
 * per database, and on PostgreSQL parsed and planned once per connection instead of per request.
 */
function lookups(db: Db) {
  const session = db
    .select({
      regionId: sessions.regionId,
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      name: users.name,
      role: users.role,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.regionId, sessions.regionId), eq(users.id, sessions.userId)))
    .where(
      and(
        eq(sessions.id, sql.placeholder("id")),
        gt(sessions.expiresAt, sql`now()`),
        eq(users.status, "active"),
      ),
    )
    .limit(1)
    .prepare("auth_session");
  const token = db
    .select({
      id: apiTokens.id,
      regionId: apiTokens.regionId,
      userId: apiTokens.userId,
      name: apiTokens.name,
      role: apiTokens.role,
      lastUsedAt: apiTokens.lastUsedAt,
      userName: users.name,
      userStatus: users.status,
    })
    .from(apiTokens)
    .leftJoin(users, and(eq(users.regionId, apiTokens.regionId), eq(users.id, apiTokens.userId)))
    .where(
      and(
        eq(apiTokens.tokenHash, sql.placeholder("hash")),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      ),
    )
    .limit(1)
    .prepare("auth_token");
  return { session, token };
}
const prepared = new WeakMap<Db, ReturnType<typeof lookups>>();
function lookupsFor(db: Db) {
  const found = prepared.get(db) ?? lookups(db);
  prepared.set(db, found);
  return found;
}

async function resolveSession(db: Db, token: string) {
  const id = hashToken(token);
  const [row] = await lookupsFor(db).session.execute({ id });
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));
  }
  const actor: Actor = {
    kind: "session",
    regionId: row.regionId,
    userId: row.userId,
    name: row.name,
    role: row.role,
    sessionId: id,
  };
  return { actor, csrfToken: row.csrfToken };
}

async function resolveBearer(db: Db, token: string) {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const [row] = await lookupsFor(db).token.execute({ hash: hashToken(token) });
  // A token belonging to a deactivated account stops working with it.
  if (!row || (row.userId && row.userStatus !== "active")) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
  }
  const actor: Actor = {
    kind: "token",
    regionId: row.regionId,
    userId: row.userId,
    name: row.userName ? `${row.userName} (API-token ${row.name})` : `API-token ${row.name}`,
    role: row.role,
    tokenId: row.id,
  };
  return { actor };
}
