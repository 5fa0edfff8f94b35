import { and, desc, eq, inArray } from "drizzle-orm";
import { audit, auditMany } from "../../platform/audit.js";
import { type Actor, type Ctx, withCtx } from "../../platform/context.js";
import type { Db } from "../../platform/db.js";
import { conflict, invalidField, notFound } from "../../platform/errors.js";
import { t } from "../../platform/i18n.js";
import { findColumn, type Table } from "../../platform/tabular.js";
import {
  checkOrganisation,
  duplicateKeys,
  type ImportField,
  insertOrganisations,
  ORGANISATION_FIELDS,
  type OrganisationRow,
  organisationLookups,
  organisationsInUse,
} from "./import-organisations.js";
import { importRunItems, importRuns } from "./import-schema.js";
import { organisations } from "./schema.js";

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
    const chosen = given ? given[field.key] : headers[findColumn(headers, field.headers)];
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
async function analyse(ctx: Ctx, table: Table, mapping: Record<string, string>) {
  const lookups = await organisationLookups(ctx);
  const index = Object.fromEntries(
    Object.entries(mapping).map(([key, header]) => [key, table.headers.indexOf(header)]),
  );
  const column = (key: string) => mapping[key] ?? key;
  const seen = new Map<string, number>();
  const good: { line: number; row: OrganisationRow }[] = [];
  const errors: RowError[] = [];
  for (const r of table.rows) {
    const formula = r.formulas.find((col) => Object.values(index).includes(col));
    if (formula !== undefined) {
      errors.push({ row: r.line, field: table.headers[formula]!, message: t(ctx.lang, "import.formula") });
      continue;
    }
    const values = Object.fromEntries(Object.entries(index).map(([key, col]) => [key, r.cells[col] ?? ""]));
    const checked = checkOrganisation(values, lookups);
    if (!checked.ok) {
      errors.push({ row: r.line, field: column(checked.field), message: t(ctx.lang, checked.key) });
      continue;
    }
    const keys = duplicateKeys(checked.row);
    const inRegion = keys.map((k) => lookups.keys.get(k)).find(Boolean);
    const inFile = keys.map((k) => seen.get(k)).find(Boolean);
    if (inRegion || inFile) {
      const which = inRegion ? `: ${inRegion}` : ` (${t(ctx.lang, "import.row")} ${inFile})`;
      errors.push({
        row: r.line,
        field: column(
          keys[0]?.startsWith("kvk") ? "kvkNumber" : keys[0]?.startsWith("np") ? "name" : "agbCode",
        ),
        message: `${t(ctx.lang, inRegion ? "import.duplicate" : "import.duplicateInFile")}${which}`,
      });
      continue;
    }
    for (const k of keys) seen.set(k, r.line);
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
export async function previewImport(ctx: Ctx, table: Table, given?: Record<string, string>) {
  const mapping = resolveMapping(ORGANISATION_FIELDS, table.headers, given);
  const { good, errors } = await analyse(ctx, table, mapping);
  return {
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    headers: table.headers,
    fields: ORGANISATION_FIELDS.map(({ key, label, required }) => ({
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
  input: { table: Table; fileName: string; mapping?: Record<string, string>; mode: ImportMode },
) {
  const run = await withCtx(db, actor, meta, async (ctx) => {
    const mapping = resolveMapping(ORGANISATION_FIELDS, input.table.headers, input.mapping);
    const [created] = await ctx.tx
      .insert(importRuns)
      .values({
        regionId: actor.regionId,
        kind: "organisations",
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
      after: { fileName: created!.fileName, mode: created!.mode, totalRows: created!.totalRows },
    });
    return created!;
  });
  progress.set(run.id, 0);
  const done = runImport(db, actor, meta, run.id, input.table, run.mapping, input.mode).finally(() =>
    progress.delete(run.id),
  );
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
  runId: string,
  table: Table,
  mapping: Record<string, string>,
  mode: ImportMode,
) {
  try {
    await withCtx(db, actor, meta, async (ctx) => {
      const { good, errors } = await analyse(ctx, table, mapping);
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
        const created = await insertOrganisations(
          ctx,
          good.slice(i, i + CHUNK).map((g) => g.row),
        );
        await ctx.tx
          .insert(importRunItems)
          .values(created.map((c) => ({ regionId: actor.regionId, runId, entityId: c.id })));
        await auditMany(
          ctx,
          created.map((c) => ({
            entityType: "organisation",
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
 * Undoes a whole run: removes exactly the organisations it created, unless something now depends
 * on one of them (then nothing is removed and the answer says how many are in use).
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
  const inUse = await organisationsInUse(ctx, ids);
  if (inUse.size > 0) throw invalidField("id", "field.importInUse");
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    // Parts first: an organisation of the run may hang under another of the same run.
    await ctx.tx
      .update(organisations)
      .set({ parentId: null })
      .where(and(eq(organisations.regionId, ctx.actor.regionId), inArray(organisations.id, chunk)));
  }
  for (let i = 0; i < ids.length; i += CHUNK)
    await ctx.tx
      .delete(organisations)
      .where(
        and(
          eq(organisations.regionId, ctx.actor.regionId),
          inArray(organisations.id, ids.slice(i, i + CHUNK)),
        ),
      );
  await auditMany(
    ctx,
    ids.map((entityId) => ({
      entityType: "organisation",
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
