import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { invalidField } from "./errors.js";

/** The list conventions of every GET collection: q, sort, limit and an opaque keyset cursor. */
export const listQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
});

/** `q` as a literal substring for LIKE/ILIKE: its own %, _ and \\ match themselves. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int().optional() });

/**
 * Keyset pagination over `sort` (a key of `sorts`, `-` in front for descending). Each sort lists
 * its columns; the last must be unique (the id), so the order is total and a cursor — the last
 * row's values, base64url JSON — points at exactly one place. One direction per sort keeps the
 * comparison a single row comparison that an index on the same columns answers.
 */
export function keyset<K extends string>(opts: {
  sorts: Record<K, PgColumn[]>;
  sort: string | undefined;
  defaultSort: string;
  cursor: string | undefined;
  limit: number;
  /**
   * For a statement built once (statements.ts, `reuse`): the cursor's values become placeholders
   * `after0`, `after1`, …, whose values `values` holds; the limit is the caller's placeholder.
   */
  placeholders?: boolean;
}) {
  const sortParam = opts.sort ?? opts.defaultSort;
  const desc = sortParam.startsWith("-");
  const key = (desc ? sortParam.slice(1) : sortParam) as K;
  const columns = opts.sorts[key];
  if (!columns) throw invalidField("query.sort", "problem.badRequest", 400);

  let where: SQL | undefined;
  let values: Record<string, unknown> = {};
  if (opts.cursor) {
    const after = decodeCursor(opts.cursor, sortParam, columns.length);
    const lhs = sql.join(
      columns.map((c) => sql`${c}`),
      sql`, `,
    );
    const rhs = sql.join(
      after.map(
        (v, i) =>
          sql`${opts.placeholders ? sql.placeholder(`after${i}`) : v}::${sql.raw(columns[i]!.getSQLType())}`,
      ),
      sql`, `,
    );
    where = desc ? sql`(${lhs}) < (${rhs})` : sql`(${lhs}) > (${rhs})`;
    if (opts.placeholders) values = Object.fromEntries(after.map((v, i) => [`after${i}`, v]));
  }
  const orderBy = columns.map((c) => (desc ? sql`${c} desc` : sql`${c} asc`));

  return {
    where,
    /** With `placeholders`: the cursor's values, by placeholder name. */
    values,
    orderBy,
    /** One more than asked, to know whether there is a next page without counting. */
    take: opts.limit + 1,
    page<Row>(rows: Row[], valuesOf: (row: Row) => unknown[]) {
      const items = rows.slice(0, opts.limit);
      const last = items.at(-1);
      const nextCursor = rows.length > opts.limit && last ? encodeCursor(sortParam, valuesOf(last)) : null;
      return { items, nextCursor };
    },
  };
}

export function encodeCursor(sort: string, values: unknown[]): string {
  const plain = values.map((v) => (v instanceof Date ? v.toISOString() : v));
  return Buffer.from(JSON.stringify({ s: sort, v: plain })).toString("base64url");
}

export function decodeCursor(cursor: string, sort: string, arity: number): unknown[] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const ok =
      parsed?.s === sort &&
      Array.isArray(parsed.v) &&
      parsed.v.length === arity &&
      parsed.v.every((v: unknown) => typeof v === "string" || typeof v === "number");
    if (ok) return parsed.v;
  } catch {
    // fall through: any undecodable cursor is the client's error
  }
  throw invalidField("query.cursor", "field.cursor", 400);
}
