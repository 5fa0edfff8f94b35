import { createServer } from "node:http";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { kpiStatus } from "../src/shared/kpi.js";

/**
 * The raw limit: the same list SQL as the app's measured endpoints, served by node:http and
 * one database driver, with no framework, validation, auth, transaction or row-level security.
 * Started by bench/run.ts with BENCH_REGION, and DATABASE_URL or DATA_DIR.
 */
const region = process.env.BENCH_REGION!;
const user = process.env.BENCH_USER!;
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
 * The sociale kaart's work without the framework: the same statement as the app (ranked search
 * with the WSV and wijk joined, counted, and the people of the page as JSON per organisation).
 * Unnamed, as `pg` sends it: PostgreSQL plans it on every request, where the app's named
 * statement keeps its generic plan.
 */
async function socialMap(params: URLSearchParams) {
  const limit = Number(params.get("limit") ?? 25);
  const q = params.get("q") ?? "";
  const words = q.split(/\s+/).filter(Boolean);
  const args: unknown[] = [region, params.get("kind"), params.get("discipline")];
  const wordSql = words.map((w) => {
    args.push(w, `%${w}%`);
    const a = args.length - 1;
    return `(o.search_vector @@ (select plainto_tsquery('dutch', $${a})) or o.name ilike $${a + 1} or o.visit_city ilike $${a + 1}
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
       round((ts_rank(o.search_vector, (select plainto_tsquery('dutch', ${qArg}))) + word_similarity(${qArg}, o.name || ' ' || coalesce(o.visit_city, '')))::numeric, 6)::float8 as rank,
       (count(*) over ())::int as total,
       (select json_agg(json_build_object('id', p.id,
           'name', concat_ws(' ', p.given_name, nullif(p.name_prefix, ''), p.family_name),
           'disciplines', p.disciplines, 'function', w.function) order by p.family_name, p.given_name, p.id)
         from work_relations w join persons p on p.region_id = w.region_id and p.id = w.person_id
         where w.region_id = o.region_id and w.organisation_id = o.id
           and (w.to_date is null or w.to_date >= current_date)) as people
     from organisations o
     left join organisations n on n.region_id = o.region_id and n.id = o.parent_id and n.kind = 'neighbourhood_network'
     left join areas a on a.region_id = o.region_id and a.code = o.wijk_code
     where ${where} order by rank desc, o.name, o.id limit ${limit + 1}`,
    [...args, q],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      city: o.visit_city,
      wijkName: o.wijk_name,
      network: o.network_name,
      people: o.people ?? [],
    })),
    nextCursor: rows.length > limit && last ? cursorOf([-Number(last.rank), last.name, last.id]) : null,
    total: rows[0]?.total ?? 0,
  };
}

const iso = (d: unknown) => (d as Date).toISOString();
const isoDate = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);

/** The acting user's person, as the app finds it: by e-mail address. */
async function personOfUser() {
  const rows = await query(
    `select p.id from persons p where p.region_id = $1
       and p.email_key = (select lower(u.email) from users u where u.region_id = $1 and u.id = $2)
     order by p.created_at limit 1`,
    [region, user],
  );
  return (rows[0]?.id as string | undefined) ?? null;
}

async function decisions(params: URLSearchParams) {
  const limit = Number(params.get("limit") ?? 50);
  const rows = await query(
    `select d.*, b.name as body_name, m.title as meeting_title, m.starts_at as meeting_starts_at
     from decisions d
     join bodies b on b.region_id = d.region_id and b.id = d.body_id
     join meetings m on m.region_id = d.region_id and m.id = d.meeting_id
     where d.region_id = $1 order by d.year desc, d.sequence desc, d.id desc limit $2`,
    [region, limit + 1],
  );
  const items = rows.slice(0, limit).map((d) => ({
    id: d.id,
    number: d.number,
    text: d.text,
    bodyId: d.body_id,
    bodyName: d.body_name,
    meetingId: d.meeting_id,
    meetingTitle: d.meeting_title,
    meetingStartsAt: iso(d.meeting_starts_at),
    agendaItemId: d.agenda_item_id,
    version: d.version,
  }));
  const last = rows[limit - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? cursorOf([last.year, last.sequence, last.id]) : null,
  };
}

async function actionItems(params: URLSearchParams) {
  const limit = Number(params.get("limit") ?? 50);
  // One statement, as the app: the owner's name and "mine" are subqueries.
  const rows = await query(
    `select a.*, b.name as body_name, m.title as meeting_title,
       (select concat_ws(' ', p.given_name, nullif(p.name_prefix, ''), p.family_name) from persons p
        where p.region_id = $1 and p.id = a.owner_person_id) as owner_name,
       coalesce(a.owner_person_id = (select p.id from persons p where p.region_id = $1
         and p.email_key = (select lower(u.email) from users u where u.region_id = $1 and u.id = $2)
         order by p.created_at limit 1), false) as mine
     from action_items a
     join bodies b on b.region_id = a.region_id and b.id = a.body_id
     join meetings m on m.region_id = a.region_id and m.id = a.meeting_id
     where a.region_id = $1 and a.status in ('open', 'in_progress') order by a.due_date, a.id limit $3`,
    [region, user, limit + 1],
  );
  const items = rows.slice(0, limit).map((a) => ({
    id: a.id,
    description: a.description,
    ownerPersonId: a.owner_person_id,
    ownerName: a.owner_name ?? "",
    dueDate: isoDate(a.due_date),
    status: a.status,
    bodyId: a.body_id,
    bodyName: a.body_name,
    meetingId: a.meeting_id,
    meetingTitle: a.meeting_title,
    agendaItemId: a.agenda_item_id,
    mine: a.mine,
    version: a.version,
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? cursorOf([last.dueDate, last.id]) : null };
}

/** "My meetings": the meetings of the bodies in which the user's person holds a seat on the day. */
async function myMeetings(params: URLSearchParams) {
  const limit = Number(params.get("limit") ?? 50);
  const person = await personOfUser();
  const day = `(m.starts_at at time zone 'Europe/Amsterdam')::date`;
  const rows = await query(
    `select m.*, b.name as body_name from meetings m
     join bodies b on b.region_id = m.region_id and b.id = m.body_id
     where m.region_id = $1 and m.starts_at >= $2::date::timestamp at time zone 'Europe/Amsterdam'
       and exists (select 1 from seat_terms t join seats s on s.region_id = t.region_id and s.id = t.seat_id
         where t.region_id = $1 and t.person_id = $3 and s.body_id = m.body_id
           and t.start_date <= ${day} and (t.end_date is null or t.end_date >= ${day}))
     order by m.starts_at, m.id limit $4`,
    [region, params.get("from"), person, limit + 1],
  );
  const items = rows.slice(0, limit).map((m) => ({
    id: m.id,
    bodyId: m.body_id,
    bodyName: m.body_name,
    title: m.title,
    startsAt: iso(m.starts_at),
    endsAt: iso(m.ends_at),
    location: m.location,
    onlineUrl: m.online_url,
    cancelled: m.cancelled_at !== null,
    sentAt: m.sent_at ? iso(m.sent_at) : null,
    agendaVersion: m.agenda_version,
    version: m.version,
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? cursorOf([last.startsAt, last.id]) : null };
}

const personName = (column: string) =>
  `(select concat_ws(' ', p.given_name, nullif(p.name_prefix, ''), p.family_name) from persons p
    where p.region_id = $1 and p.id = ${column})`;

/** Actions matching `where` ($1 region, $2 the user's person), by due date, with the names a row shows. */
async function actionRows(where: string, person: string | null, limit: number) {
  const rows = await query(
    `select a.*, ${personName("a.owner_person_id")} as owner_person_name,
       (select o.name from organisations o where o.region_id = $1 and o.id = a.owner_organisation_id) as owner_organisation_name,
       (select p.title from priorities p where p.region_id = $1 and p.id = a.priority_id) as priority_title,
       (select p.name from projects p where p.region_id = $1 and p.id = a.project_id) as project_name,
       (select count(*)::int from action_dependencies d join actions x on x.region_id = d.region_id and x.id = d.depends_on_id
        where d.region_id = $1 and d.action_id = a.id and x.status in ('open', 'in_progress')) as waiting_for,
       (select count(*)::int from action_comments c where c.region_id = $1 and c.action_id = a.id) as comments,
       coalesce((select p.leader_person_id from projects p where p.region_id = $1 and p.id = a.project_id) = $2, false) as leading
     from actions a
     where a.region_id = $1 and a.status in ('open', 'in_progress') and ${where}
     order by a.due_date, a.id limit $3`,
    [region, person, limit + 1],
  );
  const today = new Date().toISOString().slice(0, 10);
  const named = (id: unknown, name: unknown) => (id ? { id, name: name ?? "" } : null);
  const items = rows.slice(0, limit).map((a) => ({
    id: a.id,
    title: a.title,
    description: a.description,
    priority: named(a.priority_id, a.priority_title),
    project: named(a.project_id, a.project_name),
    ownerOrganisation: named(a.owner_organisation_id, a.owner_organisation_name),
    ownerPerson: named(a.owner_person_id, a.owner_person_name),
    dueDate: isoDate(a.due_date),
    status: a.status,
    overdue: (isoDate(a.due_date) as string) < today,
    wijk: null,
    waitingFor: a.waiting_for,
    commentCount: a.comments,
    mine: person !== null && a.owner_person_id === person,
    leading: a.leading,
    version: a.version,
  }));
  return { rows, items };
}

/** "Mijn acties": the open actions the user's person carries out. */
async function myActions(params: URLSearchParams) {
  const limit = Number(params.get("limit") ?? 50);
  const { rows, items } = await actionRows("a.owner_person_id = $2", await personOfUser(), limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? cursorOf([last.dueDate, last.id]) : null };
}

/** The stuurgroep's dashboard: programmes per phase, overdue actions, KPIs behind, latest successes. */
async function dashboard() {
  const person = await personOfUser();
  const perPhase = await query(
    `select g.id, g.name, g.level, p.phase, count(p.id)::int as n from programmes g
     left join projects p on p.region_id = g.region_id and p.programme_id = g.id
     where g.region_id = $1 group by g.id, g.name, g.level, p.phase order by g.name`,
    [region],
  );
  const programmes = new Map<
    string,
    { id: unknown; name: unknown; level: unknown; phases: Record<string, number>; projectCount: number }
  >();
  for (const r of perPhase) {
    const p = programmes.get(r.id as string) ?? {
      id: r.id,
      name: r.name,
      level: r.level,
      phases: {},
      projectCount: 0,
    };
    if (r.phase) {
      p.phases[r.phase as string] = r.n as number;
      p.projectCount += r.n as number;
    }
    programmes.set(r.id as string, p);
  }
  const today = new Date().toISOString().slice(0, 10);
  const [overdue] = await query(
    "select count(*)::int as n from actions where region_id = $1 and status in ('open', 'in_progress') and due_date < $2::date",
    [region, today],
  );
  const { items: overdueItems } = await actionRows(`a.due_date < '${today}'::date`, person, 10);
  const kpis = await query(
    `select k.*, r.name as result_area_name, pa.name as policy_area_name, pl.id as plan_id, pl.title as plan_title,
       pl.start_year, pl.end_year, m.period, m.value as latest, m.period_end
     from kpis k join result_areas r on r.region_id = k.region_id and r.id = k.result_area_id
     join policy_areas pa on pa.region_id = r.region_id and pa.id = r.policy_area_id
     join plans pl on pl.region_id = pa.region_id and pl.id = pa.plan_id
     left join lateral (select period, value, period_end from kpi_measurements x
       where x.region_id = k.region_id and x.kpi_id = k.id and x.wijk_code is null and x.organisation_id is null
       order by x.period_start desc limit 1) m on true
     where k.region_id = $1 order by k.name, k.id limit 201`,
    [region],
  );
  const presented = kpis.map((k) => {
    const latest = k.period ? { value: Number(k.latest), periodEnd: isoDate(k.period_end) as string } : null;
    return {
      id: k.id,
      name: k.name,
      definition: k.definition,
      unit: k.unit,
      baseline: Number(k.baseline),
      target: Number(k.target),
      direction: k.direction,
      resultArea: { id: k.result_area_id, name: k.result_area_name, policyAreaName: k.policy_area_name },
      plan: { id: k.plan_id, title: k.plan_title, startYear: k.start_year, endYear: k.end_year },
      latest: latest ? { period: k.period, value: latest.value } : null,
      status: kpiStatus({
        baseline: Number(k.baseline),
        target: Number(k.target),
        direction: k.direction as "up" | "down",
        latest,
        planStartYear: k.start_year as number,
        planEndYear: k.end_year as number,
      }),
      version: k.version,
    };
  });
  const successes = await query(
    `select s.*, (select p.name from projects p where p.region_id = $1 and p.id = s.project_id) as project_name
     from successes s where s.region_id = $1 order by s.happened_on desc, s.id desc limit 3`,
    [region],
  );
  return {
    programmes: [...programmes.values()],
    overdueActions: { count: overdue?.n ?? 0, items: overdueItems },
    kpisOffTarget: presented.filter((k) => k.status === "off_target"),
    kpiCounts: Object.fromEntries(
      ["achieved", "on_track", "off_target", "no_data"].map((st) => [
        st,
        presented.filter((k) => k.status === st).length,
      ]),
    ),
    successes: successes.map((x) => ({
      id: x.id,
      title: x.title,
      story: x.story,
      project: x.project_id ? { id: x.project_id, name: x.project_name ?? "" } : null,
      happenedOn: isoDate(x.happened_on),
      hasPhoto: x.photo_file_id !== null,
      authorName: x.author_name,
      mine: true,
      version: x.version,
    })),
  };
}

/** Projects in a phase by name, with programme, leader, werkgroep, resultaatgebieden, organisations and wijken. */
async function projects(params: URLSearchParams) {
  const limit = Number(params.get("limit") ?? 50);
  const person = await personOfUser();
  const rows = await query(
    `select pr.*, g.name as programme_name, ${personName("pr.leader_person_id")} as leader_name,
       (select b.name from bodies b where b.region_id = $1 and b.id = pr.working_group_id) as group_name,
       coalesce((select json_agg(json_build_object('id', r.id, 'name', r.name, 'policyAreaName', pa.name, 'planId', pl.id, 'planTitle', pl.title)
         order by pa.position, r.position)
         from project_result_areas x join result_areas r on r.region_id = x.region_id and r.id = x.result_area_id
         join policy_areas pa on pa.region_id = r.region_id and pa.id = r.policy_area_id
         join plans pl on pl.region_id = pa.region_id and pl.id = pa.plan_id
         where x.region_id = $1 and x.project_id = pr.id), '[]') as result_areas,
       coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name) order by o.name)
         from project_organisations x join organisations o on o.region_id = x.region_id and o.id = x.organisation_id
         where x.region_id = $1 and x.project_id = pr.id), '[]') as organisations,
       coalesce((select json_agg(json_build_object('code', w.code, 'name', w.name) order by w.name)
         from project_districts x join areas w on w.region_id = x.region_id and w.code = x.wijk_code
         where x.region_id = $1 and x.project_id = pr.id), '[]') as wijken
     from projects pr join programmes g on g.region_id = pr.region_id and g.id = pr.programme_id
     where pr.region_id = $1 and pr.phase = $2 order by pr.name, pr.id limit $3`,
    [region, params.get("phase"), limit + 1],
  );
  const items = rows.slice(0, limit).map((p) => ({
    id: p.id,
    programmeId: p.programme_id,
    programmeName: p.programme_name,
    name: p.name,
    goals: p.goals,
    level: p.level,
    phase: p.phase,
    leader: p.leader_person_id ? { id: p.leader_person_id, name: p.leader_name ?? "" } : null,
    mine: person !== null && p.leader_person_id === person,
    workingGroup: p.working_group_id ? { id: p.working_group_id, name: p.group_name ?? "" } : null,
    startDate: isoDate(p.start_date),
    endDate: isoDate(p.end_date),
    resultAreas: p.result_areas,
    organisations: p.organisations,
    wijken: p.wijken,
    version: p.version,
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? cursorOf([last.name, last.id]) : null };
}

const routes: Record<string, (params: URLSearchParams) => Promise<unknown>> = {
  "/api/v1/decisions": decisions,
  "/api/v1/action-items": actionItems,
  "/api/v1/meetings": myMeetings,
  "/api/v1/organisations": organisations,
  "/api/v1/social-map": socialMap,
  "/api/v1/audit-events": auditEvents,
  "/api/v1/users": users,
  "/api/v1/actions": myActions,
  "/api/v1/projects": projects,
  "/api/v1/plan-dashboard": dashboard,
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
