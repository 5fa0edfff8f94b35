import { sql } from "drizzle-orm";
import type { Db } from "../src/server/platform/db.js";
import { ROLES } from "../src/shared/roles.js";

/**
 * A deterministic national-scale dataset, generated inside the database with generate_series so
 * a million rows take seconds, not minutes. Ids are md5-derived, so every run builds the same
 * rows. Later modules add their tables here.
 */
export const SCALE = {
  regions: 60,
  accounts: 10_000,
  auditRows: 1_000_000,
  organisations: 20_000,
  persons: 100_000,
  workRelations: 150_000,
  memberships: 200_000,
  bodies: 3_000,
  seatsPerBody: 10,
  meetings: 30_000,
  agendaItems: 300_000,
  decisions: 50_000,
  actionItems: 100_000,
  prioritisations: 600,
  topics: 6_000,
  priorities: 2_400,
  programmes: 480,
  projects: 4_500,
  actions: 200_000,
  kpis: 2_040,
  measurements: 97_920,
  /** Region 0 is the largest region: these projects come on top of its share of `projects`. */
  largestRegionExtraProjects: 300,
  /** Quarterly reporting rounds per region, 2025-Q1 to 2027-Q1; the last one is still open. */
  reportRounds: 9,
} as const;

/** Every project, 4,800, is asked for a report in every round of its region. */
export const PROGRESS_REPORTS = (SCALE.projects + SCALE.largestRegionExtraProjects) * SCALE.reportRounds;

/** The bench's own account (account 0, a beheerder of region 0) is person 0, who sits in ten bodies. */
export const BENCH_ACCOUNT_EMAIL = "account0@bench.example";

/**
 * A deterministic, valid (version 4, RFC 9562 variant) uuid for `kind` number `n`, as SQL: md5
 * with the version and variant nibbles set, since the API's schemas reject other uuids.
 */
const idOf = (kind: string, n: string) =>
  sql.raw(`overlay(overlay(md5('bench-${kind}-' || ${n}) placing '4' from 13) placing '8' from 17)::uuid`);

/** The region every measurement reads: region 0. */
export const benchRegionId = (db: Db) => one(db, sql`select ${idOf("region", "0")} as id`);
/** The account the bench's token belongs to: account 0, a beheerder of region 0. */
export const benchAccountId = (db: Db) => one(db, sql`select ${idOf("user", "0")} as id`);

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

const countOf = async (db: Db, query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;

const CITIES =
  "Leiden,Katwijk,Noordwijk,Oegstgeest,Leiderdorp,Voorschoten,Lisse,Hillegom,Sassenheim,Alphen aan den Rijn,Nieuwkoop,Zoeterwoude".split(
    ",",
  );
const DISCIPLINE_MIX = [
  "general_practitioner",
  "general_practitioner",
  "practice_nurse_somatic",
  "pharmacist",
  "physiotherapist",
  "dietitian",
  "midwife",
  "district_nurse",
];
const ORG_KINDS = [
  "general_practice",
  "pharmacy",
  "physiotherapy",
  "dietetics",
  "midwifery",
  "neighbourhood_network",
];
const ORG_WORDS = [
  "Huisartsenpraktijk",
  "Apotheek",
  "Fysiotherapie",
  "Diëtistenpraktijk",
  "Verloskundigen",
  "WSV",
];

/**
 * The parts of the dataset, in order. Each is built only when missing, so a dataset made by an
 * earlier version of this file grows with the new modules' tables instead of being rebuilt.
 * Account n lives in region n % regions; audit row g belongs to region g % regions and is made by
 * one of that region's accounts, one row a minute from 2025-01-01 on; organisation n likewise.
 */
function parts() {
  const { regions, accounts, auditRows, organisations, persons, workRelations, memberships } = SCALE;
  const { bodies, seatsPerBody, meetings, agendaItems, decisions, actionItems } = SCALE;
  const { prioritisations, topics, priorities, programmes, projects, actions, kpis, measurements } = SCALE;
  const { largestRegionExtraProjects: extraProjects, reportRounds } = SCALE;
  /** Every project as (j, r): project number j of region number r, the largest region's extra ones too. */
  const allProjects = `(select j, j % ${regions} as r from generate_series(0, ${projects - 1}) j
    union all select ${projects} + e, 0 from generate_series(0, ${extraProjects - 1}) e) p`;
  const personsPerRegion = Math.floor(persons / regions);
  /** Person number of the `i`-th person of the region of `regionOf`. */
  const personIn = (regionOf: string, i: string) =>
    `((${regionOf}) % ${regions} + ${regions} * ((${i}) % ${personsPerRegion}))`;
  const orgsPerRegion = Math.floor(organisations / regions);
  /** Organisation number `i`-th of the region of `regionOf` (so every reference stays in-region). */
  const orgIn = (regionOf: string, i: string) =>
    `((${regionOf}) % ${regions} + ${regions} * ((${i}) % ${orgsPerRegion}))`;
  const perRegion = Math.floor(accounts / regions);
  return [
    {
      label: `${regions} regio's en ${accounts} accounts`,
      present: sql`select count(*)::int as n from regions where id = ${idOf("region", "0")}`,
      build: [
        sql`insert into regions (id, slug, name)
            select ${idOf("region", "r")}, 'bench-' || lpad(r::text, 2, '0'), 'Benchregio ' || lpad(r::text, 2, '0')
            from generate_series(0, ${regions - 1}) r`,
        sql`insert into users (id, region_id, email, name, role, status, created_at)
            select ${idOf("user", "n")}, ${idOf("region", `(n % ${regions})`)},
                   'account' || n || '@bench.example', ${nameOf("n")},
                   (${textArray(ROLES)})[1 + n % ${ROLES.length}], 'active',
                   timestamptz '2024-01-01' + n * interval '1 hour'
            from generate_series(0, ${accounts - 1}) n`,
      ],
    },
    {
      label: `${auditRows.toLocaleString("nl-NL")} logboekregels`,
      present: sql`select count(*)::int as n from audit_log where region_id = ${idOf("region", "0")}`,
      build: [
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
      ],
    },
    {
      label: `${organisations.toLocaleString("nl-NL")} organisaties`,
      present: sql`select count(*)::int as n from organisations where region_id = ${idOf("region", "0")}`,
      build: [
        sql`insert into organisations (id, region_id, kind, name, visit_city, visit_postcode, agb_code, municipality_code)
            select ${idOf("organisation", "n")}, ${idOf("region", `(n % ${regions})`)},
                   (${textArray(ORG_KINDS)})[1 + k], (${textArray(ORG_WORDS)})[1 + k] || ' ' || c || ' ' || (n / ${regions}),
                   c, (2000 + n % 7000) || ' AB', lpad((n * 7)::text, 8, '0'), 'GM' || lpad((n % 900)::text, 4, '0')
            from (select n, (n / 7) % ${ORG_KINDS.length} as k,
                         (${textArray(CITIES)})[1 + (n / 3) % ${CITIES.length}] as c
                  from generate_series(0, ${organisations - 1}) n) s`,
      ],
    },
    {
      label: `${persons.toLocaleString("nl-NL")} personen, ${workRelations.toLocaleString("nl-NL")} werkrelaties, ${memberships.toLocaleString("nl-NL")} lidmaatschappen`,
      present: sql`select count(*)::int as n from persons where region_id = ${idOf("region", "0")}`,
      build: [
        sql`insert into persons (id, region_id, given_name, family_name, disciplines, big_number, visibility)
            select ${idOf("person", "n")}, ${idOf("region", `(n % ${regions})`)},
                   (${textArray(FIRST)})[1 + n % ${FIRST.length}], (${textArray(LAST)})[1 + (n / 7) % ${LAST.length}],
                   array[(${textArray(DISCIPLINE_MIX)})[1 + (n / 3) % ${DISCIPLINE_MIX.length}]],
                   lpad((n * 13)::text, 11, '1'), (array['bureau','members','partners'])[1 + n % 3]
            from generate_series(0, ${persons - 1}) n`,
        // Person p works at organisations of its own region; the kind of practice follows the
        // discipline only loosely, as in real exports.
        sql`insert into work_relations (region_id, person_id, organisation_id, function, fte, from_date, to_date)
            select ${idOf("region", `(p % ${regions})`)}, ${idOf("person", "p")},
                   ${idOf("organisation", orgIn("p", "w * 7919"))}, 'Functie', 0.8,
                   date '2010-01-01' + (w % 4000), case when w % 9 = 0 then date '2024-12-31' end
            from (select w, w % ${persons} as p from generate_series(0, ${workRelations - 1}) w) s`,
        sql`insert into memberships (region_id, organisation_id, member_person_id, type, start_date, end_date)
            select ${idOf("region", `(p % ${regions})`)}, ${idOf("organisation", orgIn("p", "m * 13"))},
                   ${idOf("person", "p")}, (array['member','member','aspirant','extraordinary'])[1 + m % 4],
                   date '2012-01-01' + (m % 4000), case when m % 11 = 0 then date '2025-06-30' end
            from (select m, m % ${persons} as p from generate_series(0, ${memberships - 1}) m) s`,
      ],
    },
    {
      label: `${bodies.toLocaleString("nl-NL")} organen, ${meetings.toLocaleString("nl-NL")} vergaderingen, ${agendaItems.toLocaleString("nl-NL")} agendapunten, ${decisions.toLocaleString("nl-NL")} besluiten, ${actionItems.toLocaleString("nl-NL")} actiepunten`,
      present: sql`select count(*)::int as n from bodies where region_id = ${idOf("region", "0")}`,
      build: [
        // Body b lives in region b % regions; its meetings, items, decisions and actions follow it.
        sql`insert into bodies (id, region_id, kind, name, quorum_percent)
            select ${idOf("body", "b")}, ${idOf("region", `(b % ${regions})`)},
                   (array['working_group','steering_group','medical_council','board','advisory_council'])[1 + (b / ${regions}) % 5],
                   'Orgaan ' || b, 50
            from generate_series(0, ${bodies - 1}) b`,
        sql`insert into seats (id, region_id, body_id, role, term_years)
            select ${idOf("seat", "s")}, ${idOf("region", `((s % ${bodies}) % ${regions})`)}, ${idOf("body", `(s % ${bodies})`)},
                   case when s < ${bodies} then 'chair' when s % 9 = 0 then 'advisor' else 'member' end, 3
            from generate_series(0, ${bodies * seatsPerBody - 1}) s`,
        sql`insert into seat_terms (region_id, seat_id, person_id, start_date)
            select ${idOf("region", `((s % ${bodies}) % ${regions})`)}, ${idOf("seat", "s")},
                   ${idOf("person", personIn(`s % ${bodies}`, "s * 31 + 1"))}, date '2024-01-01'
            from generate_series(0, ${bodies * seatsPerBody - 1}) s`,
        // Person 0 (region 0) is the bench account's person, with a seat in ten of region 0's bodies.
        sql`update persons set email = ${BENCH_ACCOUNT_EMAIL} where id = ${idOf("person", "0")}`,
        sql`insert into seats (id, region_id, body_id, role)
            select ${idOf("benchseat", "k")}, ${idOf("region", "0")}, ${idOf("body", `(k * ${regions})`)}, 'member'
            from generate_series(0, 9) k`,
        sql`insert into seat_terms (region_id, seat_id, person_id, start_date)
            select ${idOf("region", "0")}, ${idOf("benchseat", "k")}, ${idOf("person", "0")}, date '2024-01-01'
            from generate_series(0, 9) k`,
        sql`insert into meetings (id, region_id, body_id, title, starts_at, ends_at, sent_at)
            select ${idOf("meeting", "m")}, ${idOf("region", `((m % ${bodies}) % ${regions})`)}, ${idOf("body", `(m % ${bodies})`)},
                   'Vergadering ' || m, t, t + interval '2 hours', t - interval '14 days'
            from (select m, timestamptz '2025-01-06 16:00+01' + (m / ${bodies}) * interval '61 days' + (m % 5) * interval '1 day' as t
                  from generate_series(0, ${meetings - 1}) m) s`,
        sql`insert into agenda_items (region_id, meeting_id, position, title, kind, minutes_allotted, confidential)
            select ${idOf("region", `((i % ${meetings}) % ${bodies} % ${regions})`)}, ${idOf("meeting", `(i % ${meetings})`)},
                   1 + i / ${meetings}, 'Agendapunt ' || i,
                   (array['decision','discussion','information'])[1 + i % 3], 15, i % 17 = 0
            from generate_series(0, ${agendaItems - 1}) i`,
        sql`insert into decisions (region_id, body_id, meeting_id, year, sequence, number, text)
            select ${idOf("region", `(m % ${bodies} % ${regions})`)}, ${idOf("body", `(m % ${bodies})`)}, ${idOf("meeting", "m")},
                   y, d, 'WG-' || y || '-' || lpad(d::text, 3, '0'), 'Besluit ' || d || ' over het regioplan'
            from (select d, d % ${meetings} as m, 2025 + ((d % ${meetings}) / ${bodies}) * 61 / 365 as y
                  from generate_series(0, ${decisions - 1}) d) s`,
        sql`insert into action_items (region_id, body_id, meeting_id, description, owner_person_id, due_date, status)
            select ${idOf("region", `(m % ${bodies} % ${regions})`)}, ${idOf("body", `(m % ${bodies})`)}, ${idOf("meeting", "m")},
                   'Actie ' || a, ${idOf("person", personIn(`m % ${bodies}`, "a * 7"))},
                   date '2025-01-20' + (a % 720), (array['open','in_progress','done','done','cancelled'])[1 + a % 5]
            from (select a, a % ${meetings} as m from generate_series(0, ${actionItems - 1}) a) s`,
      ],
    },
    {
      label: `${prioritisations} prioriteringen, ${topics.toLocaleString("nl-NL")} onderwerpen, ${priorities.toLocaleString("nl-NL")} speerpunten, ${programmes} programma's, ${projects.toLocaleString("nl-NL")} projecten, ${actions.toLocaleString("nl-NL")} acties`,
      present: sql`select count(*)::int as n from projects where region_id = ${idOf("region", "0")}`,
      build: [
        // Prioritisation k, topic t, priority n, programme g and project j live in region
        // (number % regions); each refers only to rows of its own region.
        sql`insert into prioritisations (id, region_id, title, status, decided_on)
            select ${idOf("prioritisation", "k")}, ${idOf("region", `(k % ${regions})`)},
                   'Prioritering ' || k, 'decided', timestamptz '2025-03-01' + k * interval '1 day'
            from generate_series(0, ${prioritisations - 1}) k`,
        sql`insert into topics (id, region_id, prioritisation_id, title)
            select ${idOf("topic", "t")}, ${idOf("region", `(t % ${regions})`)},
                   ${idOf("prioritisation", `(t % ${prioritisations})`)}, 'Onderwerp ' || t
            from generate_series(0, ${topics - 1}) t`,
        sql`insert into priorities (id, region_id, prioritisation_id, topic_id, title, position)
            select ${idOf("priority", "n")}, ${idOf("region", `(n % ${regions})`)},
                   ${idOf("prioritisation", `(n % ${prioritisations})`)}, ${idOf("topic", "n")},
                   'Speerpunt ' || n, 1 + n / ${prioritisations}
            from generate_series(0, ${priorities - 1}) n`,
        sql`insert into programmes (id, region_id, name, level)
            select ${idOf("programme", "g")}, ${idOf("region", `(g % ${regions})`)}, 'Programma ' || g,
                   (array['practice','district','region'])[1 + g % 3]
            from generate_series(0, ${programmes - 1}) g`,
        sql`insert into projects (id, region_id, programme_id, name, level, phase, leader_person_id, start_date, end_date)
            select ${idOf("project", "j")}, ${idOf("region", `(j % ${regions})`)},
                   ${idOf("programme", `(j % ${regions} + ${regions} * ((j / ${regions}) % ${programmes / regions}))`)},
                   'Project ' || j, (array['practice','district','region'])[1 + j % 3],
                   (array['idea','preparation','execution','execution','completion','closed'])[1 + (j / ${regions}) % 6],
                   ${idOf("person", personIn("j", "j * 11"))}, date '2025-01-01' + (j % 365), date '2027-01-01' + (j % 365)
            from generate_series(0, ${projects - 1}) j`,
        sql`insert into project_organisations (region_id, project_id, organisation_id)
            select ${idOf("region", `(j % ${regions})`)}, ${idOf("project", "j")}, ${idOf("organisation", orgIn("j", "j * 3 + k"))}
            from generate_series(0, ${projects - 1}) j, generate_series(0, 1) k`,
        // Half the actions serve a speerpunt, half a project; the owner is a person and an
        // organisation of the action's region. Person 0 (the bench account) carries out a few dozen.
        sql`insert into actions (id, region_id, priority_id, project_id, title, owner_organisation_id, owner_person_id, due_date, status)
            select ${idOf("action", "a")}, ${idOf("region", `(a % ${regions})`)},
                   case when (a / ${regions}) % 2 = 0 then ${idOf("priority", `(a % ${regions} + ${regions} * ((a / ${regions}) % ${priorities / regions}))`)} end,
                   case when (a / ${regions}) % 2 = 1 then ${idOf("project", `(a % ${regions} + ${regions} * ((a / ${regions}) % ${Math.floor(projects / regions)}))`)} end,
                   'Actie ' || a, ${idOf("organisation", orgIn("a", "a * 3"))}, ${idOf("person", personIn("a", "a * 7"))},
                   date '2025-01-15' + (a % 900), (array['open','in_progress','done','done','cancelled'])[1 + a % 5]
            from generate_series(0, ${actions - 1}) a`,
      ],
    },
    {
      label: `${regions} regioplannen, ${kpis.toLocaleString("nl-NL")} indicatoren, ${measurements.toLocaleString("nl-NL")} metingen`,
      present: sql`select count(*)::int as n from kpis where region_id = ${idOf("region", "0")}`,
      build: [
        // A plan 2025–2028 per region with six beleidsterreinen of two resultaatgebieden; KPI k
        // serves one of its region's resultaatgebieden; its measurements are months from 2025 on.
        sql`insert into plans (id, region_id, title, start_year, end_year, status, adopted_by_body_id, adopted_on)
            select ${idOf("plan", "r")}, ${idOf("region", "r")}, 'Regioplan ' || r, 2025, 2028, 'adopted',
                   ${idOf("body", "r")}, date '2025-01-20'
            from generate_series(0, ${regions - 1}) r`,
        sql`insert into policy_areas (id, region_id, plan_id, name, position)
            select ${idOf("policyarea", "a")}, ${idOf("region", `(a % ${regions})`)}, ${idOf("plan", `(a % ${regions})`)},
                   'Beleidsterrein ' || a, 1 + a / ${regions}
            from generate_series(0, ${regions * 6 - 1}) a`,
        sql`insert into result_areas (id, region_id, policy_area_id, name, position)
            select ${idOf("resultarea", "x")}, ${idOf("region", `(x % ${regions})`)},
                   ${idOf("policyarea", `(x % ${regions * 6})`)}, 'Resultaatgebied ' || x, 1 + x / ${regions * 6}
            from generate_series(0, ${regions * 12 - 1}) x`,
        sql`insert into kpis (id, region_id, result_area_id, name, unit, baseline, target, direction)
            select ${idOf("kpi", "k")}, ${idOf("region", `(k % ${regions})`)},
                   ${idOf("resultarea", `(k % ${regions * 12})`)}, 'Indicator ' || k, '%', 20, 10,
                   case when k % 2 = 0 then 'down' else 'up' end
            from generate_series(0, ${kpis - 1}) k`,
        sql`insert into kpi_measurements (region_id, kpi_id, period, period_start, period_end, value)
            select ${idOf("region", `(k % ${regions})`)}, ${idOf("kpi", "k")},
                   to_char(d, 'YYYY-MM'), d, (d + interval '1 month' - interval '1 day')::date, 10 + (m * 7) % 15
            from (select m, m % ${kpis} as k, (date '2025-01-01' + ((m / ${kpis}) || ' months')::interval)::date as d
                  from generate_series(0, ${measurements - 1}) m) s`,
      ],
    },
    {
      label: `de grootste regio met ${extraProjects} projecten extra, ${regions * reportRounds} rapportagerondes, ${PROGRESS_REPORTS.toLocaleString("nl-NL")} voortgangsrapportages`,
      present: sql`select count(*)::int as n from report_rounds where region_id = ${idOf("region", "0")}`,
      build: [
        sql`insert into projects (id, region_id, programme_id, name, level, phase, leader_person_id, start_date, end_date)
            select ${idOf("project", `(${projects} + e)`)}, ${idOf("region", "0")},
                   ${idOf("programme", `(${regions} * (e % ${programmes / regions}))`)}, 'Project ' || (${projects} + e),
                   (array['practice','district','region'])[1 + e % 3],
                   (array['idea','preparation','execution','execution','completion','closed'])[1 + e % 6],
                   ${idOf("person", personIn("0", "e * 11"))}, date '2025-01-01' + (e % 365), date '2027-01-01' + (e % 365)
            from generate_series(0, ${extraProjects - 1}) e`,
        // Each project serves two of its region's twelve resultaatgebieden.
        sql`insert into project_result_areas (region_id, project_id, result_area_id)
            select ${idOf("region", "r")}, ${idOf("project", "j")}, ${idOf("resultarea", `(r + ${regions} * ((j / ${regions} + k * 5) % 12))`)}
            from ${sql.raw(allProjects)}, generate_series(0, 1) k`,
        // Round q of region r is quarter q from 2025-Q1; all but the last are closed.
        sql`insert into report_rounds (id, region_id, period, due_date, closed_at)
            select ${idOf("round", `(r + ${regions} * q)`)}, ${idOf("region", "r")},
                   (2025 + q / 4) || '-Q' || (1 + q % 4), d,
                   case when q < ${reportRounds - 1} then d + interval '7 days' end
            from (select r, q, (date '2025-04-14' + (q * interval '3 months'))::date as d
                  from generate_series(0, ${regions - 1}) r, generate_series(0, ${reportRounds - 1}) q) s`,
        // Every report of a closed round is in, with a narrative, risks and three KPIs; a third of
        // the open round's are. The lights are mostly green, some orange, a few red.
        sql`insert into progress_reports (region_id, round_id, project_id, rag, narrative, risks, kpi_snapshot, submitted_at, submitted_by)
            select ${idOf("region", "r")}, ${idOf("round", `(r + ${regions} * q)`)}, ${idOf("project", "j")},
                   (array['green','green','green','orange','red'])[1 + (j + q) % 5],
                   'In ' || period || ' is het project verder gekomen: de werkgroep kwam drie keer bijeen, '
                     || 'de praktijken in de wijk zijn bezocht en de afspraken met de gemeente en de wijkverpleging '
                     || 'zijn vastgelegd. ' || repeat('De eerste resultaten zijn besproken met de huisartsen en de '
                     || 'praktijkondersteuners; de aanpak wordt in het volgende kwartaal breder uitgerold. ', 1 + (j % 3)),
                   case when (j + q) % 5 >= 3 then 'Beschikbaarheid van praktijkondersteuners en de financiering na 2026.' end,
                   (select jsonb_agg(jsonb_build_object('id', ${idOf("kpi", `(r + ${regions} * i)`)}, 'name', 'Indicator ' || (r + ${regions} * i),
                      'unit', '%', 'target', 10, 'latest', jsonb_build_object('period', '2025-06', 'value', 10 + (j + i) % 15),
                      'status', case when (j + i) % 15 = 0 then 'achieved' else 'off_target' end))
                    from generate_series(0, 2) i),
                   d - interval '3 days', 'Projectleider ' || j
            from (select p.j, p.r, q, (2025 + q / 4) || '-Q' || (1 + q % 4) as period,
                         (date '2025-04-14' + (q * interval '3 months'))::date as d
                  from ${sql.raw(allProjects)}, generate_series(0, ${reportRounds - 1}) q) s
            where q < ${reportRounds - 1} or j % 3 = 0`,
        sql`insert into progress_reports (region_id, round_id, project_id)
            select ${idOf("region", "r")}, ${idOf("round", `(r + ${regions} * ${reportRounds - 1})`)}, ${idOf("project", "j")}
            from ${sql.raw(allProjects)} where j % 3 <> 0`,
      ],
    },
  ];
}

/** The largest region's newest closed round: the biggest consolidated report there is. */
export const benchRoundId = (db: Db) =>
  one(db, sql`select ${idOf("round", `(${SCALE.regions} * ${SCALE.reportRounds - 2})`)} as id`);

export async function generateDataset(db: Db, log: (line: string) => void) {
  const started = performance.now();
  for (const part of parts()) {
    if ((await countOf(db, part.present)) > 0) continue;
    const t = performance.now();
    for (const statement of part.build) await db.execute(statement);
    log(`  ${part.label} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
  // Vacuum too: an import measured in an earlier run and undone leaves dead rows behind.
  await db.execute(sql`vacuum analyze`);
  log(`  dataset klaar in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
