import { auditLog } from "./audit-schema.js";
import type { Ctx } from "./context.js";

/** Fields whose values never enter the audit trail; a change to them is recorded as hidden. */
const SECRET_FIELDS = new Set(["passwordHash", "totpSecret", "tokenHash", "csrfToken"]);
/** Bookkeeping fields that change on every update and say nothing by themselves. */
const IGNORED_FIELDS = new Set(["updatedAt", "version"]);
const HIDDEN = "[verborgen]";

type Row = Record<string, unknown> | null | undefined;

/** The changed fields between two states of an entity: { field: [before, after] }. */
export function diff(before: Row, after: Row): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (IGNORED_FIELDS.has(key)) continue;
    const a = normalise(before?.[key]);
    const b = normalise(after?.[key]);
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    changes[key] = SECRET_FIELDS.has(key) ? [a == null ? null : HIDDEN, b == null ? null : HIDDEN] : [a, b];
  }
  return changes;
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value ?? null;
}

/**
 * Records a change in the same transaction as the change itself, so there is never a change
 * without its audit row, nor an audit row for a change that rolled back.
 */
export function audit(
  ctx: Pick<Ctx, "tx" | "actor" | "requestId">,
  entry: { entityType: string; entityId: string; action: string; before?: Row; after?: Row },
): Promise<void> {
  return auditMany(ctx, [entry]);
}

/**
 * Many audit rows at once, for bulk changes (an import, its undo): the same rows `audit` would
 * write, inserted a thousand per statement.
 */
export async function auditMany(
  ctx: Pick<Ctx, "tx" | "actor" | "requestId">,
  entries: { entityType: string; entityId: string; action: string; before?: Row; after?: Row }[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000)
    await ctx.tx.insert(auditLog).values(
      entries.slice(i, i + 1000).map((entry) => ({
        regionId: ctx.actor.regionId,
        actorId: ctx.actor.userId,
        actorName: ctx.actor.name,
        entityType: entry.entityType,
        entityId: entry.entityId,
        action: entry.action,
        changes: diff(entry.before, entry.after),
        requestId: ctx.requestId,
      })),
    );
}
