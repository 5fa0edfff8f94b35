import { and, eq, ilike, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  AUDIENCE_KIND,
  type ConsultationAudience,
  type ConsultationOutcome,
  type ConsultationStatus,
  nextStatus,
} from "../../../shared/consultation.js";
import { dayInNetherlands } from "../../../shared/dates.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, invalidField, notFound } from "../../platform/errors.js";
import { enqueueMails } from "../../platform/mail.js";
import { escapeLike, keyset } from "../../platform/pagination.js";
import { personOfUserSql } from "../network/persons-service.js";
import { organisations, persons } from "../network/schema.js";
import { consultationAnswers, consultationInvitees, consultations } from "./consultations-schema.js";
import { decisions } from "./decisions-schema.js";
import { getMeetingRow } from "./meetings-service.js";
import { bodies } from "./schema.js";
import { dutchDay } from "./words.js";

export interface ConsultationInput {
  bodyId: string;
  policyArea?: string | null;
  title: string;
  text?: string | null;
  questions: string[];
  audience: ConsultationAudience;
  audienceOrganisationIds?: string[] | null;
  deadline?: string | null;
  decidingBodyId?: string | null;
}

/** A step forward, with what that step needs. */
export type ConsultationStep =
  | { status: "consultation"; version: number; deadline?: string }
  | { status: "processed"; version: number }
  | { status: "for_decision"; version: number; decidingBodyId?: string; meetingId?: string | null }
  | { status: "decided"; version: number; outcome: ConsultationOutcome; decisionId?: string | null };

type Row = typeof consultations.$inferSelect;
const decidingBodies = alias(bodies, "deciding_bodies");

/** The consultation with the names of its werkgroep and deciding body, and its participation. */
const columns = {
  c: consultations,
  bodyName: bodies.name,
  decidingBodyName: decidingBodies.name,
  decisionNumber: decisions.number,
  invited: sql<number>`(select count(*)::int from ${consultationInvitees} i
    where i.region_id = ${consultations.regionId} and i.consultation_id = ${consultations.id})`,
  responded: sql<number>`(select count(*)::int from ${consultationInvitees} i
    where i.region_id = ${consultations.regionId} and i.consultation_id = ${consultations.id} and i.responded_at is not null)`,
};

function selectConsultations(ctx: Ctx) {
  return ctx.tx
    .select(columns)
    .from(consultations)
    .innerJoin(bodies, and(eq(bodies.regionId, consultations.regionId), eq(bodies.id, consultations.bodyId)))
    .leftJoin(
      decidingBodies,
      and(
        eq(decidingBodies.regionId, consultations.regionId),
        eq(decidingBodies.id, consultations.decidingBodyId),
      ),
    )
    .leftJoin(
      decisions,
      and(eq(decisions.regionId, consultations.regionId), eq(decisions.id, consultations.decisionId)),
    );
}

type Selected = Awaited<ReturnType<typeof selectConsultations>>[number];

export const presentConsultation = ({ c, ...r }: Selected) => ({
  id: c.id,
  bodyId: c.bodyId,
  bodyName: r.bodyName,
  policyArea: c.policyArea,
  title: c.title,
  text: c.text,
  questions: c.questions,
  audience: c.audience,
  audienceOrganisationIds: c.audienceOrganisationIds,
  deadline: c.deadline,
  status: c.status,
  decidingBodyId: c.decidingBodyId,
  decidingBodyName: r.decidingBodyName,
  meetingId: c.meetingId,
  decisionId: c.decisionId,
  decisionNumber: r.decisionNumber,
  outcome: c.outcome,
  openedAt: c.openedAt?.toISOString() ?? null,
  invited: r.invited,
  responded: r.responded,
  version: c.version,
});
export type ConsultationDto = ReturnType<typeof presentConsultation>;

export interface ConsultationFilter {
  q?: string;
  bodyId?: string;
  status?: ConsultationStatus;
  /** Only the rounds the acting user was asked to respond to. */
  mine?: boolean;
  cursor?: string;
  limit: number;
}

export async function listConsultations(ctx: Ctx, f: ConsultationFilter) {
  const page = keyset({
    sorts: { created: [consultations.createdAt, consultations.id] },
    sort: "-created",
    defaultSort: "-created",
    cursor: f.cursor,
    limit: f.limit,
  });
  const rows = await selectConsultations(ctx)
    .where(
      and(
        eq(consultations.regionId, ctx.actor.regionId),
        f.q ? ilike(consultations.title, `%${escapeLike(f.q)}%`) : undefined,
        f.bodyId ? eq(consultations.bodyId, f.bodyId) : undefined,
        f.status ? eq(consultations.status, f.status) : undefined,
        f.mine
          ? sql`exists (select 1 from ${consultationInvitees} i where i.region_id = ${consultations.regionId}
              and i.consultation_id = ${consultations.id} and i.person_id = ${personOfUserSql(ctx)})`
          : undefined,
        page.where,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(page.take);
  return page.page(
    rows.map((r) => ({ ...presentConsultation(r), createdAt: r.c.createdAt })),
    (c) => [c.createdAt, c.id],
  );
}

export async function getConsultation(ctx: Ctx, id: string) {
  const [row] = await selectConsultations(ctx).where(
    and(eq(consultations.regionId, ctx.actor.regionId), eq(consultations.id, id)),
  );
  if (!row) throw notFound();
  return presentConsultation(row);
}

/**
 * The consultation row, locked for the rest of the transaction: responses, handling and steps
 * of one round happen one after the other, so nothing is answered after it moved on.
 */
export async function lockConsultation(ctx: Ctx, id: string) {
  const [c] = await ctx.tx
    .select()
    .from(consultations)
    .where(and(eq(consultations.regionId, ctx.actor.regionId), eq(consultations.id, id)))
    .for("update");
  if (!c) throw notFound();
  return c;
}

/** A body of this region, or 404 at the field that named it. */
async function requireBody(ctx: Ctx, bodyId: string, field: string) {
  const [row] = await ctx.tx
    .select({ id: bodies.id, name: bodies.name, policyArea: bodies.policyArea })
    .from(bodies)
    .where(and(eq(bodies.regionId, ctx.actor.regionId), eq(bodies.id, bodyId)));
  if (!row) throw invalidField(field, "problem.notFound", 404);
  return row;
}

/** The verenigingen or WSVs a round is narrowed to must be of the audience's kind, in this region. */
async function checkAudience(ctx: Ctx, audience: ConsultationAudience, ids: string[] | null | undefined) {
  if (!ids?.length) return;
  const kind = AUDIENCE_KIND[audience];
  const field = "body.audienceOrganisationIds";
  if (!kind) throw invalidField(field, "field.audienceAll");
  const found = await ctx.tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.regionId, ctx.actor.regionId),
        eq(organisations.kind, kind),
        inArray(organisations.id, ids),
      ),
    );
  if (found.length !== new Set(ids).size)
    throw invalidField(
      field,
      audience === "associations" ? "field.audienceKind.associations" : "field.audienceKind.networks",
    );
}

function checkDeadline(deadline: string | null | undefined, field = "body.deadline") {
  if (!deadline) throw invalidField(field, "field.deadlineNeeded");
  if (deadline < dayInNetherlands(new Date())) throw invalidField(field, "field.deadlinePast");
}

/** An adviesnotitie in concept; its beleidsterrein is the werkgroep's unless given. */
export async function createConsultation(ctx: Ctx, input: ConsultationInput) {
  const body = await requireBody(ctx, input.bodyId, "body.bodyId");
  if (input.decidingBodyId) await requireBody(ctx, input.decidingBodyId, "body.decidingBodyId");
  await checkAudience(ctx, input.audience, input.audienceOrganisationIds);
  if (input.deadline) checkDeadline(input.deadline);
  const [row] = await ctx.tx
    .insert(consultations)
    .values({
      ...input,
      regionId: ctx.actor.regionId,
      policyArea: input.policyArea === undefined ? body.policyArea : input.policyArea,
      audienceOrganisationIds: input.audienceOrganisationIds?.length ? input.audienceOrganisationIds : null,
    })
    .returning({ id: consultations.id });
  const after = await getConsultation(ctx, row!.id);
  await audit(ctx, { entityType: "consultation", entityId: row!.id, action: "create", after });
  return after;
}

/** Changes a concept; once the round opens, the notitie and its questions are fixed. */
export async function updateConsultation(
  ctx: Ctx,
  id: string,
  patch: Partial<Omit<ConsultationInput, "bodyId">> & { version: number },
) {
  const c = await lockConsultation(ctx, id);
  const before = await getConsultation(ctx, id);
  if (c.version !== patch.version) throw conflict(before);
  if (c.status !== "draft") throw invalidField("params.id", "field.consultationNotDraft", 409);
  const { version, ...fields } = patch;
  if (fields.decidingBodyId) await requireBody(ctx, fields.decidingBodyId, "body.decidingBodyId");
  const audience = fields.audience ?? c.audience;
  await checkAudience(
    ctx,
    audience,
    fields.audienceOrganisationIds === undefined ? c.audienceOrganisationIds : fields.audienceOrganisationIds,
  );
  if (fields.deadline) checkDeadline(fields.deadline);
  await ctx.tx
    .update(consultations)
    .set({
      ...fields,
      ...(fields.audienceOrganisationIds !== undefined
        ? {
            audienceOrganisationIds: fields.audienceOrganisationIds?.length
              ? fields.audienceOrganisationIds
              : null,
          }
        : {}),
      ...(AUDIENCE_KIND[audience] === null ? { audienceOrganisationIds: null } : {}),
      updatedAt: new Date(),
      version: version + 1,
    })
    .where(and(eq(consultations.regionId, ctx.actor.regionId), eq(consultations.id, id)));
  const after = await getConsultation(ctx, id);
  await audit(ctx, { entityType: "consultation", entityId: id, action: "update", before, after });
  return after;
}

/**
 * Moves the adviesnotitie one step on: concept → in consultatie (who is asked is fixed and they
 * get an e-mail) → verwerkt (no more responses) → ter besluitvorming (every comment handled) →
 * besloten (with the outcome and, when recorded, the decision in the besluitenlijst).
 */
export async function advanceConsultation(ctx: Ctx, id: string, step: ConsultationStep, publicUrl: string) {
  const c = await lockConsultation(ctx, id);
  const before = await getConsultation(ctx, id);
  if (c.version !== step.version) throw conflict(before);
  if (nextStatus(c.status) !== step.status) throw invalidField("body.status", "field.consultationStep", 409);
  const set: Partial<typeof consultations.$inferInsert> = { status: step.status };
  if (step.status === "consultation") {
    const deadline = step.deadline ?? c.deadline;
    checkDeadline(deadline);
    const invited = await inviteAudience(ctx, c);
    if (invited === 0) throw invalidField("params.id", "field.noInvitees", 409);
    Object.assign(set, { deadline, openedAt: new Date() });
    await mailInvitees(ctx, { ...c, deadline }, before.bodyName, publicUrl);
  } else if (step.status === "for_decision") {
    const decidingBodyId = step.decidingBodyId ?? c.decidingBodyId;
    if (!decidingBodyId) throw invalidField("body.decidingBodyId", "field.decidingBodyNeeded");
    await requireBody(ctx, decidingBodyId, "body.decidingBodyId");
    if (step.meetingId) {
      const { m } = await getMeetingRow(ctx, step.meetingId).catch(() => {
        throw invalidField("body.meetingId", "problem.notFound", 404);
      });
      if (m.bodyId !== decidingBodyId) throw invalidField("body.meetingId", "field.meetingOfDecidingBody");
    }
    if ((await unhandledComments(ctx, id)) > 0)
      throw invalidField("params.id", "field.commentsUnhandled", 409);
    Object.assign(set, { decidingBodyId, meetingId: step.meetingId ?? null });
  } else if (step.status === "decided") {
    if (step.decisionId) {
      const [d] = await ctx.tx
        .select({ bodyId: decisions.bodyId })
        .from(decisions)
        .where(and(eq(decisions.regionId, ctx.actor.regionId), eq(decisions.id, step.decisionId)));
      if (!d) throw invalidField("body.decisionId", "problem.notFound", 404);
      if (d.bodyId !== c.decidingBodyId)
        throw invalidField("body.decisionId", "field.decisionOfDecidingBody");
    }
    Object.assign(set, { outcome: step.outcome, decisionId: step.decisionId ?? null });
  }
  await ctx.tx
    .update(consultations)
    .set({ ...set, updatedAt: new Date(), version: c.version + 1 })
    .where(and(eq(consultations.regionId, ctx.actor.regionId), eq(consultations.id, id)));
  const after = await getConsultation(ctx, id);
  await audit(ctx, { entityType: "consultation", entityId: id, action: "update", before, after });
  return after;
}

/** Comments not yet handled: the body decides only once every comment has an answer. */
async function unhandledComments(ctx: Ctx, id: string) {
  const [{ n } = { n: 0 }] = await ctx.tx
    .select({ n: sql<number>`count(*)::int` })
    .from(consultationAnswers)
    .where(
      and(
        eq(consultationAnswers.regionId, ctx.actor.regionId),
        eq(consultationAnswers.consultationId, id),
        sql`${consultationAnswers.comment} is not null and ${consultationAnswers.handling} is null`,
      ),
    );
  return n;
}

const activeMembership = (day: string) =>
  sql`m.start_date <= ${day} and (m.end_date is null or m.end_date >= ${day})`;
const activeWork = (day: string) =>
  sql`(w.from_date is null or w.from_date <= ${day}) and (w.to_date is null or w.to_date >= ${day})`;

/** Whether person `p` is, today, in the round's audience. */
function audienceCondition(c: Row, day: string): SQL {
  const kind = AUDIENCE_KIND[c.audience];
  const only = c.audienceOrganisationIds?.length
    ? sql`and o.id in (${sql.join(
        c.audienceOrganisationIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const personal = sql`exists (select 1 from memberships m join ${organisations} o
      on o.region_id = m.region_id and o.id = m.organisation_id
    where m.region_id = p.region_id and m.member_person_id = p.id and ${activeMembership(day)}
      ${kind ? sql`and o.kind = ${kind}` : sql``} ${only})`;
  if (kind) return personal;
  // All members: members themselves, and the people working at a member organisation.
  return sql`(${personal} or exists (select 1 from work_relations w join memberships m
      on m.region_id = w.region_id and m.member_organisation_id = w.organisation_id
    where w.region_id = p.region_id and w.person_id = p.id and ${activeWork(day)} and ${activeMembership(day)}))`;
}

/**
 * Fixes who is asked, in one statement: today's audience, each with their first discipline and
 * their WSV (a WSV they are a member of, or the WSV of the practice they work at).
 */
async function inviteAudience(ctx: Ctx, c: Row) {
  const day = dayInNetherlands(new Date());
  const result = (await ctx.tx.execute(sql`
    insert into ${consultationInvitees} (region_id, consultation_id, person_id, discipline, network_id, network_name)
    select p.region_id, ${c.id}::uuid, p.id, p.disciplines[1], wsv.id, wsv.name
    from ${persons} p
    left join lateral (
      select o.id, o.name from ${organisations} o
      where o.region_id = p.region_id and o.kind = 'neighbourhood_network' and o.id in (
        select m.organisation_id from memberships m
        where m.region_id = p.region_id and m.member_person_id = p.id and ${activeMembership(day)}
        union all
        select case when pr.kind = 'neighbourhood_network' then pr.id else pr.parent_id end
        from work_relations w join ${organisations} pr on pr.region_id = w.region_id and pr.id = w.organisation_id
        where w.region_id = p.region_id and w.person_id = p.id and ${activeWork(day)})
      order by o.name limit 1
    ) wsv on true
    where p.region_id = ${ctx.actor.regionId} and p.erased_at is null and ${audienceCondition(c, day)}`)) as unknown as {
    affectedRows?: number;
    rowCount?: number;
  };
  return result.affectedRows ?? result.rowCount ?? 0;
}

/** Everyone asked who has an e-mail address gets the question, with the deadline and a link. */
async function mailInvitees(ctx: Ctx, c: Row, bodyName: string, publicUrl: string) {
  const invitees = await ctx.tx
    .select({ email: persons.email, givenName: persons.givenName })
    .from(consultationInvitees)
    .innerJoin(
      persons,
      and(eq(persons.regionId, consultationInvitees.regionId), eq(persons.id, consultationInvitees.personId)),
    )
    .where(
      and(
        eq(consultationInvitees.regionId, ctx.actor.regionId),
        eq(consultationInvitees.consultationId, c.id),
        sql`${persons.email} is not null`,
      ),
    );
  await enqueueMails(
    ctx.tx,
    ctx.actor.regionId,
    invitees.map((i) => ({
      to: i.email!,
      subject: `Consultatie: ${c.title}`,
      text: consultationMailText(c, bodyName, i.givenName, publicUrl),
    })),
  );
}

export const consultationMailText = (
  c: Pick<Row, "id" | "title" | "questions" | "deadline">,
  bodyName: string,
  givenName: string,
  publicUrl: string,
  reminder = false,
) =>
  [
    `Beste ${givenName},`,
    "",
    reminder
      ? `U hebt nog niet gereageerd op de adviesnotitie "${c.title}" van de ${bodyName}. De termijn loopt tot en met ${dutchDay(c.deadline!)}.`
      : `De ${bodyName} vraagt uw mening over de adviesnotitie "${c.title}". U kunt reageren tot en met ${dutchDay(c.deadline!)}.`,
    "",
    "De vragen:",
    ...c.questions.map((q, i) => `${i + 1}. ${q}`),
    "",
    `Lees de notitie en geef per vraag aan hoeveel u het steunt (1 tot 5), met een toelichting: ${publicUrl}/consultaties/${c.id}`,
    "",
  ].join("\n");
