import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { World } from "../../../tests/support/world.js";
import { inRegion, readerSql, regionSql } from "./context.js";
import { openTransaction } from "./db.js";

let world: World;
beforeAll(async () => {
  world = await World.create();
});
afterAll(() => world.close());

it("sends repeated reads as named statements on a server, and caps how many one connection keeps", async () => {
  const counts = await inRegion(world.db, world.regionIds.a, async (tx) => {
    const held = async () =>
      Number(
        (
          (await tx.execute(
            sql`select count(*)::int as n from pg_prepared_statements where name like 'rt\\_%'`,
          )) as unknown as {
            rows: { n: number }[];
          }
        ).rows[0]?.n ?? 0,
      );
    // 400 different reads on this transaction's connection.
    for (let i = 0; i < 400; i++) await tx.execute(sql.raw(`select ${i} as n`));
    const afterMany = await held();
    // The same read again adds nothing.
    await tx.execute(sql.raw("select 1 as n"));
    return { afterMany, again: await held() };
  });
  if (world.database.kind === "postgres") {
    // Named up to the cap (plus the statements the caller lookups prepare), the rest unnamed.
    expect(counts.afterMany).toBeGreaterThanOrEqual(300);
    expect(counts.afterMany).toBeLessThanOrEqual(303);
  } else {
    // PGlite has no pool and sends everything unnamed.
    expect(counts.afterMany).toBe(0);
  }
  expect(counts.again).toBe(counts.afterMany);
});

it("refuses a write in a read, which runs without a transaction on a server (docs/decisions/0007)", async () => {
  const read = await openTransaction(
    world.db,
    `select ${regionSql(`'${world.regionIds.a}'`, false)}, ${readerSql}`,
    { read: true },
  );
  if (world.database.kind === "pglite") {
    // PGlite has no pool: every request runs in its transaction.
    expect(read).toBeNull();
    return;
  }
  // PostgreSQL itself refuses it: a read-only transaction (SQLSTATE 25006).
  await expect(read!.run((tx) => tx.execute(sql`update users set name = name`))).rejects.toMatchObject({
    cause: { code: "25006" },
  });
});
