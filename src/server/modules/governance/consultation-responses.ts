import { and, asc, eq, sql } from "drizzle-orm";
import { type CommentHandling, SUPPORTS_FROM } from "../../../shared/consultation.js";
import { dayInNetherlands } from "../../../shared/dates.js";
import type { Discipline } from "../../../shared/network.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { forbidden, invalidField } from "../../platform/errors.js";
import { keyset } from "../../platform/pagination.js";
import { personNameSql, personOfUser } from "../network/persons-service.js";
import { consultationAnswers, consultationInvitees } from "./consultations-schema.js";
import { getConsultation, lockConsultation } from "./consultations-service.js";
import { isBureau } from "./policy.js";

export interface Answer {
  support: number;
  comment?: string | null;
}

/** The bureau and the board follow a round while it runs; the members see its results once it is processed. */
const seesResultsEarly = (ctx: Ctx) => isBureau(ctx.actor) || ctx.actor.role === "bestuur";

const invitee = (ctx: Ctx, id: string, personId: string) =>
  ctx.tx
    .select({ respondedAt: consultationInvitees.respondedAt })
    .from(consultationInvitees)
    .where(
      and(
        eq(consultationInvitees.regionId, ctx.actor.regionId),
        eq(consultationInvitees.consultationId, id),
        eq(consultationInvitees.personId, personId),
      ),
    )
    .then((rows) => rows[0]);

const answersOf = (ctx: Ctx, id: string, personId: string) =>
  ctx.tx
    .select({
      question: consultationAnswers.question,
      support: consultationAnswers.support,
      comment: consultationAnswers.comment,
    })
    .from(consultationAnswers)
    .where(
      and(
        eq(consultationAnswers.regionId, ctx.actor.regionId),
        eq(consultationAnswers.consultationId, id),
        eq(consultationAnswers.personId, personId),
      ),
    )
    .orderBy(asc(consultationAnswers.question));

/**
 * A round as one person sees it: the notitie and its participation, whether they were asked and
 * what they answered, whether they can still respond, and whether they may see the results.
 */
export async function getConsultationDetail(ctx: Ctx, id: string) {
  const consultation = await getConsultation(ctx, id);
  const personId = await personOfUser(ctx);
  const mine = personId && consultation.status !== "draft" ? await invitee(ctx, id, personId) : undefined;
  const open =
    consultation.status === "consultation" &&
    consultation.deadline !== null &&
    dayInNetherlands(new Date()) <= consultation.deadline;
  return {
    consultation,
    invited: Boolean(mine),
    respondedAt: mine?.respondedAt?.toISOString() ?? null,
    answers: mine ? await answersOf(ctx, id, personId!) : [],
    canRespond: Boolean(mine) && open,
    open,
    resultsVisible: resultsVisible(ctx, consultation.status),
  };
}

const resultsVisible = (ctx: Ctx, status: string) =>
  status !== "draft" && (seesResultsEarly(ctx) || !["draft", "consultation"].includes(status));

/**
 * Records a response: support 1–5 and a comment per question. A member responds for themselves
 * and may change their response until the deadline; the bureau records one received by mail or
 * on paper for someone who was asked. A comment that changes loses its handling.
 */
export async function respond(ctx: Ctx, id: string, input: { personId?: string; answers: Answer[] }) {
  const c = await lockConsultation(ctx, id);
  if (c.status !== "consultation") throw invalidField("params.id", "field.consultationNotOpen", 409);
  if (c.deadline && dayInNetherlands(new Date()) > c.deadline)
    throw invalidField("params.id", "field.deadlinePassed", 409);
  if (input.personId && !isBureau(ctx.actor)) throw forbidden();
  const personId = input.personId ?? (await personOfUser(ctx));
  const field = input.personId ? "body.personId" : "params.id";
  const asked = personId ? await invitee(ctx, id, personId) : undefined;
  if (!personId || !asked) throw invalidField(field, "field.notInvited");
  if (input.answers.length !== c.questions.length)
    throw invalidField("body.answers", "field.answerEveryQuestion");
  const before = asked.respondedAt ? { personId, answers: await answersOf(ctx, id, personId) } : null;
  const rows = input.answers.map((a, question) => ({
    regionId: ctx.actor.regionId,
    consultationId: id,
    personId,
    question,
    support: a.support,
    comment: a.comment?.trim() || null,
  }));
  await ctx.tx
    .insert(consultationAnswers)
    .values(rows)
    .onConflictDoUpdate({
      target: [
        consultationAnswers.consultationId,
        consultationAnswers.personId,
        consultationAnswers.question,
      ],
      set: {
        support: sql`excluded.support`,
        comment: sql`excluded.comment`,
        handling: sql`case when consultation_answers.comment is not distinct from excluded.comment then consultation_answers.handling end`,
        handlingNote: sql`case when consultation_answers.comment is not distinct from excluded.comment then consultation_answers.handling_note end`,
        handledAt: sql`case when consultation_answers.comment is not distinct from excluded.comment then consultation_answers.handled_at end`,
      },
    });
  const now = new Date();
  await ctx.tx
    .update(consultationInvitees)
    .set({ respondedAt: now })
    .where(
      and(
        eq(consultationInvitees.regionId, ctx.actor.regionId),
        eq(consultationInvitees.consultationId, id),
        eq(consultationInvitees.personId, personId),
      ),
    );
  const after = {
    personId,
    answers: rows.map(({ question, support, comment }) => ({ question, support, comment })),
  };
  await audit(ctx, {
    entityType: "consultationResponse",
    entityId: id,
    action: before ? "update" : "create",
    before: before ?? undefined,
    after,
  });
  return { personId, respondedAt: now.toISOString() };
}

/** Who was asked and whether they responded (not what): for the bureau, to record responses by mail. */
export async function listInvitees(ctx: Ctx, id: string) {
  await getConsultation(ctx, id);
  const name = personNameSql(sql`consultation_invitees.region_id`, sql`consultation_invitees.person_id`);
  return ctx.tx
    .select({
      personId: consultationInvitees.personId,
      name,
      discipline: consultationInvitees.discipline,
      networkName: consultationInvitees.networkName,
      responded: sql<boolean>`${consultationInvitees.respondedAt} is not null`,
    })
    .from(consultationInvitees)
    .where(
      and(eq(consultationInvitees.regionId, ctx.actor.regionId), eq(consultationInvitees.consultationId, id)),
    )
    .orderBy(name);
}

interface Support {
  answers: number;
  /** Mean support on the 1–5 scale, two decimals; null without answers. */
  average: number | null;
  /** The share of answers of 4 or 5, in whole percents. */
  supportPercent: number | null;
}
interface Group extends Support {
  key: string | null;
  name: string | null;
  invited: number;
  responded: number;
  perQuestion: Support[];
}

/**
 * The support for the notitie: per question (with the spread over 1–5), and per discipline and
 * per WSV (as they were when the round opened), overall and per question. Two statements, each
 * with grouping sets, whatever the size of the round.
 */
export async function consultationResults(ctx: Ctx, id: string) {
  const c = await getConsultation(ctx, id);
  if (!resultsVisible(ctx, c.status)) throw invalidField("params.id", "field.resultsNotYet", 409);
  const invitees = (await ctx.tx.execute(sql`
    select grouping(discipline) as gd, grouping(network_id) as gn, discipline, network_id, network_name,
      count(*)::int as invited, count(responded_at)::int as responded
    from ${consultationInvitees} where region_id = ${ctx.actor.regionId} and consultation_id = ${id}
    group by grouping sets ((discipline), (network_id, network_name), ())`)) as unknown as {
    rows: {
      gd: number;
      gn: number;
      discipline: Discipline | null;
      network_id: string | null;
      network_name: string | null;
      invited: number;
      responded: number;
    }[];
  };
  const answers = (await ctx.tx.execute(sql`
    select grouping(i.discipline) as gd, grouping(i.network_id) as gn, grouping(a.question) as gq,
      i.discipline, i.network_id, a.question, count(*)::int as answers,
      round(avg(a.support), 2)::float8 as average,
      count(*) filter (where a.support >= ${SUPPORTS_FROM})::int as agree,
      array[${sql.join(
        [1, 2, 3, 4, 5].map((s) => sql`count(*) filter (where a.support = ${s})::int`),
        sql`, `,
      )}] as spread
    from ${consultationAnswers} a
    join ${consultationInvitees} i on i.region_id = a.region_id and i.consultation_id = a.consultation_id
      and i.person_id = a.person_id
    where a.region_id = ${ctx.actor.regionId} and a.consultation_id = ${id}
    group by grouping sets ((i.discipline, a.question), (i.discipline), (i.network_id, a.question),
      (i.network_id), (a.question), ())`)) as unknown as {
    rows: {
      gd: number;
      gn: number;
      gq: number;
      discipline: string | null;
      network_id: string | null;
      question: number | null;
      answers: number;
      average: number;
      agree: number;
      spread: number[];
    }[];
  };
  const support = (r?: { answers: number; average: number; agree: number }): Support =>
    r
      ? { answers: r.answers, average: r.average, supportPercent: Math.round((100 * r.agree) / r.answers) }
      : { answers: 0, average: null, supportPercent: null };
  const questions = c.questions.length;
  const ofGroup = (dimension: "discipline" | "network", key: string | null) => {
    const mine = answers.rows.filter((r) =>
      dimension === "discipline"
        ? r.gd === 0 && r.gn === 1 && r.discipline === key
        : r.gn === 0 && r.gd === 1 && r.network_id === key,
    );
    return {
      ...support(mine.find((r) => r.gq === 1)),
      perQuestion: Array.from({ length: questions }, (_, q) =>
        support(mine.find((r) => r.gq === 0 && r.question === q)),
      ),
    };
  };
  const groups = (dimension: "discipline" | "network"): Group[] =>
    invitees.rows
      .filter((r) => (dimension === "discipline" ? r.gd === 0 && r.gn === 1 : r.gn === 0 && r.gd === 1))
      .map((r) => {
        const key = dimension === "discipline" ? r.discipline : r.network_id;
        return {
          key,
          name: dimension === "network" ? r.network_name : null,
          invited: r.invited,
          responded: r.responded,
          ...ofGroup(dimension, key),
        };
      })
      .sort(
        (a, b) => b.invited - a.invited || String(a.name ?? a.key).localeCompare(String(b.name ?? b.key)),
      );
  const total = invitees.rows.find((r) => r.gd === 1 && r.gn === 1);
  const overall = answers.rows.filter((r) => r.gd === 1 && r.gn === 1);
  return {
    invited: total?.invited ?? 0,
    responded: total?.responded ?? 0,
    ...support(overall.find((r) => r.gq === 1)),
    questions: c.questions.map((text, q) => {
      const r = overall.find((x) => x.gq === 0 && x.question === q);
      return { question: q, text, ...support(r), spread: r?.spread ?? [0, 0, 0, 0, 0] };
    }),
    byDiscipline: groups("discipline"),
    byNetwork: groups("network"),
  };
}

export interface CommentFilter {
  question?: number;
  /** true: only handled comments; false: only those still to handle. */
  handled?: boolean;
  cursor?: string;
  limit: number;
}

/**
 * The comments with how each was handled, per question. Who wrote a comment is shown to the
 * bureau and the board; the members see its discipline and WSV.
 */
export async function listComments(ctx: Ctx, id: string, f: CommentFilter) {
  const c = await getConsultation(ctx, id);
  if (!resultsVisible(ctx, c.status)) throw invalidField("params.id", "field.resultsNotYet", 409);
  const named = seesResultsEarly(ctx);
  const page = keyset({
    sorts: { question: [consultationAnswers.question, consultationAnswers.personId] },
    sort: "question",
    defaultSort: "question",
    cursor: f.cursor,
    limit: f.limit,
  });
  const rows = await ctx.tx
    .select({
      question: consultationAnswers.question,
      personId: consultationAnswers.personId,
      personName: personNameSql(sql`${consultationAnswers.regionId}`, sql`${consultationAnswers.personId}`),
      discipline: consultationInvitees.discipline,
      networkName: consultationInvitees.networkName,
      support: consultationAnswers.support,
      comment: consultationAnswers.comment,
      handling: consultationAnswers.handling,
      handlingNote: consultationAnswers.handlingNote,
    })
    .from(consultationAnswers)
    .innerJoin(
      consultationInvitees,
      and(
        eq(consultationInvitees.regionId, consultationAnswers.regionId),
        eq(consultationInvitees.consultationId, consultationAnswers.consultationId),
        eq(consultationInvitees.personId, consultationAnswers.personId),
      ),
    )
    .where(
      and(
        eq(consultationAnswers.regionId, ctx.actor.regionId),
        eq(consultationAnswers.consultationId, id),
        sql`${consultationAnswers.comment} is not null`,
        f.question === undefined ? undefined : eq(consultationAnswers.question, f.question),
        f.handled === undefined
          ? undefined
          : f.handled
            ? sql`${consultationAnswers.handling} is not null`
            : sql`${consultationAnswers.handling} is null`,
        page.where,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(page.take);
  return page.page(
    rows.map((r) => ({
      ...r,
      comment: r.comment!,
      questionText: c.questions[r.question] ?? "",
      personId: named ? r.personId : null,
      personName: named ? r.personName : null,
      key: r.personId,
    })),
    (r) => [r.question, r.key],
  );
}

/**
 * Says how the werkgroep handled one comment (overgenomen, deels, niet, ter kennisgeving, with a
 * note), while the round runs or is being processed; once it goes to the body, that is fixed.
 */
export async function handleComment(
  ctx: Ctx,
  id: string,
  key: { personId: string; question: number },
  input: { handling: CommentHandling; handlingNote?: string | null },
) {
  const c = await lockConsultation(ctx, id);
  if (c.status !== "consultation" && c.status !== "processed")
    throw invalidField("params.id", "field.commentsFixed", 409);
  const where = and(
    eq(consultationAnswers.regionId, ctx.actor.regionId),
    eq(consultationAnswers.consultationId, id),
    eq(consultationAnswers.personId, key.personId),
    eq(consultationAnswers.question, key.question),
    sql`${consultationAnswers.comment} is not null`,
  );
  const [before] = await ctx.tx
    .select({ handling: consultationAnswers.handling, handlingNote: consultationAnswers.handlingNote })
    .from(consultationAnswers)
    .where(where);
  if (!before) throw invalidField("params.personId", "field.noComment", 404);
  const after = { handling: input.handling, handlingNote: input.handlingNote?.trim() || null };
  await ctx.tx
    .update(consultationAnswers)
    .set({ ...after, handledAt: new Date() })
    .where(where);
  await audit(ctx, {
    entityType: "consultationComment",
    entityId: `${id}/${key.personId}/${key.question}`,
    action: "update",
    before,
    after,
  });
  return after;
}
