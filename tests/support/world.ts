import { sql } from "drizzle-orm";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp } from "../../src/server/app.js";
import { fixtures } from "../../src/server/modules/fixtures.js";
import { SESSION_COOKIE } from "../../src/server/platform/auth.js";
import { loadConfig } from "../../src/server/platform/config.js";
import { inRegion } from "../../src/server/platform/context.js";
import type { Database } from "../../src/server/platform/db.js";
import { type FileStore, openFileStore } from "../../src/server/platform/files.js";
import { regions, sessions, users } from "../../src/server/platform/identity-schema.js";
import { hashPassword, hashToken, newToken } from "../../src/server/platform/secrets.js";
import type { Role } from "../../src/shared/roles.js";
import { freshDatabase } from "./test-db.js";

export const PASSWORD = "test-wachtwoord-123";
let passwordHash: Promise<string> | undefined;

export interface Caller {
  userId: string;
  regionId: string;
  headers: Record<string, string>;
}

/**
 * A running app on a fresh database with two regions, `a` and `b`. `as(region, role)` makes a new
 * account with a session each time, so tests never share (and never spoil) each other's actors.
 */
/** A response's status and the field its first error names: what an API client checks. */
export const fieldOf = (r: { statusCode: number; json(): { errors?: { field: string }[] } }) => [
  r.statusCode,
  r.json().errors?.[0]?.field,
];

export class World {
  private constructor(
    readonly app: FastifyInstance,
    readonly database: Database,
    readonly regionIds: { a: string; b: string },
    readonly files: FileStore,
  ) {}

  static async create(env: Record<string, string> = {}): Promise<World> {
    const database = await freshDatabase();
    const config = loadConfig({
      LOG_LEVEL: "silent",
      RESPONSE_CHECK: "1",
      DATA_DIR: `.tmp/files-${process.pid}`,
      ...env,
    });
    const files = await openFileStore(config);
    const app = await buildApp({ database, config, files });
    await app.ready();
    const ids: Record<string, string> = {};
    for (const slug of ["a", "b"]) {
      const [r] = await database.db
        .insert(regions)
        .values({ slug: `${slug}-${Date.now()}`, name: `Regio ${slug.toUpperCase()}` })
        .returning();
      ids[slug] = r!.id;
    }
    return new World(app, database, ids as { a: string; b: string }, files);
  }

  get db() {
    return this.database.db;
  }

  async as(region: "a" | "b", role: Role): Promise<Caller> {
    passwordHash ??= hashPassword(PASSWORD);
    const regionId = this.regionIds[region];
    const token = newToken();
    const csrf = newToken();
    const userId = await inRegion(this.db, regionId, async (tx) => {
      const [u] = await tx
        .insert(users)
        .values({
          regionId,
          email: `${role}-${crypto.randomUUID()}@example.org`,
          name: `Test ${role}`,
          role,
          status: "active",
          passwordHash: await passwordHash,
        })
        .returning();
      await tx.insert(sessions).values({
        id: hashToken(token),
        regionId,
        userId: u!.id,
        csrfToken: csrf,
        expiresAt: new Date(Date.now() + 3_600_000),
      });
      return u!.id;
    });
    return { userId, regionId, headers: { cookie: `${SESSION_COOKIE}=${token}`, "x-csrf-token": csrf } };
  }

  /** A fresh resource of `type` in the caller's region (see the modules' fixtures.ts). */
  create(type: string, caller: Pick<Caller, "regionId" | "userId">): Promise<string> {
    const make = fixtures[type];
    if (!make) throw new Error(`No fixture maker for '${type}': add one to the module's fixtures.ts`);
    return inRegion(this.db, caller.regionId, (tx) => make(tx, caller.regionId, caller));
  }

  inject(caller: Caller | null, opts: InjectOptions): Promise<LightMyRequestResponse> {
    return this.app.inject({ ...opts, headers: { ...(caller?.headers ?? {}), ...(opts.headers ?? {}) } });
  }

  private tableNames: string[] | undefined;

  /**
   * A fingerprint of every table: its row count and the newest row version (`xmin`, the id of
   * the transaction that wrote the row). Any insert, update or delete changes one of the two, so
   * equal before and after means nothing changed. One query for all tables.
   */
  async snapshot(): Promise<Record<string, string>> {
    this.tableNames ??= (
      await this.rows<{ table_name: string }>(
        sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
      )
    ).map((t) => t.table_name);
    const perTable = this.tableNames.map(
      (name) =>
        sql`select ${name}::text as t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text as h from ${sql.identifier(name)}`,
    );
    const rows = await this.rows<{ t: string; h: string }>(sql.join(perTable, sql` union all `));
    return Object.fromEntries(rows.map((r) => [r.t, r.h]));
  }

  /** Makes `personId` the directory entry of `caller` (the same e-mail address, decision 0005). */
  async linkPerson(caller: Pick<Caller, "userId">, personId: string) {
    await this.db.execute(
      sql`update persons set email = (select email from ${users} where id = ${caller.userId}) where id = ${personId}`,
    );
  }

  async rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
    const result = await this.db.execute(query);
    return (result as unknown as { rows: T[] }).rows;
  }

  async close() {
    await this.app.close();
    await this.database.close();
  }
}
