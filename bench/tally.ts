/**
 * `npm run bench:tally`: the ALV vote at national scale. In a fresh PostgreSQL database, an ALV
 * of 2,000 voting members is opened as a proposal (the
 * electorate fixed in one statement), 200 votes are given by proxy and 1,900 are cast; then the
 * tally that closing freezes is measured 50 times. Then a consultation round among the same people
 * is opened and its results (per question, discipline and WSV) are measured 50 times. Writes
 * bench/results/<timestamp>-tally.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import pg from "pg";
import { consultationResults } from "../src/server/modules/governance/consultation-responses.js";
import {
  advanceConsultation,
  createConsultation,
} from "../src/server/modules/governance/consultations-service.js";
import {
  countVotes,
  createProposal,
  lockProposal,
  openProposal,
} from "../src/server/modules/governance/proposals-service.js";
import { bodies } from "../src/server/modules/governance/schema.js";
import { inRegion, withCtx } from "../src/server/platform/context.js";
import { migrateDatabase, openDatabase } from "../src/server/platform/db.js";
import { regions } from "../src/server/platform/identity-schema.js";

const MEMBERS = 2_000;
// Its own database: the vote needs only a region with 2,000 people, not the national dataset.
const url =
  process.env.BENCH_TALLY_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/regiotafel_bench_tally";
const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, "/postgres") });
await admin.connect();
const name = new URL(url).pathname.slice(1);
await admin.query(`drop database if exists "${name}"`);
await admin.query(`create database "${name}"`);
await admin.end();
const database = await openDatabase({ url, dataDir: "" });
await migrateDatabase(database);
const [region] = await database.db
  .insert(regions)
  .values({ slug: "stemming", name: "Stemmingsregio" })
  .returning({ id: regions.id });
const regionId = region!.id;
await inRegion(database.db, regionId, (tx) =>
  tx.execute(sql`insert into persons (region_id, given_name, family_name)
    select ${regionId}, 'Lid', 'Nummer ' || n from generate_series(1, ${MEMBERS}) n`),
);
const actor = { kind: "token" as const, regionId, userId: null, name: "bench", role: "beheerder" as const };
const run = <T>(fn: Parameters<typeof withCtx<T>>[3]) =>
  withCtx(database.db, actor, { lang: "nl", requestId: "bench-tally" }, fn);
const ms = (from: number) => performance.now() - from;

// An ALV with a voting seat for each of 2,000 persons of the region (made once per run).
const bodyId = await run(async (ctx) => {
  const [body] = await ctx.tx
    .insert(bodies)
    .values({ regionId, kind: "general_assembly", name: "Bench ALV", quorumPercent: 50 })
    .returning({ id: bodies.id });
  const id = body!.id;
  await ctx.tx.execute(sql`
    with p as (select id, row_number() over (order by id) as n from persons where region_id = ${regionId} limit ${MEMBERS}),
    s as (insert into seats (region_id, body_id, role) select ${regionId}, ${id}, 'member' from p returning id),
    sn as (select id, row_number() over (order by id) as n from s)
    insert into seat_terms (region_id, seat_id, person_id, start_date)
    select ${regionId}, sn.id, p.id, date '2024-01-01' from sn join p using (n)`);
  return id;
});
const proposal = await run((ctx) =>
  createProposal(ctx, {
    bodyId,
    title: "Bench statutenwijziging",
    kind: "for_against",
    majority: "two_thirds",
    weighting: "person",
    maxProxies: 1,
    ballot: "secret",
    mode: "online",
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  }),
);
let start = performance.now();
await run((ctx) => openProposal(ctx, proposal.id, { version: proposal.version }));
const openMs = ms(start);
// 200 proxies (voter i+1000 holds the vote of voter i), then 1,900 ballots and their counts.
await run(async (ctx) => {
  await ctx.tx.execute(sql`
    with v as (select unit_id, person_id, row_number() over (order by unit_id) as n from proposal_voters where proposal_id = ${proposal.id})
    insert into proposal_proxies (region_id, proposal_id, unit_id, granted_by_person_id, holder_person_id)
    select ${regionId}, ${proposal.id}, a.unit_id, a.person_id, b.person_id from v a join v b on b.n = a.n + 1000 where a.n <= 200`);
  await ctx.tx.execute(sql`
    insert into proposal_ballots (region_id, proposal_id, unit_id, cast_by_person_id, by_proxy, mode)
    select ${regionId}, ${proposal.id}, v.unit_id, v.person_id, exists (select 1 from proposal_proxies x where x.proposal_id = v.proposal_id and x.unit_id = v.unit_id), 'online'
    from (select * from proposal_voters where proposal_id = ${proposal.id} order by unit_id limit 1900) v`);
  await ctx.tx.execute(sql`insert into proposal_counts (region_id, proposal_id, choice, votes)
    values (${regionId}, ${proposal.id}, 0, 1300), (${regionId}, ${proposal.id}, 1, 500), (${regionId}, ${proposal.id}, 2, 100)`);
});
const samples: number[] = [];
let result: Awaited<ReturnType<typeof countVotes>> | undefined;
for (let i = 0; i < 50; i++) {
  start = performance.now();
  result = await run(async (ctx) => countVotes(ctx, await lockProposal(ctx, proposal.id)));
  samples.push(ms(start));
}

// A consultation round among the same 2,000 people, as members of 25 WSVs with four disciplines:
// opening fixes them (one statement), 1,500 respond to three questions, and the results grouped
// per question, discipline and WSV are measured 50 times.
await run(async (ctx) => {
  await ctx.tx.execute(sql`
    update persons set disciplines = array[(array['general_practitioner', 'pharmacist', 'physiotherapist', 'midwife'])[1 + abs(hashtext(id::text)) % 4]]
    where region_id = ${regionId}`);
  await ctx.tx.execute(sql`
    insert into organisations (region_id, kind, name)
    select ${regionId}, 'neighbourhood_network', 'WSV ' || n from generate_series(1, 25) n`);
  await ctx.tx.execute(sql`
    with w as (select id, row_number() over (order by name) - 1 as n from organisations where region_id = ${regionId} and kind = 'neighbourhood_network'),
    p as (select id, row_number() over (order by id) as n from persons where region_id = ${regionId})
    insert into memberships (region_id, organisation_id, member_person_id, start_date)
    select ${regionId}, w.id, p.id, date '2024-01-01' from p join w on w.n = p.n % 25`);
});
const round = await run((ctx) =>
  createConsultation(ctx, {
    bodyId,
    title: "Bench adviesnotitie",
    questions: ["Vraag 1", "Vraag 2", "Vraag 3"],
    audience: "networks",
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
  }),
);
start = performance.now();
await run((ctx) =>
  advanceConsultation(
    ctx,
    round.id,
    { status: "consultation", version: round.version },
    "https://bench.example",
  ),
);
const consultationOpenMs = ms(start);
await run((ctx) =>
  ctx.tx.execute(sql`
    insert into consultation_answers (region_id, consultation_id, person_id, question, support, comment)
    select ${regionId}, ${round.id}, i.person_id, q, 1 + abs(hashtext(i.person_id::text || q)) % 5,
      case when abs(hashtext(i.person_id::text)) % 10 = 0 then 'Opmerking' end
    from (select person_id from consultation_invitees where consultation_id = ${round.id} order by person_id limit 1500) i,
      generate_series(0, 2) q`),
);
const resultSamples: number[] = [];
for (let i = 0; i < 50; i++) {
  start = performance.now();
  await run((ctx) => consultationResults(ctx, round.id));
  resultSamples.push(ms(start));
}

const pct = (list: number[], p: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(2));
};
const spread = (list: number[]) => ({ p50: pct(list, 50), p95: pct(list, 95), max: pct(list, 100) });
const output = {
  at: new Date().toISOString(),
  members: MEMBERS,
  openMs: Number(openMs.toFixed(1)),
  tallyMs: spread(samples),
  result,
  consultation: {
    invitees: MEMBERS,
    answers: 1500 * 3,
    openMs: Number(consultationOpenMs.toFixed(1)),
    resultsMs: spread(resultSamples),
  },
};
console.log(JSON.stringify(output, null, 2));
mkdirSync("bench/results", { recursive: true });
writeFileSync(
  `bench/results/${output.at.replace(/[:.]/g, "-")}-tally.json`,
  `${JSON.stringify(output, null, 2)}\n`,
);
await database.close();
