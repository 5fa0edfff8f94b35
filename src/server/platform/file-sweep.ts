import { and, eq, inArray } from "drizzle-orm";
import { inRegion } from "./context.js";
import type { Db } from "./db.js";
import { type FileStore, STORAGE_KEY } from "./files.js";
import { files } from "./files-schema.js";

/** How long bytes may go without a file row before they are swept: an upload's transaction is far shorter. */
export const SWEEP_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes stored bytes that no file row points at: those of an upload whose transaction was
 * rolled back (the bytes are written first), and those of files removed with their owner. Bytes
 * younger than `olderThan` are left alone, since their transaction may still be running. Checks
 * the keys per region (the key starts with it) in batches of 500; returns how many were removed.
 */
export async function sweepOrphanedFiles(db: Db, store: FileStore, olderThan: Date) {
  const byRegion = new Map<string, string[]>();
  for await (const o of store.list()) {
    if (o.modifiedAt >= olderThan || !STORAGE_KEY.test(o.key)) continue;
    const region = o.key.slice(0, 36);
    const keys = byRegion.get(region) ?? [];
    keys.push(o.key);
    byRegion.set(region, keys);
  }
  let removed = 0;
  for (const [region, keys] of byRegion)
    for (let i = 0; i < keys.length; i += 500) {
      const batch = keys.slice(i, i + 500);
      // The key is region/file id, so the lookup goes by the primary key.
      const known = await inRegion(db, region, (tx) =>
        tx
          .select({ key: files.storageKey })
          .from(files)
          .where(
            and(
              eq(files.regionId, region),
              inArray(
                files.id,
                batch.map((k) => k.slice(37)),
              ),
            ),
          ),
      );
      const kept = new Set(known.map((k) => k.key));
      for (const key of batch.filter((k) => !kept.has(k))) {
        await store.delete(key);
        removed++;
      }
    }
  return removed;
}
