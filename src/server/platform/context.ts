import { sql } from "drizzle-orm";
import type { Role } from "../../shared/roles.js";
import type { Db, Tx } from "./db.js";
import type { Lang } from "./i18n.js";

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

/**
 * Runs `fn` in one transaction as the non-owner app role with the region set, so row-level
 * security confines every statement to that region. `set_config('role', …, true)` is
 * `SET LOCAL ROLE` in one round trip together with the region.
 */
export function inRegion<T>(db: Db, regionId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', 'regiotafel_app', true), set_config('app.region', ${regionId}, true)`,
    );
    return fn(tx);
  });
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
