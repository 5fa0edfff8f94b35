import type { Tx } from "./db.js";

/** What drizzle's `.prepare()` gives: a statement built once, run with its placeholders' values. */
interface Built<R> {
  execute(values: Record<string, unknown>): Promise<R>;
}

/** Per connection's transaction object (db.ts, transactionOn): the statements built on it. */
const builtOn = new WeakMap<Tx, Map<string, Built<unknown>>>();

/**
 * Runs the statement `build` makes, building it only the first time on this connection. Drizzle's
 * builder turns the query into SQL text on every run, which cost a sixth of a logboek request's
 * CPU; built once, a request only fills in its values.
 *
 * `build` takes every value from `sql.placeholder(name)`, and `shape` names the rest of what
 * changes the statement's text (which filters are present, the sort, the caller's site), so one
 * `shape` is always the same text. A server's transaction object lives as long as its pooled
 * connection; on PGlite each transaction has its own, and the statement is built as before.
 */
export function reuse<R>(
  tx: Tx,
  shape: string,
  build: () => { prepare(name: string): Built<R> },
  values: Record<string, unknown>,
): Promise<R> {
  let built = builtOn.get(tx);
  if (!built) {
    built = new Map();
    builtOn.set(tx, built);
  }
  let statement = built.get(shape) as Built<R> | undefined;
  if (!statement) {
    // No name of our own: db.ts names a statement after its text, within its cap per connection.
    statement = build().prepare("");
    built.set(shape, statement);
  }
  return statement.execute(values);
}
