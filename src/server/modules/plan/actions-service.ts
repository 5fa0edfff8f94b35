import { and, asc, count, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { dayInNetherlands } from "../../../shared/dates.js";
import { type ActionStatus, isOpenAction } from "../../../shared/plan.js";
import { isBureau } from "../../../shared/roles.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, invalidField, notFound } from "../../platform/errors.js";
import { type FileStore, listFiles, loadFile, storeFile } from "../../platform/files.js";
import { users } from "../../platform/identity-schema.js";
import { escapeLike, keyset } from "../../platform/pagination.js";
import { areas } from "../network/areas-schema.js";
import { wijkenOfPersonSql } from "../network/areas-service.js";
import {
  namesOf,
  organisationNameSql,
  personNameSql,
  personOfUserSql,
  requirePerson,
} from "../network/persons-service.js";
import { actionComments, actionDependencies, actions } from "./actions-schema.js";
import { priorities } from "./priorities-schema.js";
import { projects } from "./projects-schema.js";

export interface ActionInput {
  priorityId?: string | null;
  projectId?: string | null;
  title: string;
  description?: string | null;
  ownerOrganisationId?: string | null;
  ownerPersonId?: string | null;
  dueDate: string;
  status?: ActionStatus;
  wijkCode?: string | null;
  dependsOnIds?: string[];
}

/**
 * An action still to be done, written as literals so it matches the partial index
 * `actions_open_due_idx` (a parameter list would not prove the index's condition).
 */
export const stillToDo = sql`"actions"."status" in ('open', 'in_progress')`;

/**
 * One statement lists actions with everything a row shows: the names of owner, organisation,
 * speerpunt, project and wijk, how many open actions it waits for, its comments counted, and
 * whether the caller carries it out or leads its project.
 */
function actionSelect(ctx: Ctx) {
  const region = ctx.actor.regionId;
  const me = personOfUserSql(ctx);
  // Qualified, since a one-table select leaves columns bare and a bare wijk_code inside the
  // subquery on areas would be the area's own column.
  const own = (column: string) => sql.raw(`"actions"."${column}"`);
  return {
    a: actions,
    ownerPersonName: personNameSql(region, own("owner_person_id")),
    ownerOrganisationName: organisationNameSql(region, own("owner_organisation_id")),
    priorityTitle: sql<string | null>`(select p.title from ${priorities} p
      where p.region_id = ${region} and p.id = ${own("priority_id")})`,
    projectName: sql<string | null>`(select p.name from ${projects} p
      where p.region_id = ${region} and p.id = ${own("project_id")})`,
    wijkName: sql<string | null>`(select w.name from ${areas} w
      where w.region_id = ${region} and w.code = ${own("wijk_code")})`,
    waitingFor: sql<number>`(select count(*)::int from ${actionDependencies} d join ${actions} x
      on x.region_id = d.region_id and x.id = d.depends_on_id
      where d.region_id = ${region} and d.action_id = "actions"."id" and x.status in ('open', 'in_progress'))`,
    comments: sql<number>`(select count(*)::int from ${actionComments} c
      where c.region_id = ${region} and c.action_id = "actions"."id")`,
    mine: sql<boolean>`coalesce(${own("owner_person_id")} = ${me}, false)`,
    leading: sql<boolean>`coalesce((select p.leader_person_id from ${projects} p
      where p.region_id = ${region} and p.id = ${own("project_id")}) = ${me}, false)`,
  };
}

type Selected = {
  a: typeof actions.$inferSelect;
  ownerPersonName: string | null;
  ownerOrganisationName: string | null;
  priorityTitle: string | null;
  projectName: string | null;
  wijkName: string | null;
  waitingFor: number;
  comments: number;
  mine: boolean;
  leading: boolean;
};

function present(r: Selected, today: string) {
  const a = r.a;
  return {
    id: a.id,
    title: a.title,
    description: a.description,
    priority: a.priorityId ? { id: a.priorityId, name: r.priorityTitle ?? "" } : null,
    project: a.projectId ? { id: a.projectId, name: r.projectName ?? "" } : null,
    ownerOrganisation: a.ownerOrganisationId
      ? { id: a.ownerOrganisationId, name: r.ownerOrganisationName ?? "" }
      : null,
    ownerPerson: a.ownerPersonId ? { id: a.ownerPersonId, name: r.ownerPersonName ?? "" } : null,
    dueDate: a.dueDate,
    status: a.status,
    overdue: isOpenAction(a.status) && a.dueDate < today,
    wijk: a.wijkCode ? { code: a.wijkCode, name: r.wijkName ?? "" } : null,
    /** How many open actions it still waits for. */
    waitingFor: r.waitingFor,
    commentCount: r.comments,
    /** Whether the caller carries it out (and may update its status). */
    mine: r.mine,
    /** Whether the caller leads its project (and may change it). */
    leading: r.leading,
    version: a.version,
  };
}

export type Action = ReturnType<typeof present>;

export interface ActionFilter {
  q?: string;
  priorityId?: string;
  projectId?: string;
  status?: ActionStatus;
  /** Only those still to do (open or in progress). */
  open?: boolean;
  overdue?: boolean;
  ownerPersonId?: string;
  ownerOrganisationId?: string;
  wijkCode?: string;
  /** "Mijn acties": those the caller carries out. */
  mine?: boolean;
  /** Those in the wijken of the WSVs where the caller works (a wijkcoördinator's view). */
  myWijken?: boolean;
  sort?: string;
  cursor?: string;
  limit: number;
}

/** Actions by due date (soonest first), with the filters of "mijn acties" and the lists. */
export async function listActions(ctx: Ctx, f: ActionFilter) {
  const page = keyset({
    sorts: { due: [actions.dueDate, actions.id] },
    sort: f.sort,
    defaultSort: "due",
    cursor: f.cursor,
    limit: f.limit,
  });
  const region = ctx.actor.regionId;
  const today = dayInNetherlands(new Date());
  const me = personOfUserSql(ctx);
  const rows = await ctx.tx
    .select(actionSelect(ctx))
    .from(actions)
    .where(
      and(
        eq(actions.regionId, region),
        f.q
          ? or(
              ilike(actions.title, `%${escapeLike(f.q)}%`),
              ilike(actions.description, `%${escapeLike(f.q)}%`),
            )
          : undefined,
        f.priorityId ? eq(actions.priorityId, f.priorityId) : undefined,
        f.projectId ? eq(actions.projectId, f.projectId) : undefined,
        f.status ? eq(actions.status, f.status) : undefined,
        f.open || f.overdue ? stillToDo : undefined,
        f.overdue ? sql`${actions.dueDate} < ${today}::date` : undefined,
        f.ownerPersonId ? eq(actions.ownerPersonId, f.ownerPersonId) : undefined,
        f.ownerOrganisationId ? eq(actions.ownerOrganisationId, f.ownerOrganisationId) : undefined,
        f.wijkCode ? eq(actions.wijkCode, f.wijkCode) : undefined,
        f.mine ? sql`${actions.ownerPersonId} = ${me}` : undefined,
        f.myWijken ? sql`${actions.wijkCode} in ${wijkenOfPersonSql(region, me)}` : undefined,
        page.where,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(page.take);
  const { items, nextCursor } = page.page(rows, (r) => [r.a.dueDate, r.a.id]);
  return { items: items.map((r) => present(r, today)), nextCursor };
}

async function selectAction(ctx: Ctx, id: string) {
  const [row] = await ctx.tx
    .select(actionSelect(ctx))
    .from(actions)
    .where(and(eq(actions.regionId, ctx.actor.regionId), eq(actions.id, id)));
  if (!row) throw notFound();
  return row;
}

/** One action with the actions it waits for and those that wait for it. */
export async function getAction(ctx: Ctx, id: string) {
  const row = await selectAction(ctx, id);
  const region = ctx.actor.regionId;
  const linked = (from: "action_id" | "depends_on_id", to: "action_id" | "depends_on_id") =>
    ctx.tx.execute(sql`select x.id, x.title, x.status, x.due_date::text as "dueDate"
      from ${actionDependencies} d join ${actions} x on x.region_id = d.region_id and x.id = d.${sql.raw(to)}
      where d.region_id = ${region} and d.${sql.raw(from)} = ${id} order by x.due_date, x.id`) as unknown as Promise<{
      rows: { id: string; title: string; status: ActionStatus; dueDate: string }[];
    }>;
  const [waits, blocks] = await Promise.all([
    linked("action_id", "depends_on_id"),
    linked("depends_on_id", "action_id"),
  ]);
  return {
    ...present(row, dayInNetherlands(new Date())),
    dependsOn: waits.rows,
    blocks: blocks.rows,
  };
}

/**
 * Refuses what does not hold: a parent or owner of another region (404 at its field), no parent,
 * no owner, a wijk outside the werkgebied, and dependencies that would make a cycle.
 */
async function check(ctx: Ctx, input: Partial<ActionInput>, current?: typeof actions.$inferSelect) {
  const region = ctx.actor.regionId;
  const value = <K extends keyof ActionInput>(k: K) =>
    (input[k] === undefined ? current?.[k as keyof typeof current] : input[k]) as ActionInput[K] | undefined;
  if (!value("priorityId") && !value("projectId"))
    throw invalidField("body.priorityId", "field.actionParent");
  if (!value("ownerOrganisationId") && !value("ownerPersonId"))
    throw invalidField("body.ownerPersonId", "field.actionOwner");
  if (input.priorityId) {
    const [p] = await ctx.tx
      .select({ id: priorities.id })
      .from(priorities)
      .where(and(eq(priorities.regionId, region), eq(priorities.id, input.priorityId)));
    if (!p) throw invalidField("body.priorityId", "problem.notFound", 404);
  }
  if (input.projectId) {
    const [p] = await ctx.tx
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.regionId, region), eq(projects.id, input.projectId)));
    if (!p) throw invalidField("body.projectId", "problem.notFound", 404);
  }
  if (input.ownerPersonId) await requirePerson(ctx, input.ownerPersonId, "body.ownerPersonId");
  if (input.ownerOrganisationId) {
    const known = await namesOf(ctx, { persons: [], organisations: [input.ownerOrganisationId] });
    if (!known.size) throw invalidField("body.ownerOrganisationId", "field.organisationNotFound", 404);
  }
  if (input.wijkCode) {
    const [w] = await ctx.tx
      .select({ n: count() })
      .from(areas)
      .where(and(eq(areas.regionId, region), eq(areas.kind, "wijk"), eq(areas.code, input.wijkCode)));
    if (!w?.n) throw invalidField("body.wijkCode", "field.wijkNotFound");
  }
  if (input.dependsOnIds?.length) await checkDependencies(ctx, input.dependsOnIds, current?.id);
  const status = value("status");
  if (status === "done" && current) {
    const dependsOn = input.dependsOnIds ?? (await dependencyIds(ctx, current.id));
    if (dependsOn.length) {
      const [open] = await ctx.tx
        .select({ n: count() })
        .from(actions)
        .where(
          and(
            eq(actions.regionId, region),
            inArray(actions.id, dependsOn),
            inArray(actions.status, ["open", "in_progress"]),
          ),
        );
      if (open?.n) throw invalidField("body.status", "field.dependencyOpen");
    }
  }
}

async function dependencyIds(ctx: Ctx, actionId: string) {
  const rows = await ctx.tx
    .select({ id: actionDependencies.dependsOnId })
    .from(actionDependencies)
    .where(
      and(eq(actionDependencies.regionId, ctx.actor.regionId), eq(actionDependencies.actionId, actionId)),
    );
  return rows.map((r) => r.id);
}

/**
 * The actions waited for must be of the region, and must not (through others) wait for the
 * action itself: that would be a cycle in which none can start.
 */
async function checkDependencies(ctx: Ctx, dependsOnIds: string[], self: string | undefined) {
  const region = ctx.actor.regionId;
  const ids = [...new Set(dependsOnIds)];
  const known = new Set(
    (
      await ctx.tx
        .select({ id: actions.id })
        .from(actions)
        .where(and(eq(actions.regionId, region), inArray(actions.id, ids)))
    ).map((r) => r.id),
  );
  const missing = dependsOnIds.findIndex((id) => !known.has(id));
  if (missing >= 0) throw invalidField(`body.dependsOnIds.${missing}`, "problem.notFound", 404);
  if (!self) return; // a new action has nothing waiting for it yet
  if (ids.includes(self)) throw invalidField("body.dependsOnIds", "field.dependencyCycle");
  // Everything the new dependencies wait for, transitively, ignoring the action's own edges
  // (they are being replaced): if the action itself is among them, the edges would close a cycle.
  const result = (await ctx.tx.execute(sql`with recursive reach(id) as (
      select unnest(${sql`array[${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}]::uuid[]`})
      union
      select d.depends_on_id from ${actionDependencies} d join reach r on d.action_id = r.id
      where d.region_id = ${region} and d.action_id <> ${self}
    ) select exists (select 1 from reach where id = ${self}) as cycle`)) as unknown as {
    rows: { cycle: boolean }[];
  };
  if (result.rows[0]?.cycle) throw invalidField("body.dependsOnIds", "field.dependencyCycle");
}

async function setDependencies(ctx: Ctx, actionId: string, dependsOnIds: string[] | undefined) {
  if (!dependsOnIds) return;
  const regionId = ctx.actor.regionId;
  await ctx.tx
    .delete(actionDependencies)
    .where(and(eq(actionDependencies.regionId, regionId), eq(actionDependencies.actionId, actionId)));
  const ids = [...new Set(dependsOnIds)];
  if (ids.length)
    await ctx.tx
      .insert(actionDependencies)
      .values(ids.map((dependsOnId) => ({ regionId, actionId, dependsOnId })));
}

/** Whether the caller leads the project (a projectleider adds and changes its actions). */
async function leadsProject(ctx: Ctx, projectId: string | null | undefined) {
  if (!projectId) return false;
  const [row] = await ctx.tx
    .select({ id: projects.id })
    .from(projects)
    .where(
      and(
        eq(projects.regionId, ctx.actor.regionId),
        eq(projects.id, projectId),
        sql`${projects.leaderPersonId} = ${personOfUserSql(ctx)}`,
      ),
    );
  return Boolean(row);
}

/** The bureau adds actions anywhere; a projectleider adds them to the projects they lead. */
export async function createAction(ctx: Ctx, input: ActionInput) {
  // What another region holds answers 404 before the question whose it is.
  await check(ctx, input);
  if (!isBureau(ctx.actor) && (input.priorityId || !(await leadsProject(ctx, input.projectId))))
    throw invalidField(input.priorityId ? "body.priorityId" : "body.projectId", "field.ownAction", 403);
  const { dependsOnIds, ...fields } = input;
  const [row] = await ctx.tx
    .insert(actions)
    .values({ ...fields, regionId: ctx.actor.regionId })
    .returning({ id: actions.id });
  await setDependencies(ctx, row!.id, dependsOnIds);
  const after = await getAction(ctx, row!.id);
  await audit(ctx, { entityType: "action", entityId: after.id, action: "create", after: auditable(after) });
  return after;
}

/** What the audit trail keeps of an action: its fields, not the caller-dependent flags. */
const auditable = ({
  mine: _m,
  leading: _l,
  overdue: _o,
  commentCount: _c,
  waitingFor: _w,
  blocks: _b,
  ...a
}: Awaited<ReturnType<typeof getAction>>) => ({
  ...a,
  dependsOn: a.dependsOn.map((d) => d.id),
});

/**
 * Changes an action. The bureau and the leader of its project change everything; the person who
 * carries it out updates its status (open → bezig → klaar). It is only klaar when what it waits
 * for is. A new due date earns new reminders.
 */
export async function updateAction(ctx: Ctx, id: string, patch: Partial<ActionInput> & { version: number }) {
  const [row] = await ctx.tx
    .select()
    .from(actions)
    .where(and(eq(actions.regionId, ctx.actor.regionId), eq(actions.id, id)));
  if (!row) throw notFound();
  const before = await getAction(ctx, id);
  if (!isBureau(ctx.actor) && !before.leading) {
    const other = Object.keys(patch).find((k) => k !== "version" && k !== "status");
    if (!before.mine || other)
      throw invalidField(other ? `body.${other}` : "params.id", "field.ownAction", 403);
  }
  if (row.version !== patch.version) throw conflict(before);
  if (
    !isBureau(ctx.actor) &&
    patch.projectId &&
    patch.projectId !== row.projectId &&
    !(await leadsProject(ctx, patch.projectId))
  )
    throw invalidField("body.projectId", "field.ownAction", 403);
  await check(ctx, patch, row);
  const { version, dependsOnIds, ...fields } = patch;
  const reminders =
    patch.dueDate !== undefined && patch.dueDate !== row.dueDate
      ? { dueSoonNoticeSentAt: null, overdueNoticeSentAt: null }
      : {};
  const [updated] = await ctx.tx
    .update(actions)
    .set({ ...fields, ...reminders, updatedAt: new Date(), version: version + 1 })
    .where(and(eq(actions.regionId, ctx.actor.regionId), eq(actions.id, id), eq(actions.version, version)))
    .returning({ id: actions.id });
  if (!updated) throw conflict(before);
  await setDependencies(ctx, id, dependsOnIds);
  const after = await getAction(ctx, id);
  await audit(ctx, {
    entityType: "action",
    entityId: id,
    action: "update",
    before: auditable(before),
    after: auditable(after),
  });
  return after;
}

// --- Comments -------------------------------------------------------------------------------

/** An action's comments, oldest first, with who wrote them. */
export async function listComments(ctx: Ctx, actionId: string) {
  await selectAction(ctx, actionId);
  const rows = await ctx.tx
    .select({
      id: actionComments.id,
      body: actionComments.body,
      authorName: users.name,
      createdAt: actionComments.createdAt,
    })
    .from(actionComments)
    .leftJoin(
      users,
      and(eq(users.regionId, actionComments.regionId), eq(users.id, actionComments.authorUserId)),
    )
    .where(and(eq(actionComments.regionId, ctx.actor.regionId), eq(actionComments.actionId, actionId)))
    .orderBy(asc(actionComments.createdAt), asc(actionComments.id));
  return {
    items: rows.map((r) => ({ ...r, authorName: r.authorName ?? "", createdAt: r.createdAt.toISOString() })),
  };
}

/** Anyone who sees an action may say how it goes; a comment stays as written. */
export async function addComment(ctx: Ctx, actionId: string, body: string) {
  await selectAction(ctx, actionId);
  const [row] = await ctx.tx
    .insert(actionComments)
    .values({ regionId: ctx.actor.regionId, actionId, authorUserId: ctx.actor.userId, body })
    .returning();
  const after = {
    id: row!.id,
    body: row!.body,
    authorName: ctx.actor.name,
    createdAt: row!.createdAt.toISOString(),
  };
  await audit(ctx, {
    entityType: "action_comment",
    entityId: after.id,
    action: "create",
    after: { ...after, actionId },
  });
  return after;
}

// --- Attachments ----------------------------------------------------------------------------

/** What may be attached to an action: documents, spreadsheets and images. */
export const ATTACHMENT_TYPES = [
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "image/png",
  "image/jpeg",
  "text/csv",
  "text/plain",
] as const;

export async function listAttachments(ctx: Ctx, actionId: string) {
  await selectAction(ctx, actionId);
  return { items: await listFiles(ctx, "action", actionId) };
}

/** Anyone who sees an action may attach a document to it (a plan, an invitation, a photo). */
export async function addAttachment(
  ctx: Ctx,
  store: FileStore,
  actionId: string,
  file: { name: string; data: Buffer },
) {
  await selectAction(ctx, actionId);
  const stored = await storeFile(ctx, store, {
    ownerType: "action",
    ownerId: actionId,
    ...file,
    allowed: ATTACHMENT_TYPES,
  });
  return {
    id: stored.id,
    name: stored.name,
    contentType: stored.contentType,
    size: stored.size,
    createdAt: stored.createdAt.toISOString(),
  };
}

/** An attachment of an action of the caller's region. */
export async function getAttachment(ctx: Ctx, store: FileStore, actionId: string, fileId: string) {
  await selectAction(ctx, actionId);
  const file = await loadFile(ctx, store, fileId);
  if (file.meta.ownerType !== "action" || file.meta.ownerId !== actionId) throw notFound();
  return file;
}
