import { and, eq, isNull, or } from "drizzle-orm";
import { periodBounds } from "../../../shared/kpi.js";
import { auditMany } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { invalidField } from "../../platform/errors.js";
import { type MessageKey, t } from "../../platform/i18n.js";
import { findColumn, type Table } from "../../platform/tabular.js";
import { kpiMeasurements } from "./kpis-schema.js";
import { knownWijken, kpisByName, measurementProblem } from "./kpis-service.js";

/** The headers we recognise, Dutch first. */
const COLUMNS = {
  kpi: ["indicator", "kpi", "naam"],
  period: ["periode", "period"],
  value: ["waarde", "value", "meting"],
  unit: ["eenheid", "unit"],
  wijk: ["wijk", "wijkcode", "wijk_code"],
  note: ["toelichting", "opmerking", "note"],
} as const;

export type ImportMode = "valid" | "all";

// "12,5" as Dutch Excel writes it, "12.5", "1.234,5"; a sign in front.
const NUMBER = /^-?(\d+|\d{1,3}(\.\d{3})+)(,\d+)?$|^-?\d+(\.\d+)?$/;
const parseNumber = (raw: string) =>
  raw.includes(",") ? Number(raw.replace(/\./g, "").replace(",", ".")) : Number(raw);

/**
 * Imports KPI measurements from a table (one row per indicator, period and optionally wijk),
 * in the request's one transaction. Each bad row is reported with its row, column and reason;
 * `mode: "all"` imports nothing while any row is bad, `dryRun` only reports. A measurement that
 * already exists for the same period and wijk is replaced by the file's value.
 */
export async function importMeasurements(
  ctx: Ctx,
  table: Table,
  options: { mode: ImportMode; dryRun: boolean },
) {
  const col = Object.fromEntries(
    Object.entries(COLUMNS).map(([key, names]) => [key, findColumn(table.headers, names)]),
  ) as Record<keyof typeof COLUMNS, number>;
  for (const key of ["kpi", "period", "value"] as const)
    if (col[key] < 0) throw invalidField(`file.${key}`, "field.columnMissing");
  const header = (index: number) => table.headers[index]!;
  const cell = (cells: string[], index: number) => (index < 0 ? "" : (cells[index] ?? "").trim());
  const byName = await kpisByName(ctx);
  const wijken = await knownWijken(ctx, [
    ...new Set(table.rows.map((r) => cell(r.cells, col.wijk).toUpperCase()).filter(Boolean)),
  ]);

  const errors: { row: number; field: string; message: string }[] = [];
  const good: {
    kpiId: string;
    period: string;
    value: number;
    wijkCode: string | null;
    note: string | null;
  }[] = [];
  const seen = new Set<string>();
  for (const row of table.rows) {
    const fail = (column: number, key: MessageKey) =>
      errors.push({ row: row.line, field: header(column), message: t(ctx.lang, key) });
    if (row.formulas.length) {
      fail(row.formulas[0]!, "import.formula");
      continue;
    }
    const kpi = byName.get(cell(row.cells, col.kpi).toLowerCase());
    const period = cell(row.cells, col.period).toUpperCase();
    const rawValue = cell(row.cells, col.value);
    const unit = col.unit < 0 ? null : cell(row.cells, col.unit) || null;
    const wijkCode = cell(row.cells, col.wijk).toUpperCase() || null;
    if (!kpi) {
      fail(col.kpi, "import.kpiUnknown");
      continue;
    }
    const problem = measurementProblem(kpi, { period, unit });
    if (problem) fail(problem.field === "period" ? col.period : col.unit, problem.key);
    else if (!NUMBER.test(rawValue)) fail(col.value, "import.number");
    else if (wijkCode && !wijken.has(wijkCode)) fail(col.wijk, "field.wijkNotFound");
    else {
      const key = `${kpi.k.id}|${period}|${wijkCode ?? ""}`;
      if (seen.has(key)) fail(col.period, "import.duplicateInFile");
      else {
        seen.add(key);
        good.push({
          kpiId: kpi.k.id,
          period,
          value: parseNumber(rawValue),
          wijkCode,
          note: cell(row.cells, col.note) || null,
        });
      }
    }
  }
  const report = { rows: table.rows.length, validRows: good.length, errors, imported: false };
  if (options.dryRun || good.length === 0 || (options.mode === "all" && errors.length > 0)) return report;

  const regionId = ctx.actor.regionId;
  for (let i = 0; i < good.length; i += 500) {
    const chunk = good.slice(i, i + 500);
    // What the file measures again replaces what was there for the same period and wijk.
    await ctx.tx
      .delete(kpiMeasurements)
      .where(
        and(
          eq(kpiMeasurements.regionId, regionId),
          isNull(kpiMeasurements.organisationId),
          or(
            ...chunk.map((m) =>
              and(
                eq(kpiMeasurements.kpiId, m.kpiId),
                eq(kpiMeasurements.period, m.period),
                m.wijkCode ? eq(kpiMeasurements.wijkCode, m.wijkCode) : isNull(kpiMeasurements.wijkCode),
              ),
            ),
          ),
        ),
      );
    const inserted = await ctx.tx
      .insert(kpiMeasurements)
      .values(
        chunk.map((m) => {
          const bounds = periodBounds(m.period)!;
          return { ...m, regionId, periodStart: bounds.start, periodEnd: bounds.end };
        }),
      )
      .returning({
        id: kpiMeasurements.id,
        kpiId: kpiMeasurements.kpiId,
        period: kpiMeasurements.period,
        value: kpiMeasurements.value,
        wijkCode: kpiMeasurements.wijkCode,
      });
    await auditMany(
      ctx,
      inserted.map(({ id, ...after }) => ({
        entityType: "kpi_measurement",
        entityId: id,
        action: "import",
        after,
      })),
    );
  }
  return { ...report, imported: true };
}
