import { and, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { periodBounds } from "../../../shared/kpi.js";
import type { ReportRag } from "../../../shared/plan.js";
import { isBureau } from "../../../shared/roles.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, invalidField, notFound } from "../../platform/errors.js";
import { enqueueMails } from "../../platform/mail.js";
import { dutchDay } from "../governance/words.js";
import { mailContactsOf, personNameSql, personOfUserSql } from "../network/persons-service.js";
import { kpisOfResultAreas } from "./kpis-service.js";
import { programmes, projectResultAreas, projects } from "./projects-schema.js";
import { progressReports, reportRounds } from "./reports-schema.js";
import { resultAreas } from "./schema.js";

type RoundRow = typeof reportRounds.$inferSelect;
const presentRound = (r: RoundRow, counts: { requested: number; submitted: number }) => ({
  id: r.id,
  period: r.period,
  dueDate: r.dueDate,
  closed: r.closedAt !== null,
  requested: counts.requested,
  submitted: counts.submitted,
  version: r.version,
});

const countsSql = {
  requested: sql<number>`(select count(*)::int from ${progressReports} x
    where x.region_id = "report_rounds"."region_id" and x.round_id = "report_rounds"."id")`,
  submitted: sql<number>`(select count(*)::int from ${progressReports} x
    where x.region_id = "report_rounds"."region_id" and x.round_id = "report_rounds"."id" and x.submitted_at is not null)`,
};

/** The reporting rounds, newest period first, with how many reports were asked and are in. */
export async function listRounds(ctx: Ctx) {
  const rows = await ctx.tx
    .select({ r: reportRounds, ...countsSql })
    .from(reportRounds)
    .where(eq(reportRounds.regionId, ctx.actor.regionId))
    .orderBy(desc(reportRounds.period));
  return { items: rows.map((x) => presentRound(x.r, x)) };
}

async function roundRow(ctx: Ctx, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(reportRounds)
    .where(and(eq(reportRounds.regionId, ctx.actor.regionId), eq(reportRounds.id, id)));
  if (!row) throw notFound();
  return row;
}

/**
 * Opens a round for a period: every project that is not afgerond gets a report to write, and its
 * projectleider an e-mail asking for it by the due date.
 */
export async function createRound(ctx: Ctx, input: { period: string; dueDate: string }, publicUrl: string) {
  if (!periodBounds(input.period)) throw invalidField("body.period", "field.period");
  const [same] = await ctx.tx
    .select({ id: reportRounds.id })
    .from(reportRounds)
    .where(and(eq(reportRounds.regionId, ctx.actor.regionId), eq(reportRounds.period, input.period)));
  if (same) throw invalidField("body.period", "field.roundExists", 409);
  const region = ctx.actor.regionId;
  const [round] = await ctx.tx
    .insert(reportRounds)
    .values({ ...input, regionId: region })
    .returning();
  const running = await ctx.tx
    .select({ id: projects.id, name: projects.name, leader: projects.leaderPersonId })
    .from(projects)
    .where(and(eq(projects.regionId, region), ne(projects.phase, "closed")));
  if (running.length)
    await ctx.tx
      .insert(progressReports)
      .values(running.map((p) => ({ regionId: region, roundId: round!.id, projectId: p.id })));
  const contacts = await mailContactsOf(ctx, [...new Set(running.flatMap((p) => p.leader ?? []))]);
  await enqueueMails(
    ctx.tx,
    region,
    running.flatMap((p) => {
      const to = p.leader ? contacts.get(p.leader) : undefined;
      return to
        ? [
            {
              to: to.email,
              subject: `Voortgangsrapportage ${input.period}: ${p.name}`,
              text: `Beste ${to.givenName},\n\nWilt u uiterlijk ${dutchDay(input.dueDate)} de voortgangsrapportage over ${input.period} invullen voor het project ${p.name}: groen, oranje of rood, wat er bereikt is en welke risico's u ziet?\n\n${publicUrl}/voortgang/${round!.id}\n`,
            },
          ]
        : [];
    }),
  );
  const after = presentRound(round!, { requested: running.length, submitted: 0 });
  await audit(ctx, { entityType: "report_round", entityId: after.id, action: "create", after });
  return after;
}

/**
 * A round as the consolidated regional report: every project's report with its programme and
 * leader, and the traffic lights counted per programme and per resultaatgebied.
 */
export async function getRound(ctx: Ctx, id: string) {
  const round = await roundRow(ctx, id);
  const region = ctx.actor.regionId;
  const rows = await ctx.tx
    .select({
      r: progressReports,
      projectName: projects.name,
      programmeId: programmes.id,
      programmeName: programmes.name,
      leaderName: personNameSql(region, projects.leaderPersonId),
      mine: sql<boolean>`coalesce(${projects.leaderPersonId} = ${personOfUserSql(ctx)}, false)`,
    })
    .from(progressReports)
    .innerJoin(
      projects,
      and(eq(projects.regionId, progressReports.regionId), eq(projects.id, progressReports.projectId)),
    )
    .innerJoin(
      programmes,
      and(eq(programmes.regionId, projects.regionId), eq(programmes.id, projects.programmeId)),
    )
    .where(and(eq(progressReports.regionId, region), eq(progressReports.roundId, id)))
    .orderBy(programmes.name, projects.name);
  const areaLinks = rows.length
    ? await ctx.tx
        .select({ projectId: projectResultAreas.projectId, id: resultAreas.id, name: resultAreas.name })
        .from(projectResultAreas)
        .innerJoin(
          resultAreas,
          and(
            eq(resultAreas.regionId, projectResultAreas.regionId),
            eq(resultAreas.id, projectResultAreas.resultAreaId),
          ),
        )
        .where(
          and(
            eq(projectResultAreas.regionId, region),
            inArray(
              projectResultAreas.projectId,
              rows.map((x) => x.r.projectId),
            ),
          ),
        )
    : [];
  const areasOf = new Map<string, { id: string; name: string }[]>();
  for (const { projectId, id: areaId, name } of areaLinks) {
    const list = areasOf.get(projectId) ?? [];
    list.push({ id: areaId, name });
    areasOf.set(projectId, list);
  }
  const reports = rows.map((x) => ({
    id: x.r.id,
    project: { id: x.r.projectId, name: x.projectName },
    programme: { id: x.programmeId, name: x.programmeName },
    leaderName: x.leaderName,
    resultAreas: areasOf.get(x.r.projectId) ?? [],
    rag: x.r.rag,
    narrative: x.r.narrative,
    risks: x.r.risks,
    kpiSnapshot: x.r.kpiSnapshot ?? [],
    submittedAt: x.r.submittedAt?.toISOString() ?? null,
    submittedBy: x.r.submittedBy,
    /** Whether the caller may write it: the bureau, or the project's leader. */
    mine: isBureau(ctx.actor) || x.mine,
    version: x.r.version,
  }));
  const tally = (key: (r: (typeof reports)[number]) => { id: string; name: string }[]) => {
    const groups = new Map<
      string,
      { id: string; name: string; green: number; orange: number; red: number; missing: number }
    >();
    for (const r of reports)
      for (const g of key(r)) {
        const t = groups.get(g.id) ?? { ...g, green: 0, orange: 0, red: 0, missing: 0 };
        t[r.rag ?? "missing"]++;
        groups.set(g.id, t);
      }
    return [...groups.values()];
  };
  const counts = { requested: reports.length, submitted: reports.filter((r) => r.submittedAt).length };
  return {
    ...presentRound(round, counts),
    byProgramme: tally((r) => [r.programme]),
    byResultArea: tally((r) => r.resultAreas).sort((a, b) => a.name.localeCompare(b.name, "nl")),
    reports,
  };
}

/**
 * Writes (or rewrites, until the round closes) a project's report: its traffic light, narrative
 * and risks, with a snapshot of the KPIs of its resultaatgebieden. The bureau, or the leader.
 */
export async function submitReport(
  ctx: Ctx,
  id: string,
  input: { rag: ReportRag; narrative: string; risks?: string | null; version: number },
) {
  const region = ctx.actor.regionId;
  const [row] = await ctx.tx
    .select({
      r: progressReports,
      mine: sql<boolean>`coalesce(${projects.leaderPersonId} = ${personOfUserSql(ctx)}, false)`,
      closedAt: reportRounds.closedAt,
    })
    .from(progressReports)
    .innerJoin(
      projects,
      and(eq(projects.regionId, progressReports.regionId), eq(projects.id, progressReports.projectId)),
    )
    .innerJoin(
      reportRounds,
      and(eq(reportRounds.regionId, progressReports.regionId), eq(reportRounds.id, progressReports.roundId)),
    )
    .where(and(eq(progressReports.regionId, region), eq(progressReports.id, id)));
  if (!row) throw notFound();
  if (!isBureau(ctx.actor) && !row.mine) throw invalidField("params.id", "field.ownReport", 403);
  if (row.closedAt) throw invalidField("params.id", "field.roundClosed", 409);
  const before = { rag: row.r.rag, narrative: row.r.narrative, risks: row.r.risks };
  if (row.r.version !== input.version) throw conflict(before);
  const areas = await ctx.tx
    .select({ id: projectResultAreas.resultAreaId })
    .from(projectResultAreas)
    .where(and(eq(projectResultAreas.regionId, region), eq(projectResultAreas.projectId, row.r.projectId)));
  const snapshot = (
    await kpisOfResultAreas(
      ctx,
      areas.map((a) => a.id),
    )
  ).map((k) => ({
    id: k.id,
    name: k.name,
    unit: k.unit,
    target: k.target,
    latest: k.latest,
    status: k.status,
  }));
  await ctx.tx
    .update(progressReports)
    .set({
      rag: input.rag,
      narrative: input.narrative,
      risks: input.risks ?? null,
      kpiSnapshot: snapshot,
      submittedAt: new Date(),
      submittedBy: ctx.actor.name,
      version: input.version + 1,
    })
    .where(and(eq(progressReports.regionId, region), eq(progressReports.id, id)));
  const after = { rag: input.rag, narrative: input.narrative, risks: input.risks ?? null };
  await audit(ctx, { entityType: "progress_report", entityId: id, action: "submit", before, after });
  return getRound(ctx, row.r.roundId);
}

/** Closes a round: its reports are then the record, and no report for it is written any more. */
export async function closeRound(ctx: Ctx, id: string, version: number) {
  const row = await roundRow(ctx, id);
  if (row.version !== version) throw conflict(await getRound(ctx, id));
  if (row.closedAt) throw invalidField("params.id", "field.roundClosed", 409);
  await ctx.tx
    .update(reportRounds)
    .set({ closedAt: new Date(), version: version + 1 })
    .where(
      and(
        eq(reportRounds.regionId, ctx.actor.regionId),
        eq(reportRounds.id, id),
        isNull(reportRounds.closedAt),
      ),
    );
  await audit(ctx, {
    entityType: "report_round",
    entityId: id,
    action: "close",
    before: { closed: false },
    after: { closed: true },
  });
  return getRound(ctx, id);
}
