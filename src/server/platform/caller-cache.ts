import pg from "pg";
import type { Database, Db } from "./db.js";

/** What the triggers of migration 0038 announce on, by NOTIFY and by NOTICE. */
const CHANNEL = "regiotafel_callers";
/**
 * How long a caller is kept at most, whatever is announced: the bound on how long a change could
 * go unnoticed if the listening connection died without the server seeing it.
 */
const KEEP_MS = 15_000;
/** The most callers kept; the oldest goes first. */
const MAX_CALLERS = 10_000;
/** How long to wait before listening again after the listening connection was lost. */
const RELISTEN_MS = 1_000;

/**
 * The callers a server process has recently looked up, by the hash of their session or token,
 * so that a read needs no lookup of its own (docs/decisions/0008). A caller is kept only while
 * the server listens for changes: every change to a session, a token or an account (triggers of
 * migration 0038) empties it, in this process by a NOTICE before the changing statement returns,
 * in every other process by a NOTIFY after the commit. Without a listening connection nothing is
 * kept, so a change can never go unnoticed for longer than KEEP_MS.
 */
export class CallerCache<Row> {
  private readonly rows = new Map<string, { row: Row; until: number }>();
  /** Counts the emptyings, so a lookup that began before one does not store what it read. */
  private generation = 0;
  /** The connection it listens on; null while there is none, and then nothing is kept. */
  private listener: pg.Client | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly url: string) {}

  /** Whether it listens for changes, and so keeps callers. */
  get listening(): boolean {
    return this.listener !== null;
  }

  /** A kept caller, or undefined. */
  get(key: string): Row | undefined {
    const kept = this.rows.get(key);
    if (!kept) return undefined;
    if (this.listening && kept.until > Date.now()) return kept.row;
    this.rows.delete(key);
    return undefined;
  }

  /** Where a lookup begins: pass it to `keep` with what the lookup found. */
  begin(): number {
    return this.generation;
  }

  /** Keeps what a lookup that began at `since` found, unless a change was announced meanwhile. */
  keep(key: string, row: Row, since: number, expiresAt: Date | string | null): void {
    if (!this.listening || since !== this.generation) return;
    const until = Math.min(Date.now() + KEEP_MS, expiresAt ? new Date(expiresAt).getTime() : Infinity);
    if (this.rows.size >= MAX_CALLERS) this.rows.delete(this.rows.keys().next().value!);
    this.rows.set(key, { row, until });
  }

  /** Forgets every caller. */
  clear(): void {
    this.rows.clear();
    this.generation++;
  }

  /** The NOTICE a changing statement on one of this process's connections raised. */
  noticed(message: string | undefined): void {
    if (message === CHANNEL) this.clear();
  }

  /** Listens on a connection of its own; while it is lost, nothing is kept. */
  async listen(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url, keepAlive: true });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      this.listener = null;
      this.clear();
      client.end().catch(() => {});
      if (!this.closed) this.retry = setTimeout(() => void this.listen(), RELISTEN_MS).unref();
    };
    client.on("error", onLost);
    client.on("end", onLost);
    client.on("notification", (n) => {
      if (n.channel === CHANNEL) this.clear();
    });
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
    } catch {
      onLost();
      return;
    }
    if (lost || this.closed) return void client.end().catch(() => {});
    // A lookup that began before we listened may have read what changed since: it keeps nothing.
    this.clear();
    this.listener = client;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const listener = this.listener;
    this.listener = null;
    this.clear();
    await listener?.end().catch(() => {});
  }
}

const caches = new WeakMap<Db, CallerCache<unknown>>();

/** The cache of `db`, if its server process keeps callers (see `keepCallers`). */
export const callerCacheOf = <Row>(db: Db) => caches.get(db) as CallerCache<Row> | undefined;

/**
 * Starts keeping callers for `database` (a server, not PGlite, which has one connection and reads
 * in transactions), listening on `listenUrl` (default the database's own; "off": none). Returns
 * the cache to close on shutdown, or undefined.
 */
export async function keepCallers(
  database: Database,
  listenUrl = database.url,
): Promise<CallerCache<unknown> | undefined> {
  if (database.kind !== "postgres" || !listenUrl || listenUrl === "off" || !database.onNotice)
    return undefined;
  const cache = new CallerCache<unknown>(listenUrl);
  database.onNotice((message) => cache.noticed(message));
  await cache.listen();
  caches.set(database.db, cache);
  return cache;
}
