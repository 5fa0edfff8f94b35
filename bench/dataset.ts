import { sql } from "drizzle-orm";
import type { Db } from "../src/server/platform/db.js";
import { ROLES } from "../src/shared/roles.js";

/**
 * A deterministic national-scale dataset, generated inside the database with generate_series so
 * a million rows take seconds, not minutes. Ids are md5-derived, so every run builds the same
 * rows. Later modules add their tables here.
 */
export const SCALE = { regions: 60, accounts: 10_000, auditRows: 1_000_000 } as const;

/**
 * A deterministic, valid (version 4, RFC 9562 variant) uuid for `kind` number `n`, as SQL: md5
 * with the version and variant nibbles set, since the API's schemas reject other uuids.
 */
const idOf = (kind: string, n: string) =>
  sql.raw(`overlay(overlay(md5('bench-${kind}-' || ${n}) placing '4' from 13) placing '8' from 17)::uuid`);

/** The region every measurement reads: region 0. */
export const benchRegionId = (db: Db) => one(db, sql`select ${idOf("region", "0")} as id`);

const FIRST =
  "Anna Bram Daan Emma Fenna Gijs Hanna Ilse Jeroen Karin Lars Maud Noor Olaf Pien Ruben Sanne Thijs Vera Wout".split(
    " ",
  );
const LAST =
  "de Vries,Jansen,van den Berg,Bakker,Visser,Smit,Meijer,de Boer,Mulder,de Groot,Bos,Vos,Peters,Hendriks,van Leeuwen,Dekker,Brouwer,de Wit,Dijkstra,Smits,de Graaf,van der Meer,Kok,Jacobs,van Dijk".split(
    ",",
  );
const ENTITY_TYPES = ["user", "member", "meeting", "decision", "action", "contract", "region"];
const ACTIONS = ["create", "update", "update", "update", "delete"];

const textArray = (xs: readonly string[]) =>
  sql.raw(`array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]`);

/** The name of account `n` (0-based), as SQL over the integer expression `n`. */
const nameOf = (n: string) =>
  sql`(${textArray(FIRST)})[1 + ${sql.raw(n)} % ${FIRST.length}] || ' ' || (${textArray(LAST)})[1 + (${sql.raw(n)} / ${FIRST.length}) % ${LAST.length}]`;

async function one(db: Db, query: ReturnType<typeof sql>) {
  const result = (await db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
  return String(result.rows[0]?.id ?? "");
}

export async function datasetPresent(db: Db): Promise<boolean> {
  const result = (await db.execute(
    sql`select count(*)::int as n from audit_log where region_id = ${idOf("region", "0")}`,
  )) as unknown as { rows: { n: number }[] };
  return (result.rows[0]?.n ?? 0) > 0;
}

/**
 * Account n lives in region n % regions; audit row g belongs to region g % regions and is made
 * by one of that region's accounts, one row a minute from 2025-01-01 on.
 */
export async function generateDataset(db: Db, log: (line: string) => void) {
  const { regions, accounts, auditRows } = SCALE;
  const perRegion = Math.floor(accounts / regions);
  const started = performance.now();
  const step = async (label: string, query: ReturnType<typeof sql>) => {
    const t = performance.now();
    await db.execute(query);
    log(`  ${label} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  };
  await step(
    `${regions} regio's`,
    sql`insert into regions (id, slug, name)
        select ${idOf("region", "r")}, 'bench-' || lpad(r::text, 2, '0'), 'Benchregio ' || lpad(r::text, 2, '0')
        from generate_series(0, ${regions - 1}) r`,
  );
  await step(
    `${accounts} accounts`,
    sql`insert into users (id, region_id, email, name, role, status, created_at)
        select ${idOf("user", "n")}, ${idOf("region", `(n % ${regions})`)},
               'account' || n || '@bench.example', ${nameOf("n")},
               (${textArray(ROLES)})[1 + n % ${ROLES.length}], 'active',
               timestamptz '2024-01-01' + n * interval '1 hour'
        from generate_series(0, ${accounts - 1}) n`,
  );
  await step(
    `${auditRows.toLocaleString("nl-NL")} logboekregels`,
    sql`insert into audit_log (region_id, at, actor_id, actor_name, entity_type, entity_id, action, changes, request_id)
        select ${idOf("region", `(g % ${regions})`)},
               timestamptz '2025-01-01' + g * interval '1 minute',
               ${idOf("user", "u")}, ${nameOf("u")},
               (${textArray(ENTITY_TYPES)})[1 + (g / ${regions}) % ${ENTITY_TYPES.length}],
               ${idOf("entity", "(g % 50000)")}::text,
               (${textArray(ACTIONS)})[1 + (g / 7) % ${ACTIONS.length}],
               jsonb_build_object('status', jsonb_build_array('concept', 'vastgesteld'), 'titel', jsonb_build_array(null, 'Regel ' || g)),
               'bench'
        from (select g, g % ${regions} + ${regions} * ((g / ${regions} * 7919) % ${perRegion}) as u
              from generate_series(0, ${auditRows - 1}) g) s`,
  );
  await step("statistieken (analyze)", sql`analyze`);
  log(`  klaar in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
