import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { type ExtractTablesWithRelations, sql } from "drizzle-orm";
import { drizzle as drizzleNodePg, NodePgSession, NodePgTransaction } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { AnyPgColumn, PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "../schema.js";
import { fromRoot } from "./paths.js";

export type Schema = typeof schema;
/** The Drizzle database, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/**
 * A timestamptz as the API writes times (`2026-03-01T09:30:00.000Z`), formatted by PostgreSQL: a
 * list that selects it gives each row's time as text, without a Date per row to write it back.
 */
export const isoTime = (column: AnyPgColumn) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface Database {
  kind: "pglite" | "postgres";
  db: Db;
  /** The raw PGlite instance (embedded mode only), e.g. for dumpDataDir in tests. */
  pglite?: PGlite;
  pool?: pg.Pool;
  /** The server's connection string (server mode only). */
  url?: string;
  /** Calls `fn` with each NOTICE a statement on one of the pool's connections raises (server only). */
  onNotice?(fn: (message: string | undefined) => void): void;
  close(): Promise<void>;
}

const migrationsFolder = fromRoot("drizzle");

/** Opens the embedded database in `dataDir` (created if missing), or in memory without one. */
export async function openPglite(dataDir?: string, loadDataDir?: Blob | File): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir, loadDataDir, extensions: { pg_trgm } });
  return {
    kind: "pglite",
    db: drizzlePglite(client, { schema }) as unknown as Db,
    pglite: client,
    close: () => client.close(),
  };
}

/**
 * Connections whose session still carries what a read left on it (`openTransaction` with `read`):
 * the app role, a region (the value, when the read said which) and read-only. A read leaves them
 * because undoing them would cost a round trip; whoever takes the connection next undoes them
 * first (docs/decisions/0007), except a read for the same region, which finds them as it needs.
 */
const confined = new WeakMap<pg.PoolClient, string | null>();
const UNCONFINE =
  "reset role; reset default_transaction_read_only; select set_config('app.region', '', false)";

/** Takes a connection from the pool as it is, possibly still confined: only for `openTransaction`. */
const checkouts = new WeakMap<Db, () => Promise<pg.PoolClient>>();

export function openPostgres(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  // A broken idle connection must not take the process down; the pool replaces it.
  pool.on("error", () => {});
  const checkout = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const unconfined = async () => {
    const client = await checkout();
    if (!confined.has(client)) return client;
    try {
      await client.query(UNCONFINE);
    } catch (err) {
      client.release(err as Error);
      throw err;
    }
    confined.delete(client);
    return client;
  };
  // Everyone else who takes a connection (Drizzle's queries and transactions, migrations, the
  // pool's own `query`) gets one without a previous read's role and region, in both of pg's styles.
  pool.connect = ((done?: (err?: Error, client?: pg.PoolClient, release?: (err?: Error) => void) => void) => {
    if (!done) return unconfined();
    unconfined().then(
      (client) => done(undefined, client, (err?: Error) => client.release(err)),
      (err: Error) => done(err),
    );
  }) as typeof pool.connect;
  const noticed = new Set<(message: string | undefined) => void>();
  pool.on("connect", (client) =>
    client.on("notice", (n) => {
      for (const fn of noticed) fn(n.message);
    }),
  );
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  checkouts.set(db, checkout);
  return { kind: "postgres", db, pool, url, onNotice: (fn) => noticed.add(fn), close: () => pool.end() };
}

/** The most statements one connection keeps prepared under a name (each holds server memory). */
const MAX_NAMED_STATEMENTS = 300;
const namedOn = new WeakMap<pg.PoolClient, Set<string>>();

/**
 * The name a read is sent under on `client`, derived from its SQL text, so PostgreSQL parses it
 * once per connection and, after a few runs, keeps its plan: the same list with the same filters
 * is planned once instead of on every request (docs/decisions/0006). Only reads of moderate
 * length get one (bulk inserts would fill the connection with one-off statements), and at most
 * MAX_NAMED_STATEMENTS per connection; the rest go unnamed as before.
 */
function statementName(client: pg.PoolClient, text: string): string | undefined {
  if (text.length > 8000 || !/^\s*select\b/i.test(text)) return undefined;
  const named = namedOn.get(client) ?? new Set<string>();
  namedOn.set(client, named);
  const name = `rt_${createHash("sha1").update(text).digest("base64url")}`;
  if (!named.has(name)) {
    if (named.size >= MAX_NAMED_STATEMENTS) return undefined;
    named.add(name);
  }
  return name;
}

/**
 * A transaction object per pooled connection, made once and reused by every transaction on that
 * connection: drizzle's constructor builds query helpers for every table, which per request
 * showed in the profile. Built as drizzle's own `transaction` does, from the database's dialect
 * and schema.
 */
const transactions = new WeakMap<pg.PoolClient, Tx>();
function transactionOn(db: Db, client: pg.PoolClient): Tx {
  let tx = transactions.get(client);
  if (!tx) {
    const {
      dialect,
      schema: relations,
      options,
    } = (db as unknown as { session: { dialect: never; schema: never; options: never } }).session;
    const session = new NodePgSession(client, dialect, relations, options);
    const prepare = session.prepareQuery.bind(session);
    session.prepareQuery = ((query, fields, name, ...rest) =>
      prepare(
        query,
        fields,
        // An empty name (statements.ts: drizzle's `.prepare()` asks for one) leaves it to us too.
        name || statementName(client, query.sql),
        ...rest,
      )) as typeof session.prepareQuery;
    tx = new NodePgTransaction(dialect, session, relations) as unknown as Tx;
    transactions.set(client, tx);
  }
  return tx;
}

/**
 * The request's work on a server connection, opened together with its first statements and
 * waiting for the work itself. Exactly one of `run` and `close` ends it; either gives the
 * connection back.
 */
export interface OpenTransaction {
  /** The results of the statements that opened it (BEGIN's own result left out). */
  results: pg.QueryResult[];
  /** Runs more trusted SQL text on its connection before the work; failing, it ends the work. */
  exec(statements: string): Promise<void>;
  /** Runs `fn` and commits, or rolls back when `fn` fails (a read has neither to do). */
  run<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Rolls back, as the work never came (refused, invalid, or the caller went away). */
  close(): Promise<void>;
}

/** The SQL-level prepared statements (PREPARE name …) each pooled connection already holds. */
const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();

/**
 * Opens a transaction on a pooled server connection with BEGIN and `statements` (trusted SQL text
 * without parameters) in one round trip, as the simple-query protocol allows several statements.
 * `prepare` is a `PREPARE name AS …` that `statements` EXECUTEs: it travels along the first time
 * on each connection, so the statement is parsed and planned once per connection, not per use.
 *
 * With `read`, there is no transaction: `statements` set the role, region and read-only for the
 * connection's session (`set_config(…, false)`), every statement of the work is its own, and
 * there is no COMMIT to wait for: one round trip less. PostgreSQL refuses any write in it. The
 * connection goes back to the pool confined; the next to take it undoes that first
 * (docs/decisions/0007). A read that names the `region` its statements confine to sends nothing
 * at all on a connection a read for that region left (docs/decisions/0008).
 *
 * Null on PGlite, which has no pool to hold a connection from.
 */
export async function openTransaction(
  db: Db,
  statements: string,
  opts: { prepare?: { name: string; sql: string }; read?: boolean; region?: string } = {},
): Promise<OpenTransaction | null> {
  const checkout = checkouts.get(db);
  if (!checkout) return null;
  const { prepare, read = false, region } = opts;
  const client = await checkout();
  // A read for the region a previous read left this connection confined to needs no setting up.
  const ready = read && region !== undefined && confined.get(client) === region;
  const known = preparedOn.get(client) ?? new Set<string>();
  // A connection a read left confined gets the owner's role back first: lookups read as the owner.
  const head = [
    ...(read ? [] : ["begin read write"]),
    ...(confined.has(client) ? [read ? "reset role" : "set local role none"] : []),
    ...(prepare && !known.has(prepare.name) ? [prepare.sql] : []),
  ];
  let ended = false;
  // A failed statement leaves the connection in a state we do not know: it is not reused.
  const discard = (err: unknown) => {
    ended = true;
    client.release(err as Error);
    return err;
  };
  // A transaction ends with COMMIT or ROLLBACK; a read has nothing to end and just gives it back.
  const end = async (ok: boolean) => {
    ended = true;
    if (read) return client.release();
    let broken: Error | undefined;
    try {
      await client.query(ok ? "commit" : "rollback");
    } catch (err) {
      // A failed commit still needs its rollback; a connection that cannot roll back is discarded.
      if (!ok) broken = err as Error;
      else await client.query("rollback").catch((e: Error) => (broken = e));
      throw err;
    } finally {
      client.release(broken);
    }
  };
  let opened: pg.QueryResult | pg.QueryResult[] = [];
  try {
    if (!ready)
      opened = (await client.query([...head, statements].join("; "))) as unknown as
        | pg.QueryResult
        | pg.QueryResult[];
  } catch (err) {
    throw discard(err);
  }
  if (prepare && !ready) preparedOn.set(client, known.add(prepare.name));
  if (read) confined.set(client, region ?? null);
  const once = () => {
    if (ended) throw new Error("openTransaction: this transaction has already ended");
  };
  return {
    results: (Array.isArray(opened) ? opened : [opened]).slice(head.length),
    async exec(more) {
      once();
      // Failing, it ends the work: `more` may have left a transaction block open and aborted.
      await client.query(more).catch((err) => {
        throw discard(err);
      });
    },
    async run(fn) {
      once();
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        result = await fn(transactionOn(db, client));
      } catch (err) {
        await end(false).catch(() => {});
        throw err;
      }
      await end(true);
      return result;
    },
    async close() {
      if (!ended) await end(false).catch(() => {});
    },
  };
}

/**
 * Runs `fn` in a transaction that first runs `setup`: trusted SQL text without parameters. On a
 * server, BEGIN and the setup travel in one round trip: one round trip less for every request
 * (docs/decisions/0006).
 */
export async function transaction<T>(db: Db, setup: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const open = await openTransaction(db, setup);
  if (open) return open.run(fn);
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(setup));
    return fn(tx);
  });
}

export async function openDatabase(opts: { url?: string; dataDir: string }): Promise<Database> {
  return opts.url ? openPostgres(opts.url) : openPglite(`${opts.dataDir}/db`);
}

/**
 * Applies pending migrations. On a server, an advisory lock keeps several app processes that
 * start at once from migrating concurrently.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  // Session-level advisory locks belong to one connection: lock, migrate and unlock on the same.
  const client = await database.pool!.connect();
  try {
    await client.query("select pg_advisory_lock(7140623)");
    await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock(7140623)").catch(() => {});
    client.release();
  }
}
