import { and, eq, inArray, sql } from "drizzle-orm";
import { CBS_CODE } from "../../../shared/identifiers.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { invalidField } from "../../platform/errors.js";
import { type MessageKey, t } from "../../platform/i18n.js";
import { findColumn, type Table } from "../../platform/tabular.js";
import { getRegion } from "../regions/service.js";
import { areaInhabitants, areas } from "./areas-schema.js";

/** The headers we recognise: CBS "Kerncijfers wijken en buurten" (kwb), StatLine, plain Dutch. */
const COLUMNS = {
  code: ["gwb_code_10", "gwb_code", "codering", "codering_3", "code", "cbs-code", "regiocode"],
  name: ["regio", "naam", "wijken en buurten", "wijkenenbuurten", "name"],
  inhabitants: ["a_inw", "aantal inwoners", "aantalinwoners_5", "inwoners", "inhabitants"],
} as const;

export type ImportMode = "valid" | "all";

export interface RowError {
  row: number;
  field: string;
  message: string;
}

interface AreaRow {
  code: string;
  kind: "gemeente" | "wijk" | "buurt";
  name: string;
  inhabitants: number | null;
}

// "115000", "115.000" and "115 000" are all written by someone; "." or "" is CBS for unknown.
const INHABITANTS = /^(\d+|\d{1,3}([. ]\d{3})+)$/;
const UNKNOWN = new Set(["", ".", "-", "x"]);

const kindOf = (code: string) =>
  CBS_CODE.gemeente.test(code)
    ? "gemeente"
    : CBS_CODE.wijk.test(code)
      ? "wijk"
      : CBS_CODE.buurt.test(code)
        ? "buurt"
        : null;
/** The gemeente (GM0000) a wijk or buurt lies in, and the wijk (WK000000) of a buurt. */
const gemeenteOf = (code: string) => `GM${code.slice(2, 6)}`;
const wijkOf = (code: string) => `WK${code.slice(2, 8)}`;

/**
 * Checks every row of a CBS-style table against the region's werkgebied; returns the good rows
 * and, for each bad one, its row number, column and reason.
 */
async function validate(ctx: Ctx, table: Table) {
  const col = {
    code: findColumn(table.headers, COLUMNS.code),
    name: findColumn(table.headers, COLUMNS.name),
    inhabitants: findColumn(table.headers, COLUMNS.inhabitants),
  };
  for (const [key, index] of Object.entries(col))
    if (index < 0) throw invalidField(`file.${key}`, "field.columnMissing");
  const header = (index: number) => table.headers[index]!;
  const werkgebied = new Set((await getRegion(ctx)).municipalities.map((m) => m.cbsCode));

  const good: (AreaRow & { line: number })[] = [];
  const errors: RowError[] = [];
  const seen = new Set<string>();
  for (const row of table.rows) {
    const fail = (column: number, key: MessageKey) =>
      errors.push({ row: row.line, field: header(column), message: t(ctx.lang, key) });
    if (row.formulas.length) {
      fail(row.formulas[0]!, "import.formula");
      continue;
    }
    const code = (row.cells[col.code] ?? "").toUpperCase();
    const name = row.cells[col.name] ?? "";
    const rawInhabitants = row.cells[col.inhabitants] ?? "";
    const kind = kindOf(code);
    if (!kind) fail(col.code, "import.cbsCode");
    else if (seen.has(code)) fail(col.code, "import.duplicateInFile");
    else if (!werkgebied.has(gemeenteOf(code))) fail(col.code, "import.outsideWerkgebied");
    else if (kind !== "gemeente" && !name) fail(col.name, "import.required");
    else if (name.length > 200) fail(col.name, "import.tooLong");
    else if (!UNKNOWN.has(rawInhabitants.toLowerCase()) && !INHABITANTS.test(rawInhabitants))
      fail(col.inhabitants, "import.inhabitants");
    else {
      seen.add(code);
      const inhabitants = UNKNOWN.has(rawInhabitants.toLowerCase())
        ? null
        : Number(rawInhabitants.replace(/[. ]/g, ""));
      good.push({ line: row.line, code, kind, name, inhabitants });
    }
  }

  // A buurt needs its wijk: in this file, or imported before.
  const wijkenInFile = new Set(good.filter((r) => r.kind === "wijk").map((r) => r.code));
  const needed = [...new Set(good.filter((r) => r.kind === "buurt").map((r) => wijkOf(r.code)))].filter(
    (w) => !wijkenInFile.has(w),
  );
  const known = new Set(
    needed.length
      ? (
          await ctx.tx
            .select({ code: areas.code })
            .from(areas)
            .where(and(eq(areas.regionId, ctx.actor.regionId), inArray(areas.code, needed)))
        ).map((r) => r.code)
      : [],
  );
  const rows = good.filter((r) => {
    if (r.kind !== "buurt" || wijkenInFile.has(wijkOf(r.code)) || known.has(wijkOf(r.code))) return true;
    errors.push({ row: r.line, field: header(col.code), message: t(ctx.lang, "import.wijkUnknown") });
    return false;
  });
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors };
}

const CHUNK = 1000;
const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * Imports wijken, buurten and inhabitants for one year from a CBS-style table, in the request's
 * one transaction. `mode: "all"` imports nothing when any row is bad; `dryRun` only reports.
 * Existing areas are renamed and their inhabitants for the year replaced; nothing is removed.
 */
export async function importAreas(
  ctx: Ctx,
  table: Table,
  options: { year: number; mode: ImportMode; dryRun: boolean },
) {
  const { rows, errors } = await validate(ctx, table);
  const areaRows = rows.filter((r) => r.kind !== "gemeente");
  const existing = new Set(
    (await ctx.tx.select({ code: areas.code }).from(areas).where(eq(areas.regionId, ctx.actor.regionId))).map(
      (r) => r.code,
    ),
  );
  const count = (kind: "wijk" | "buurt") => {
    const ofKind = areaRows.filter((r) => r.kind === kind);
    const updated = ofKind.filter((r) => existing.has(r.code)).length;
    return { new: ofKind.length - updated, updated };
  };
  const withInhabitants = rows.filter((r) => r.inhabitants !== null);
  const report = {
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    year: options.year,
    rows: table.rows.length,
    validRows: rows.length,
    errors,
    wijken: count("wijk"),
    buurten: count("buurt"),
    inhabitants: withInhabitants.length,
    imported: false,
  };
  if (options.dryRun || rows.length === 0 || (options.mode === "all" && errors.length > 0)) return report;

  const regionId = ctx.actor.regionId;
  for (const chunk of chunks(areaRows))
    await ctx.tx
      .insert(areas)
      .values(
        chunk.map((r) => ({
          regionId,
          code: r.code,
          kind: r.kind as "wijk" | "buurt",
          name: r.name,
          municipalityCode: gemeenteOf(r.code),
          wijkCode: r.kind === "buurt" ? wijkOf(r.code) : null,
        })),
      )
      .onConflictDoUpdate({ target: [areas.regionId, areas.code], set: { name: sql`excluded.name` } });
  for (const chunk of chunks(withInhabitants))
    await ctx.tx
      .insert(areaInhabitants)
      .values(chunk.map((r) => ({ regionId, code: r.code, year: options.year, inhabitants: r.inhabitants! })))
      .onConflictDoUpdate({
        target: [areaInhabitants.regionId, areaInhabitants.code, areaInhabitants.year],
        set: { inhabitants: sql`excluded.inhabitants` },
      });
  await audit(ctx, {
    entityType: "area",
    entityId: regionId,
    action: "import",
    after: {
      year: options.year,
      wijken: report.wijken,
      buurten: report.buurten,
      inhabitants: report.inhabitants,
    },
  });
  return { ...report, imported: true };
}
