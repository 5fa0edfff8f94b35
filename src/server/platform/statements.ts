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
 * `build` takes every value from `sql.placeholder(name)` and leaves a condition out exactly when
 * its value is empty (undefined, null, "", 0 or false), so the names of the values given, with
 * `site` (the caller, and what else changes the text, such as the sort), name one statement text.
 * A server's transaction object lives as long as its pooled connection; on PGlite each
 * transaction has its own, and the statement is built as before.
 */
export function reuse<R>(
  tx: Tx,
  site: string,
  build: () => { prepare(name: string): Built<R> },
  values: Record<string, unknown>,
): Promise<R> {
  const shape = `${site}:${Object.keys(values)
    .filter((name) => values[name])
    .join(",")}`;
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
