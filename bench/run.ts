/**
 * `npm run bench [-- --db pglite] [--duration 10] [--regenerate] [--only "mijn acties,import,rapportage"]`
 *
 * Builds the national-scale dataset (once; it is kept), then measures each endpoint with
 * autocannon at 1 and 10 connections against the app and against the raw limit (bench/raw-server.ts)
 * in the same run (on PostgreSQL back to back per endpoint), sampling the server's RSS meanwhile.
 * Writes bench/results/<timestamp>.json and prints a table. Numbers only: nothing here passes or fails.
 */

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import pg from "pg";
import { serverNodeFlags } from "../scripts/server-command.js";
import { createApiToken } from "../src/server/modules/accounts/auth-service.js";
import { inRegion } from "../src/server/platform/context.js";
import { migrateDatabase, openDatabase } from "../src/server/platform/db.js";
import { benchAccountId, benchRegionId, benchRoundId, generateDataset, SCALE } from "./dataset.js";
import { measureImport } from "./import-measure.js";
import { measureReport } from "./report-measure.js";
import { rssMb } from "./rss.js";

const { values: opts } = parseArgs({
  options: {
    db: { type: "string", default: "postgres" },
    duration: { type: "string", default: "10" },
    regenerate: { type: "boolean", default: false },
    /**
     * Only the endpoints whose names contain one of these (comma-separated); "import" for the
     * import, "rapportage" for the consolidated report.
     */
    only: { type: "string" },
  },
});
const mode = opts.db === "pglite" ? "pglite" : "postgres";
const duration = Number(opts.duration);
const root = fileURLToPath(new URL("..", import.meta.url));
const log = (line: string) => console.log(line);

const ENDPOINTS = [
  { name: "logboek (gefilterd, 50 per pagina)", path: "/api/v1/audit-events?entityType=meeting&limit=50" },
  { name: "gebruikers (50 per pagina)", path: "/api/v1/users?limit=50" },
  {
    name: "organisaties (zoeken + soort, 50)",
    path: "/api/v1/organisations?q=leiden&kind=general_practice&limit=50",
  },
  {
    name: "sociale kaart (tikfout + soort + discipline, 25)",
    path: "/api/v1/social-map?q=fysioterapie%20Leidn&kind=physiotherapy&discipline=physiotherapist&limit=25",
  },
  { name: "besluitenlijst (nieuwste eerst, 50)", path: "/api/v1/decisions?limit=50" },
  { name: "actielijst (lopend, 50)", path: "/api/v1/action-items?open=true&limit=50" },
  { name: "mijn vergaderingen (50)", path: "/api/v1/meetings?mine=true&from=2025-01-01&limit=50" },
  { name: "mijn acties (lopend, 50)", path: "/api/v1/actions?mine=true&open=true&limit=50" },
  { name: "projecten (fase, 50)", path: "/api/v1/projects?phase=execution&limit=50" },
  { name: "stuurgroepdashboard", path: "/api/v1/plan-dashboard" },
];
const CONNECTIONS = [1, 10];
const only = opts.only?.split(",").map((s) => s.trim());
const measured = ENDPOINTS.filter((e) => !only || only.some((o) => e.name.includes(o)));

/** Where the dataset lives: a database `regiotafel_bench` on the server, or .tmp/bench-data. */
async function prepareStore(): Promise<{ env: Record<string, string> }> {
  if (mode === "pglite") {
    const dataDir = `${root}.tmp/bench-data`;
    if (opts.regenerate) rmSync(dataDir, { recursive: true, force: true });
    return { env: { DATA_DIR: dataDir } };
  }
  const url = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/regiotafel_bench";
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, "/postgres") });
  await admin.connect();
  const name = new URL(url).pathname.slice(1);
  if (opts.regenerate) await admin.query(`drop database if exists "${name}"`);
  const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
  if (!exists.rowCount) await admin.query(`create database "${name}"`);
  await admin.end();
  return { env: { DATABASE_URL: url } };
}

async function prepareData(env: Record<string, string>) {
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR ?? "" });
  try {
    await migrateDatabase(database);
    log(`Dataset ${JSON.stringify(SCALE)}: wat ontbreekt wordt gebouwd (--regenerate bouwt alles opnieuw).`);
    await generateDataset(database.db, log);
    // An earlier run's import and its undo leave ~40,000 dead organisation rows that autovacuum
    // may not have cleared yet; measured on them, the sociale kaart's scan reads three times the pages.
    const started = performance.now();
    await database.db.execute(sql`vacuum analyze`);
    log(`  vacuum analyze (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    const regionId = await benchRegionId(database.db);
    // The token belongs to account 0, whose person sits in ten bodies: "my meetings" has rows.
    const userId = await benchAccountId(database.db);
    const roundId = await benchRoundId(database.db);
    const token = await inRegion(database.db, regionId, async (tx) => {
      await tx.execute(sql`delete from api_tokens where name = 'bench'`);
      return (await createApiToken(tx, { regionId, userId, name: "bench", role: "beheerder" })).token;
    });
    return { regionId, userId, token, roundId };
  } finally {
    await database.close();
  }
}

async function startServer(args: string[], env: Record<string, string>, port: number) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", DEMO: "0" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {}
    await sleep(200);
  }
  child.kill();
  throw new Error(`${args.join(" ")} did not start`);
}

async function stopServer(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, sleep(5000)]);
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;

interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  rssMb: number;
}

async function measure(url: string, token: string, connections: number, pid: number): Promise<Measurement> {
  const run = (seconds: number, times?: number[]) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        { url, connections, duration: seconds, headers: { authorization: `Bearer ${token}` } },
        (err, result) => (err ? reject(err) : resolve(result)),
      );
      if (times) instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
    });
  // A benchmark of error responses measures nothing: check the endpoint answers 200 first.
  const probe = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (probe.status !== 200) throw new Error(`${url} answered ${probe.status}: ${await probe.text()}`);
  await run(2); // warm-up: JIT, connection pools, caches
  const times: number[] = [];
  let peakRss = rssMb(pid);
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssMb(pid));
  }, 250);
  const result = await run(duration, times);
  clearInterval(sampler);
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requestsPerSecond: round(result.requests.average),
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    rssMb: Math.round(peakRss),
  };
}

const { env } = await prepareStore();
const { regionId, userId, token, roundId } = await prepareData(env);

// The app as `npm start` runs it: the bundle in dist/server, on plain node.
execFileSync(process.execPath, ["scripts/build-server.mjs"], { cwd: root, stdio: "inherit" });
const servers = {
  raw: ["--import", "tsx", `${root}bench/raw-server.ts`],
  // With the flags of `npm start`, so the bench measures what runs.
  app: [...serverNodeFlags, `${root}dist/server/main.js`],
};
type Kind = keyof typeof servers;
const ports: Record<Kind, number> = { raw: 3901, app: 3900 };
const results = new Map<string, Measurement>();
let importResult: Awaited<ReturnType<typeof measureImport>> | null = null;
let reportResult: Awaited<ReturnType<typeof measureReport>> | null = null;
const key = (endpoint: string, kind: string, connections: number) => `${endpoint}|${kind}|${connections}`;

async function start(kind: Kind) {
  const child = await startServer(
    servers[kind],
    { ...env, BENCH_REGION: regionId, BENCH_USER: userId },
    ports[kind],
  );
  log(`${kind}: gestart (pid ${child.pid}, ${Math.round(rssMb(child.pid!))} MB RSS in rust)`);
  return child;
}

/**
 * Measures every endpoint on the servers given. With both, raw and app are measured back to back
 * per endpoint and take turns going first: the speed of these shared machines drifts by tens of
 * percents within minutes, and a comparison "in the same run" should not measure that drift.
 */
async function measureAll(children: Partial<Record<Kind, ChildProcess>>) {
  let turn = 0;
  for (const endpoint of measured) {
    for (const connections of CONNECTIONS) {
      const kinds = Object.keys(children) as Kind[];
      for (const kind of turn++ % 2 ? kinds.reverse() : kinds) {
        const pid = children[kind]!.pid!;
        const m = await measure(`http://127.0.0.1:${ports[kind]}${endpoint.path}`, token, connections, pid);
        results.set(key(endpoint.name, kind, connections), m);
        log(
          `  ${kind} ${endpoint.name} @${connections}: ${m.requestsPerSecond} req/s, p95 ${m.p95} ms, RSS ${m.rssMb} MB`,
        );
      }
    }
  }
}

/** The import and the consolidated report, measured on the app alone. */
async function measureAppWork(app: ChildProcess) {
  if (!only || only.includes("import")) {
    importResult = await measureImport(ports.app, token, app.pid!);
    log(
      `  import ${importResult.rows} organisaties: ${importResult.seconds} s, ${importResult.importedRows} geïmporteerd, ${importResult.badRows} fout, geheugen +${importResult.rssGrowthMb} MB, ${importResult.progressReports} voortgangsmeldingen; ongedaan in ${importResult.undoSeconds} s`,
    );
  }
  if (!only || only.includes("rapportage")) {
    reportResult = await measureReport(ports.app, token, app.pid!, roundId);
    log(
      `  rapportage ${reportResult.period} (${reportResult.reports} projecten): pagina ${reportResult.page.worst} s, PDF ${reportResult.pdf.worst} s (${Math.round(reportResult.pdf.bytes / 1024)} kB), xlsx ${reportResult.xlsx.worst} s; RSS ${reportResult.rssBeforeMb} → ${reportResult.rssPeakMb} MB`,
    );
  }
}

if (mode === "postgres") {
  // Both at once: the one not being measured is idle and holds no core.
  const children = { raw: await start("raw"), app: await start("app") };
  await measureAll(children);
  await measureAppWork(children.app);
  await Promise.all(Object.values(children).map(stopServer));
} else {
  // The embedded database allows one process: one server at a time.
  for (const kind of ["raw", "app"] as const) {
    const child = await start(kind);
    await measureAll({ [kind]: child });
    if (kind === "app") await measureAppWork(child);
    await stopServer(child);
  }
}

const rows = measured.flatMap((endpoint) =>
  CONNECTIONS.map((connections) => {
    const app = results.get(key(endpoint.name, "app", connections))!;
    const raw = results.get(key(endpoint.name, "raw", connections))!;
    return {
      endpoint: endpoint.name,
      path: endpoint.path,
      connections,
      app,
      raw,
      throughputRatio: Math.round((app.requestsPerSecond / raw.requestsPerSecond) * 100) / 100,
      p95Ratio: Math.round((app.p95 / raw.p95) * 100) / 100,
    };
  }),
);

const now = new Date();
const output = {
  at: now.toISOString(),
  database: mode,
  dataset: SCALE,
  durationSeconds: duration,
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30) },
  node: process.version,
  results: rows,
  import: importResult,
  report: reportResult,
};
mkdirSync(`${root}bench/results`, { recursive: true });
const file = `bench/results/${now.toISOString().replace(/[:.]/g, "-")}-${mode}.json`;
writeFileSync(`${root}${file}`, `${JSON.stringify(output, null, 2)}\n`);

console.log(`\n${mode}, ${duration} s per meting, dataset ${JSON.stringify(SCALE)}`);
console.table(
  rows.map((r) => ({
    endpoint: r.endpoint,
    conn: r.connections,
    "app req/s": r.app.requestsPerSecond,
    "raw req/s": r.raw.requestsPerSecond,
    "app/raw": r.throughputRatio,
    "app p50": r.app.p50,
    "app p95": r.app.p95,
    "raw p95": r.raw.p95,
    "p95 ×": r.p95Ratio,
    "app p99": r.app.p99,
    "app RSS MB": r.app.rssMb,
    "non-2xx/fouten": r.app.non2xx + r.app.errors + r.raw.non2xx + r.raw.errors,
  })),
);
if (importResult) console.log("import:", importResult);
if (reportResult) console.log("rapportage:", JSON.stringify(reportResult));
console.log(`Geschreven: ${file}`);
