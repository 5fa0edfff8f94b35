import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { World } from "../../../tests/support/world.js";
import { createApiToken } from "../modules/accounts/auth-service.js";
import { callerCacheOf } from "./caller-cache.js";
import { inRegion } from "./context.js";

/**
 * How a request finds its caller and, for a read on a server, begins its region-scoped
 * transaction in the same round trip (docs/decisions/0006): whatever the outcome, the connection
 * goes back to the pool, and the caller's seen-at is kept up to date.
 */
let world: World;
beforeAll(async () => {
  world = await World.create();
});
afterAll(() => world.close());

/** Connections handed out by the pool and not yet given back (0 on PGlite, which has no pool). */
const checkedOut = () => {
  const pool = world.database.pool;
  return pool ? pool.totalCount - pool.idleCount : 0;
};

describe("the request's transaction", () => {
  it("gives its connection back on every outcome, so reads keep being answered", async () => {
    const admin = await world.as("a", "beheerder");
    const member = await world.as("a", "lid");
    const foreign = await world.as("b", "beheerder");
    const foreignUser = foreign.userId;
    // More refused, invalid and missing reads than the pool has connections (4 in tests).
    for (let i = 0; i < 3; i++) {
      expect((await world.inject(member, { method: "GET", url: "/api/v1/users" })).statusCode).toBe(403);
      expect((await world.inject(admin, { method: "GET", url: "/api/v1/users?limit=0" })).statusCode).toBe(
        400,
      );
      expect(
        (await world.inject(admin, { method: "GET", url: `/api/v1/users/${foreignUser}` })).statusCode,
      ).toBe(404);
      expect((await world.inject(admin, { method: "GET", url: "/api/v1/nothing-here" })).statusCode).toBe(
        404,
      );
    }
    await vi.waitFor(() => expect(checkedOut()).toBe(0));
    const list = await world.inject(admin, { method: "GET", url: "/api/v1/users?limit=5" });
    expect(list.statusCode).toBe(200);
    // The region came from the session's own row: only region a's users are listed.
    const ids = list.json().items.map((u: { id: string }) => u.id);
    expect(ids).not.toContain(foreignUser);
    await vi.waitFor(() => expect(checkedOut()).toBe(0));
  });

  it("answers an unknown or ended session with 401 and holds nothing", async () => {
    const admin = await world.as("a", "beheerder");
    await world.rows(
      sql`update sessions set expires_at = now() - interval '1 minute' where user_id = ${admin.userId}`,
    );
    const res = await world.inject(admin, { method: "GET", url: "/api/v1/users" });
    expect(res.statusCode).toBe(401);
    const stranger = await world.inject(null, {
      method: "GET",
      url: "/api/v1/users",
      headers: { authorization: "Bearer rt_not-a-token" },
    });
    expect(stranger.statusCode).toBe(401);
    await vi.waitFor(() => expect(checkedOut()).toBe(0));
  });
});

describe("a read, which runs without a transaction (docs/decisions/0007)", () => {
  it("reads each region's rows on a connection that read another region's just before", async () => {
    const a = await world.as("a", "beheerder");
    const b = await world.as("b", "beheerder");
    // One after the other, so the pool hands the same connection back each time.
    for (const caller of [a, b, a, b]) {
      const list = await world.inject(caller, { method: "GET", url: "/api/v1/users?limit=100" });
      expect(list.statusCode).toBe(200);
      const ids = list.json().items.map((u: { id: string }) => u.id);
      expect(ids).toContain(caller.userId);
      expect(ids).not.toContain((caller === a ? b : a).userId);
    }
  });

  it("leaves nothing of its role, region or read-only to whoever takes the connection next", async () => {
    const a = await world.as("a", "beheerder");
    // Reads at once, so that several of the pool's connections serve one.
    const reads = await Promise.all(
      Array.from({ length: 8 }, () => world.inject(a, { method: "GET", url: "/api/v1/users?limit=5" })),
    );
    expect(reads.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    await vi.waitFor(() => expect(checkedOut()).toBe(0));
    const pool = world.database.pool;
    // Every connection the pool holds, taken at once, as Drizzle and the jobs take them.
    const clients = pool
      ? await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()))
      : [];
    try {
      for (const client of clients) {
        const { rows } = await client.query(
          "select current_user = session_user as owner, current_setting('app.region', true) as region, current_setting('default_transaction_read_only') as ro",
        );
        expect(rows[0]).toEqual({ owner: true, region: "", ro: "off" });
      }
    } finally {
      for (const client of clients) client.release();
    }
    // And a change right after the reads is written.
    const invited = await world.inject(a, {
      method: "POST",
      url: "/api/v1/users",
      payload: { email: "na-het-lezen@example.org", name: "Na het Lezen", role: "lid" },
    });
    expect(invited.statusCode).toBe(201);
  });
});

describe("seen-at", () => {
  it("records when a session was last used, at most every few minutes", async () => {
    const admin = await world.as("a", "beheerder");
    await world.rows(
      sql`update sessions set last_seen_at = now() - interval '1 hour' where user_id = ${admin.userId}`,
    );
    expect((await world.inject(admin, { method: "GET", url: "/api/v1/me/sessions" })).statusCode).toBe(200);
    const [row] = await world.rows<{ recent: boolean }>(
      sql`select last_seen_at > now() - interval '1 minute' as recent from sessions where user_id = ${admin.userId}`,
    );
    expect(row?.recent).toBe(true);
  });

  it("records when an API token was last used, and the token then reads as its role in its region", async () => {
    const admin = await world.as("a", "beheerder");
    const { token, row } = await inRegion(world.db, admin.regionId, (tx) =>
      createApiToken(tx, {
        regionId: admin.regionId,
        userId: admin.userId,
        name: "Rapportage",
        role: "beheerder",
      }),
    );
    const bearer = { authorization: `Bearer ${token}` };
    const list = await world.inject(null, { method: "GET", url: "/api/v1/users?limit=100", headers: bearer });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((u: { id: string }) => u.id)).toContain(admin.userId);
    const [used] = await world.rows<{ last_used_at: Date | null }>(
      sql`select last_used_at from api_tokens where id = ${row.id}`,
    );
    expect(used?.last_used_at).toBeTruthy();
    // A token stops working with its account.
    await world.rows(sql`update users set status = 'deactivated' where id = ${admin.userId}`);
    const after = await world.inject(null, { method: "GET", url: "/api/v1/users", headers: bearer });
    expect(after.statusCode).toBe(401);
    await vi.waitFor(() => expect(checkedOut()).toBe(0));
  });
});

describe("callers a server keeps between reads (docs/decisions/0008)", () => {
  const users = (caller: Awaited<ReturnType<World["as"]>>) =>
    world.inject(caller, { method: "GET", url: "/api/v1/users?limit=5" });
  const cache = () => (world.database.kind === "postgres" ? callerCacheOf(world.db) : undefined);
  /** Runs `statement` as another server process would: on a connection outside this app's pool. */
  async function elsewhere(statement: ReturnType<typeof sql>) {
    if (!world.database.url) return void (await world.rows(statement));
    const client = new pg.Client({ connectionString: world.database.url });
    await client.connect();
    try {
      const { sql: text, params } = new PgDialect().sqlToQuery(statement);
      await client.query(text, params);
    } finally {
      await client.end();
    }
  }

  it("keeps them on a server only while it listens for changes", () => {
    expect(cache()?.listening ?? false).toBe(world.database.kind === "postgres");
  });

  it("refuses, from the very next read, a session that a change in this process ended", async () => {
    const admin = await world.as("a", "beheerder");
    const colleague = await world.as("a", "beheerder");
    expect((await users(colleague)).statusCode).toBe(200);
    const before = await world.inject(admin, { method: "GET", url: `/api/v1/users/${colleague.userId}` });
    const changed = await world.inject(admin, {
      method: "PATCH",
      url: `/api/v1/users/${colleague.userId}`,
      payload: { version: before.json().version, role: "lid" },
    });
    expect(changed.statusCode).toBe(200);
    // A role change ends the account's sessions; the NOTICE clears what was kept before the reply.
    expect((await users(colleague)).statusCode).toBe(401);
  });

  it("refuses a session ended by another server process once that process has committed", async () => {
    const member = await world.as("a", "beheerder");
    expect((await users(member)).statusCode).toBe(200);
    await elsewhere(sql`delete from sessions where user_id = ${member.userId}`);
    // NOTIFY arrives after the commit; well within the time a caller is kept at most (15 s).
    await vi.waitFor(async () => expect((await users(member)).statusCode).toBe(401), { timeout: 3000 });
  });

  it("keeps nothing while its listening connection is lost, and listens again", async () => {
    const kept = cache();
    const member = await world.as("a", "beheerder");
    expect((await users(member)).statusCode).toBe(200);
    if (kept) {
      // The listening connection ends as a server restart or a network failure ends it.
      await elsewhere(
        sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query = 'listen regiotafel_callers'`,
      );
      await vi.waitFor(() => expect(kept.listening).toBe(false));
      // A change no one hears about: the next read looks the caller up again and is refused.
      await elsewhere(sql`update sessions set expires_at = now() where user_id = ${member.userId}`);
      expect((await users(member)).statusCode).toBe(401);
      await vi.waitFor(() => expect(kept.listening).toBe(true), { timeout: 5000 });
    }
    const again = await world.as("a", "beheerder");
    expect((await users(again)).statusCode).toBe(200);
    await elsewhere(sql`update users set status = 'deactivated' where id = ${again.userId}`);
    await vi.waitFor(async () => expect((await users(again)).statusCode).toBe(401), { timeout: 3000 });
  });
});
