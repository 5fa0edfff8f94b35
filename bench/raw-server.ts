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

/**
 * The sociale kaart's work without the framework: the same two statements as the app (ranked
 * search with the WSV and wijk joined and counted in one, then the people of the page as one JSON
 * row per organisation).
 */
async function socialMap(params: URLSearchParams) {
  const limit = Number(params.get("limit") ?? 25);
  const q = params.get("q") ?? "";
  const words = q.split(/\s+/).filter(Boolean);
  const args: unknown[] = [region, params.get("kind"), params.get("discipline")];
  const wordSql = words.map((w) => {
    args.push(w, `%${w}%`);
    const a = args.length - 1;
    return `(o.search_vector @@ plainto_tsquery('dutch', $${a}) or o.name ilike $${a + 1} or o.visit_city ilike $${a + 1}
      or word_similarity($${a}, o.name || ' ' || coalesce(o.visit_city, '')) >= 0.5)`;
  });
  const where = `o.region_id = $1 and o.status in ('founding', 'active') and ${wordSql.join(" and ")} and o.kind = $2
    and exists (select 1 from work_relations w join persons p on p.region_id = w.region_id and p.id = w.person_id
      where w.region_id = o.region_id and w.organisation_id = o.id and (w.to_date is null or w.to_date >= current_date)
        and $3 = any(p.disciplines))`;
  const qArg = `$${args.length + 1}`;
  const rows = await query(
    `select o.id, o.name, o.kind, o.visit_street, o.visit_house_number, o.visit_postcode, o.visit_city, o.phone,
       o.email, o.website, o.municipality_code, o.wijk_code, o.parent_id, n.name as network_name, a.name as wijk_name,
       round((ts_rank(o.search_vector, plainto_tsquery('dutch', ${qArg})) + word_similarity(${qArg}, o.name || ' ' || coalesce(o.visit_city, '')))::numeric, 6)::float8 as rank,
       (count(*) over ())::int as total
     from organisations o
     left join organisations n on n.region_id = o.region_id and n.id = o.parent_id and n.kind = 'neighbourhood_network'
     left join areas a on a.region_id = o.region_id and a.code = o.wijk_code
     where ${where} order by rank desc, o.name, o.id limit ${limit + 1}`,
    [...args, q],
  );
  const page = rows.slice(0, limit);
  const staff = page.length
    ? await query(
        `select w.organisation_id, json_agg(json_build_object('id', p.id,
           'name', concat_ws(' ', p.given_name, nullif(p.name_prefix, ''), p.family_name),
           'disciplines', p.disciplines, 'function', w.function) order by p.family_name, p.given_name, p.id) as people
         from work_relations w join persons p on p.region_id = w.region_id and p.id = w.person_id
         where w.region_id = $1 and w.organisation_id = any($2) and (w.to_date is null or w.to_date >= current_date)
         group by w.organisation_id`,
        [region, page.map((r) => r.id)],
      )
    : [];
  const people = new Map(staff.map((s) => [s.organisation_id, s.people]));
  const last = page.at(-1);
  return {
    items: page.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      city: o.visit_city,
      wijkName: o.wijk_name,
      network: o.network_name,
      people: people.get(o.id) ?? [],
    })),
    nextCursor: rows.length > limit && last ? cursorOf([-Number(last.rank), last.name, last.id]) : null,
    total: rows[0]?.total ?? 0,
  };
}

const routes: Record<string, (params: URLSearchParams) => Promise<unknown>> = {
  "/api/v1/organisations": organisations,
  "/api/v1/social-map": socialMap,
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
