import { createServer } from "node:http";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/**
 * The raw limit: the same list SQL as the app's two measured endpoints, served by node:http and
 * one database driver, with no framework, validation, auth, transaction or row-level security.
 * Started by bench/run.ts with BENCH_REGION, and DATABASE_URL or DATA_DIR.
 */
const region = process.env.BENCH_REGION!;
type Query = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

async function connect(): Promise<Query> {
  if (process.env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    return async (text, params) => (await pool.query(text, params)).rows;
  }
  const db = await PGlite.create({ dataDir: `${process.env.DATA_DIR}/db` });
  return async (text, params) => (await db.query<Record<string, unknown>>(text, params)).rows;
}
const query = await connect();

const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString("base64url");

async function auditEvents(params: URLSearchParams) {
  const limit = Number(params.get("limit") ?? 50);
  const rows = await query(
    `select id, at, actor_id, actor_name, entity_type, entity_id, action, changes from audit_log
     where region_id = $1 and entity_type = $2 order by id desc limit $3`,
    [region, params.get("entityType"), limit + 1],
  );
  const items = rows.slice(0, limit).map((r) => ({
    id: Number(r.id),
    at: (r.at as Date).toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    entityType: r.entity_type,
    entityId: r.entity_id,
    action: r.action,
    changes: r.changes,
  }));
  return { items, nextCursor: rows.length > limit ? cursorOf([items.at(-1)!.id]) : null };
}

async function users(params: URLSearchParams) {
  const limit = Number(params.get("limit") ?? 50);
  const [rows, total] = await Promise.all([
    query(
      `select id, email, name, role, status, language, totp_enabled, last_login_at, created_at, version
       from users where region_id = $1 order by name, id limit $2`,
      [region, limit + 1],
    ),
    query("select count(*)::int as n from users where region_id = $1", [region]),
  ]);
  const items = rows.slice(0, limit).map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    status: u.status,
    language: u.language,
    totpEnabled: u.totp_enabled,
    lastLoginAt: (u.last_login_at as Date | null)?.toISOString() ?? null,
    createdAt: (u.created_at as Date).toISOString(),
    version: u.version,
  }));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? cursorOf([last.name, last.id]) : null,
    total: total[0]?.n,
  };
}

async function organisations(params: URLSearchParams) {
  const limit = Number(params.get("limit") ?? 50);
  const q = params.get("q") ?? "";
  const args = [region, `%${q}%`, q, params.get("kind")];
  const where = `o.region_id = $1 and (o.name ilike $2 or o.visit_city ilike $2 or o.agb_code = $3 or o.kvk_number = $3)
     and o.kind = $4`;
  const [rows, total] = await Promise.all([
    query(
      `select o.*, p.name as parent_name from organisations o
       left join organisations p on p.region_id = o.region_id and p.id = o.parent_id
       where ${where} order by o.name, o.id limit $5`,
      [...args, limit + 1],
    ),
    query(`select count(*)::int as n from organisations o where ${where}`, args),
  ]);
  const camel = (k: string) => k.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
  const items = rows.slice(0, limit).map((r) =>
    Object.fromEntries(
      Object.entries(r)
        .filter(([k]) => k !== "region_id")
        .map(([k, v]) => [camel(k), v instanceof Date ? v.toISOString() : v]),
    ),
  );
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? cursorOf([last.name, last.id]) : null,
    total: total[0]?.n,
  };
}

const routes: Record<string, (params: URLSearchParams) => Promise<unknown>> = {
  "/api/v1/organisations": organisations,
  "/api/v1/audit-events": auditEvents,
  "/api/v1/users": users,
  "/healthz": async () => ({ status: "ok" }),
};

createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://raw");
  const route = routes[url.pathname];
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  const body = JSON.stringify(await route(url.searchParams));
  res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(body);
}).listen(Number(process.env.PORT), "127.0.0.1");
