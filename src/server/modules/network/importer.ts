import { and, eq, inArray } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Ctx } from "../../platform/context.js";
import type { MessageKey } from "../../platform/i18n.js";

/** What a spreadsheet can be imported as, in the order a region usually imports them. */
export const IMPORT_KINDS = ["organisations", "persons", "workRelations", "memberships"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** A column the import understands, with the headers people give it (case and spaces ignored). */
export interface ImportField {
  key: string;
  /** The column header in the example file; recognised too. */
  label: string;
  /** Other headers people give this column, the most telling first. */
  headers: string[];
  required?: boolean;
  /** A value for the example file. */
  example?: string;
}

/** One row's cells by field key, trimmed; a missing column reads as "". */
export type Values = Record<string, string>;

/** The outcome of checking one row: the row to insert, or the first problem and its field. */
export type Check<Row> = { ok: true; row: Row } | { ok: false; field: string; key: MessageKey };
export const fail = (field: string, key: MessageKey): { ok: false; field: string; key: MessageKey } => ({
  ok: false,
  field,
  key,
});

/** A key under which two rows are the same thing, and the field a duplicate is reported on. */
export interface DuplicateKey {
  key: string;
  field: string;
}

/** A row checker for one region: what it needs from the database is loaded once, not per row. */
export interface Checker<Row> {
  check(values: Values): Check<Row>;
  /** The duplicate keys of what the region already has, each with a short description of it. */
  existing: Map<string, string>;
}

/**
 * One kind of import: its columns, how a row is checked and inserted, and how a run is undone.
 * The engine (`import-service.ts`) does the rest the same way for every kind: mapping, per-row
 * errors, duplicates, modes, progress, one transaction, audit and undo.
 */
export interface Importer<Row> {
  kind: ImportKind;
  /** The entity type in the logboek. */
  entityType: string;
  fields: ImportField[];
  prepare(ctx: Ctx): Promise<Checker<Row>>;
  duplicateKeys(row: Row): DuplicateKey[];
  /** Inserts checked rows (the engine passes at most a thousand); returns what was created, for audit and undo. */
  insert(ctx: Ctx, rows: Row[]): Promise<{ id: string; after: Record<string, unknown> }[]>;
  /**
   * Which of the run's `ids` something else now depends on, so undoing would break it, and the
   * message that says so. Absent when nothing can hang on what this kind creates.
   */
  inUse?: { find(ctx: Ctx, ids: string[]): Promise<Set<string>>; key: MessageKey };
  /** Removes the run's rows, all of them (a thousand per statement). */
  remove(ctx: Ctx, ids: string[]): Promise<void>;
}

/**
 * The engine treats rows as opaque: each importer checks them and inserts what it checked itself,
 * so widening its row type here loses nothing.
 */
export const defineImporter = <Row>(importer: Importer<Row>) => importer as unknown as Importer<unknown>;

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Free-text columns are kept to this length, as in the forms. */
export const TEXT_MAX = 200;

/**
 * A date as people type it in a sheet: `2026-01-31`, `31-1-2026` or `31/01/2026` (xlsx dates
 * arrive as ISO already). Returns ISO `yyyy-mm-dd`, or null when it is not a real date.
 */
export function parseDate(input: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(input);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(input);
  const [y, m, d] = iso
    ? [iso[1], iso[2], iso[3]]
    : dutch
      ? [dutch[3], dutch[2], dutch[1]]
      : [undefined, undefined, undefined];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(m) - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** Words in a cell that name one of `codes`, lower-cased: the Dutch words people use, or the codes. */
export function wordMap<Code extends string>(codes: readonly Code[], words: Record<string, Code>) {
  return new Map<string, Code>([...codes.map((c) => [c, c] as const), ...Object.entries(words)] as [
    string,
    Code,
  ][]);
}

/** `ids` a thousand at a time, the most one statement takes. */
export function* chunks<T>(items: T[], size = 1000) {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** The undo of a kind whose rows can simply be deleted: the run's rows by id, within the region. */
export const deleteByIds =
  (table: PgTable & { id: PgColumn; regionId: PgColumn }) => async (ctx: Ctx, ids: string[]) => {
    for (const chunk of chunks(ids))
      await ctx.tx.delete(table).where(and(eq(table.regionId, ctx.actor.regionId), inArray(table.id, chunk)));
  };
