import { and, desc, eq } from "drizzle-orm";
import { audit, auditMany } from "../../platform/audit.js";
import { type Actor, type Ctx, withCtx } from "../../platform/context.js";
import type { Db } from "../../platform/db.js";
import { conflict, invalidField, notFound } from "../../platform/errors.js";
import { t } from "../../platform/i18n.js";
import { findColumn, type Table } from "../../platform/tabular.js";
import { membershipImporter } from "./import-memberships.js";
import { organisationImporter } from "./import-organisations.js";
import { personImporter } from "./import-persons.js";
import { importRunItems, importRuns } from "./import-schema.js";
import { workRelationImporter } from "./import-work-relations.js";
import type { Importer, ImportField, ImportKind } from "./importer.js";

const IMPORTERS: Record<ImportKind, Importer<unknown>> = {
  organisations: organisationImporter,
  persons: personImporter,
  workRelations: workRelationImporter,
  memberships: membershipImporter,
};

export type ImportMode = "valid" | "all";
export interface RowError {
  row: number;
  field: string;
  message: string;
}

/** The column chosen for each field: the user's mapping, or the one recognised by its header. */
function resolveMapping(fields: ImportField[], headers: string[], given?: Record<string, string>) {
  const mapping: Record<string, string> = {};
  for (const field of fields) {
    const chosen = given ? given[field.key] : headers[findColumn(headers, [...field.headers, field.label])];
    if (!chosen) continue;
    if (!headers.includes(chosen)) throw invalidField(`mapping.${field.key}`, "field.columnMissing");
    mapping[field.key] = chosen;
  }
  for (const field of fields)
    if (field.required && !mapping[field.key])
      throw invalidField(`mapping.${field.key}`, "field.columnMissing");
  return mapping;
}

/**
 * Checks every row: per bad row its number, the column (as named in the file) and the reason;
 * duplicates of what the region has, or of an earlier row in the file, count as bad rows.
 */
async function analyse(ctx: Ctx, importer: Importer<unknown>, table: Table, mapping: Record<string, string>) {
  const checker = await importer.prepare(ctx);
  const index = Object.fromEntries(
    Object.entries(mapping).map(([key, header]) => [key, table.headers.indexOf(header)]),
  );
  const column = (key: string) => mapping[key] ?? key;
  const seen = new Map<string, number>();
  const good: { line: number; row: unknown }[] = [];
  const errors: RowError[] = [];
  for (const r of table.rows) {
    const formula = r.formulas.find((col) => Object.values(index).includes(col));
    if (formula !== undefined) {
      errors.push({ row: r.line, field: table.headers[formula]!, message: t(ctx.lang, "import.formula") });
      continue;
    }
    const values = Object.fromEntries(Object.entries(index).map(([key, col]) => [key, r.cells[col] ?? ""]));
    const checked = checker.check(values);
    if (!checked.ok) {
      errors.push({ row: r.line, field: column(checked.field), message: t(ctx.lang, checked.key) });
      continue;
    }
    const keys = importer.duplicateKeys(checked.row);
    const inRegion = keys.find((k) => checker.existing.has(k.key));
    const inFile = keys.find((k) => seen.has(k.key));
    const duplicate = inRegion ?? inFile;
    if (duplicate) {
      const which = inRegion
        ? `: ${checker.existing.get(duplicate.key)}`
        : ` (${t(ctx.lang, "import.row")} ${seen.get(duplicate.key)})`;
      errors.push({
        row: r.line,
        field: column(duplicate.field),
        message: `${t(ctx.lang, inRegion ? `import.duplicate.${importer.kind}` : "import.duplicateInFile")}${which}`,
      });
      continue;
    }
    for (const k of keys) seen.set(k.key, r.line);
    good.push({ line: r.line, row: checked.row });
  }
  return { good, errors };
}

const sampleOf = (table: Table) =>
  table.rows.slice(0, 5).map((r) => Object.fromEntries(table.headers.map((h, i) => [h, r.cells[i] ?? ""])));

/**
 * The preview: the columns found, which field each is taken for, the first rows, and every bad
 * row. Nothing is written.
 */
export async function previewImport(
  ctx: Ctx,
  kind: ImportKind,
  table: Table,
  given?: Record<string, string>,
) {
  const importer = IMPORTERS[kind];
  const mapping = resolveMapping(importer.fields, table.headers, given);
  const { good, errors } = await analyse(ctx, importer, table, mapping);
  return {
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    headers: table.headers,
    fields: importer.fields.map(({ key, label, required }) => ({
      key,
      label,
      required: Boolean(required),
    })),
    mapping,
    sample: sampleOf(table),
    rows: table.rows.length,
    validRows: good.length,
    errors,
  };
}

/** The fields of a kind of import, for its example file. */
export const importFields = (kind: ImportKind) => IMPORTERS[kind].fields;

/** How far running imports are, by run id: progress is watched while the run's transaction is open. */
const progress = new Map<string, number>();

/**
 * Starts an import: the run is recorded at once (so it can be watched), the rows are checked and
 * written in one transaction in the background. `mode: "all"` writes nothing when a row is bad.
 */
export async function startImport(
  db: Db,
  actor: Actor,
  meta: { lang: Ctx["lang"]; requestId: string },
  input: {
    kind: ImportKind;
    table: Table;
    fileName: string;
    mapping?: Record<string, string>;
    mode: ImportMode;
  },
) {
  const importer = IMPORTERS[input.kind];
  const run = await withCtx(db, actor, meta, async (ctx) => {
    const mapping = resolveMapping(importer.fields, input.table.headers, input.mapping);
    const [created] = await ctx.tx
      .insert(importRuns)
      .values({
        regionId: actor.regionId,
        kind: input.kind,
        fileName: input.fileName.slice(0, 200),
        mode: input.mode,
        status: "running",
        mapping,
        totalRows: input.table.rows.length,
        createdBy: actor.name,
      })
      .returning();
    await audit(ctx, {
      entityType: "importRun",
      entityId: created!.id,
      action: "create",
      after: {
        kind: created!.kind,
        fileName: created!.fileName,
        mode: created!.mode,
        totalRows: created!.totalRows,
      },
    });
    return created!;
  });
  progress.set(run.id, 0);
  const done = runImport(db, actor, meta, importer, run, input.table).finally(() => progress.delete(run.id));
  // A small file is done before anyone could watch it; only a large one runs on in the background.
  if (input.table.rows.length > BACKGROUND_FROM) return presentRun(run);
  await done;
  return withCtx(db, actor, meta, (ctx) => getImport(ctx, run.id));
}

/** From this many rows an import runs in the background, with progress to watch. */
const BACKGROUND_FROM = 1000;

const CHUNK = 1000;

async function runImport(
  db: Db,
  actor: Actor,
  meta: { lang: Ctx["lang"]; requestId: string },
  importer: Importer<unknown>,
  { id: runId, mapping, mode }: typeof importRuns.$inferSelect,
  table: Table,
) {
  try {
    await withCtx(db, actor, meta, async (ctx) => {
      const { good, errors } = await analyse(ctx, importer, table, mapping);
      const report = { rows: table.rows.length, validRows: good.length, errors };
      const finish = async (status: "imported" | "rejected", importedRows: number) => {
        await ctx.tx
          .update(importRuns)
          .set({ status, importedRows, processedRows: table.rows.length, report, finishedAt: new Date() })
          .where(and(eq(importRuns.regionId, actor.regionId), eq(importRuns.id, runId)));
        await audit(ctx, {
          entityType: "importRun",
          entityId: runId,
          action: "update",
          before: { status: "running" },
          after: { status, importedRows, errorCount: errors.length },
        });
      };
      if (mode === "all" && errors.length > 0) return finish("rejected", 0);
      for (let i = 0; i < good.length; i += CHUNK) {
        const created = await importer.insert(
          ctx,
          good.slice(i, i + CHUNK).map((g) => g.row),
        );
        await ctx.tx
          .insert(importRunItems)
          .values(created.map((c) => ({ regionId: actor.regionId, runId, entityId: c.id })));
        await auditMany(
          ctx,
          created.map((c) => ({
            entityType: importer.entityType,
            entityId: c.id,
            action: "import",
            after: c.after,
          })),
        );
        progress.set(runId, Math.min(table.rows.length, i + CHUNK + errors.length));
      }
      return finish("imported", good.length);
    });
  } catch (error) {
    // The run's own transaction rolled back: nothing of it was written. Say so on the run.
    await withCtx(db, actor, meta, (ctx) =>
      ctx.tx
        .update(importRuns)
        .set({ status: "failed", finishedAt: new Date(), report: { error: String(error).slice(0, 500) } })
        .where(and(eq(importRuns.regionId, actor.regionId), eq(importRuns.id, runId))),
    );
  }
}

function presentRun(r: typeof importRuns.$inferSelect) {
  return {
    id: r.id,
    kind: r.kind,
    fileName: r.fileName,
    mode: r.mode,
    status: r.status,
    mapping: r.mapping,
    totalRows: r.totalRows,
    processedRows: r.status === "running" ? (progress.get(r.id) ?? r.processedRows) : r.processedRows,
    importedRows: r.importedRows,
    errors: ((r.report?.errors as RowError[] | undefined) ?? []).slice(0, 1000),
    errorCount: ((r.report?.errors as RowError[] | undefined) ?? []).length,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    undoneAt: r.undoneAt?.toISOString() ?? null,
    version: r.version,
  };
}

export async function getImport(ctx: Ctx, id: string) {
  const [run] = await ctx.tx
    .select()
    .from(importRuns)
    .where(and(eq(importRuns.regionId, ctx.actor.regionId), eq(importRuns.id, id)));
  if (!run) throw notFound();
  return presentRun(run);
}

/** The region's imports, newest first (a region runs a handful a year). */
export async function listImports(ctx: Ctx) {
  const runs = await ctx.tx
    .select()
    .from(importRuns)
    .where(eq(importRuns.regionId, ctx.actor.regionId))
    .orderBy(desc(importRuns.createdAt), desc(importRuns.id))
    .limit(100);
  return { items: runs.map(presentRun) };
}

/**
 * Undoes a whole run: removes exactly what it created, unless something now depends on one of
 * them (then nothing is removed and the answer says how many are in use).
 */
export async function undoImport(ctx: Ctx, id: string, input: { version: number }) {
  const run = await getImport(ctx, id);
  if (run.version !== input.version) throw conflict(run);
  if (run.status !== "imported") throw invalidField("id", "field.importNotUndoable");
  const ids = (
    await ctx.tx
      .select({ id: importRunItems.entityId })
      .from(importRunItems)
      .where(and(eq(importRunItems.regionId, ctx.actor.regionId), eq(importRunItems.runId, id)))
  ).map((r) => r.id);
  const importer = IMPORTERS[run.kind];
  // Nothing may hang on what the run created (a work relation or membership never has anything).
  if (importer.inUse && (await importer.inUse.find(ctx, ids)).size > 0)
    throw invalidField("id", importer.inUse.key);
  await importer.remove(ctx, ids);
  await auditMany(
    ctx,
    ids.map((entityId) => ({
      entityType: importer.entityType,
      entityId,
      action: "undo-import",
      before: { importRunId: id },
    })),
  );
  await ctx.tx
    .update(importRuns)
    .set({ status: "undone", undoneAt: new Date(), version: run.version + 1 })
    .where(and(eq(importRuns.regionId, ctx.actor.regionId), eq(importRuns.id, id)));
  await audit(ctx, {
    entityType: "importRun",
    entityId: id,
    action: "update",
    before: { status: "imported" },
    after: { status: "undone" },
  });
  return getImport(ctx, id);
}
