import { and, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { auditLog } from "../../platform/audit-schema.js";
import type { Ctx } from "../../platform/context.js";
import { isoTime } from "../../platform/db.js";
import { EXPORT_LIMIT } from "../../platform/export.js";
import { keyset } from "../../platform/pagination.js";
import { reuse } from "../../platform/statements.js";

export interface AuditFilter {
  actorId?: string;
  entityType?: string;
  entityId?: string;
  /** Inclusive start date (YYYY-MM-DD) and inclusive end date, in Dutch time. */
  from?: string;
  to?: string;
}

/**
 * The filter's conditions, each value a placeholder: the list and the export are statements built
 * once per connection and set of filters (statements.ts, `reuse`); `filterValues` gives the
 * placeholders' values, empty where a condition is left out.
 */
function filterSql(f: AuditFilter): SQL | undefined {
  const p = sql.placeholder;
  return and(
    eq(auditLog.regionId, p("regionId")),
    f.actorId ? eq(auditLog.actorId, p("actorId")) : undefined,
    f.entityType ? eq(auditLog.entityType, p("entityType")) : undefined,
    f.entityId ? eq(auditLog.entityId, p("entityId")) : undefined,
    f.from ? gte(auditLog.at, p("from")) : undefined,
    f.to ? lt(auditLog.at, p("to")) : undefined,
  );
}

const filterValues = (ctx: Ctx, f: AuditFilter) => ({
  regionId: ctx.actor.regionId,
  actorId: f.actorId,
  entityType: f.entityType,
  entityId: f.entityId,
  from: f.from && dutchMidnight(f.from, 0),
  to: f.to && dutchMidnight(f.to, 1),
});

/** Midnight in Europe/Amsterdam of `date` plus `days`, as an instant. */
function dutchMidnight(date: string, days: number): Date {
  const utc = new Date(`${date}T00:00:00Z`);
  utc.setUTCDate(utc.getUTCDate() + days);
  const offset = new Intl.DateTimeFormat("en", { timeZone: "Europe/Amsterdam", timeZoneName: "longOffset" })
    .formatToParts(utc)
    .find((p) => p.type === "timeZoneName")!
    .value.replace("GMT", "");
  return new Date(`${utc.toISOString().slice(0, 10)}T00:00:00${offset || "+00:00"}`);
}

/**
 * The columns an event shows, as the API gives them: not the region, nor the request id (each
 * column a row carries costs parsing per row; on a page of 50 the two were a sixth of the list's
 * time), and the time as PostgreSQL writes it in ISO 8601, so no row becomes a Date and back.
 */
const shown = {
  id: auditLog.id,
  at: isoTime(auditLog.at),
  actorId: auditLog.actorId,
  actorName: auditLog.actorName,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  action: auditLog.action,
  changes: auditLog.changes,
};

/** Newest first, keyset on the id (which grows with time). */
export async function listAuditEvents(ctx: Ctx, f: AuditFilter & { cursor?: string; limit: number }) {
  const page = keyset({
    sorts: { id: [auditLog.id] },
    sort: "-id",
    defaultSort: "-id",
    cursor: f.cursor,
    limit: f.limit,
    placeholders: true,
  });
  const rows = await reuse(
    ctx.tx,
    "auditEvents",
    () =>
      ctx.tx
        .select(shown)
        .from(auditLog)
        .where(and(filterSql(f), page.where))
        .orderBy(...page.orderBy)
        .limit(sql.placeholder("take")),
    { ...filterValues(ctx, f), ...page.values, take: page.take },
  );
  return page.page(rows, (r) => [r.id]);
}

export function exportAuditEvents(ctx: Ctx, f: AuditFilter) {
  return reuse(
    ctx.tx,
    "auditExport",
    () => ctx.tx.select(shown).from(auditLog).where(filterSql(f)).orderBy(auditLog.id).limit(EXPORT_LIMIT),
    filterValues(ctx, f),
  );
}

/** Entity types present in the region, for the filter. */
export async function entityTypes(ctx: Ctx) {
  const rows = await ctx.tx
    .selectDistinct({ t: auditLog.entityType })
    .from(auditLog)
    .where(eq(auditLog.regionId, ctx.actor.regionId))
    .orderBy(auditLog.entityType);
  return rows.map((r) => r.t);
}

export type AuditEventDto = Awaited<ReturnType<typeof exportAuditEvents>>[number];
