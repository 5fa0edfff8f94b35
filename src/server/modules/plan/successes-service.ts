import { and, eq, ilike, or, sql } from "drizzle-orm";
import { isBureau } from "../../../shared/roles.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, invalidField, notFound } from "../../platform/errors.js";
import { type FileStore, IMAGE_TYPES, loadFile, storeFile } from "../../platform/files.js";
import { escapeLike, keyset } from "../../platform/pagination.js";
import { dutchDay } from "../governance/words.js";
import { projects } from "./projects-schema.js";
import { successes } from "./successes-schema.js";

export interface SuccessInput {
  title: string;
  story: string;
  projectId?: string | null;
  happenedOn: string;
}

const successSelect = (ctx: Ctx) => ({
  s: successes,
  projectName: sql<string | null>`(select p.name from ${projects} p
    where p.region_id = ${ctx.actor.regionId} and p.id = "successes"."project_id")`,
});

function present(ctx: Ctx, r: { s: typeof successes.$inferSelect; projectName: string | null }) {
  const s = r.s;
  return {
    id: s.id,
    title: s.title,
    story: s.story,
    project: s.projectId ? { id: s.projectId, name: r.projectName ?? "" } : null,
    happenedOn: s.happenedOn,
    hasPhoto: s.photoFileId !== null,
    authorName: s.authorName,
    /** Whether the caller may change it: the bureau, or whoever posted it. */
    mine: isBureau(ctx.actor) || (s.createdByUserId !== null && s.createdByUserId === ctx.actor.userId),
    version: s.version,
  };
}

export type Success = ReturnType<typeof present>;

/** The wall: successes, newest first; searched in title and story, or those of one project. */
export async function listSuccesses(
  ctx: Ctx,
  f: { q?: string; projectId?: string; cursor?: string; limit: number },
) {
  const page = keyset({
    sorts: { happened: [successes.happenedOn, successes.id] },
    sort: undefined,
    defaultSort: "-happened",
    cursor: f.cursor,
    limit: f.limit,
  });
  const rows = await ctx.tx
    .select(successSelect(ctx))
    .from(successes)
    .where(
      and(
        eq(successes.regionId, ctx.actor.regionId),
        f.q
          ? or(ilike(successes.title, `%${escapeLike(f.q)}%`), ilike(successes.story, `%${escapeLike(f.q)}%`))
          : undefined,
        f.projectId ? eq(successes.projectId, f.projectId) : undefined,
        page.where,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(page.take);
  const { items, nextCursor } = page.page(rows, (r) => [r.s.happenedOn, r.s.id]);
  return { items: items.map((r) => present(ctx, r)), nextCursor };
}

async function successRow(ctx: Ctx, id: string) {
  const [row] = await ctx.tx
    .select(successSelect(ctx))
    .from(successes)
    .where(and(eq(successes.regionId, ctx.actor.regionId), eq(successes.id, id)));
  if (!row) throw notFound();
  return row;
}

async function checkProject(ctx: Ctx, projectId: string | null | undefined) {
  if (!projectId) return;
  const [p] = await ctx.tx
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.regionId, ctx.actor.regionId), eq(projects.id, projectId)));
  if (!p) throw invalidField("body.projectId", "problem.notFound", 404);
}

export async function createSuccess(ctx: Ctx, input: SuccessInput) {
  await checkProject(ctx, input.projectId);
  const [row] = await ctx.tx
    .insert(successes)
    .values({
      ...input,
      regionId: ctx.actor.regionId,
      createdByUserId: ctx.actor.userId,
      authorName: ctx.actor.name,
    })
    .returning({ id: successes.id });
  const after = present(ctx, await successRow(ctx, row!.id));
  await audit(ctx, { entityType: "success", entityId: after.id, action: "create", after });
  return after;
}

/** A success to change: the caller's own, unless they are the bureau. */
async function ownSuccess(ctx: Ctx, id: string, version?: number) {
  const row = await successRow(ctx, id);
  const before = present(ctx, row);
  if (!before.mine) throw invalidField("params.id", "field.ownSuccess", 403);
  if (version !== undefined && row.s.version !== version) throw conflict(before);
  return { row, before };
}

export async function updateSuccess(
  ctx: Ctx,
  id: string,
  patch: Partial<SuccessInput> & { version: number },
) {
  const { before } = await ownSuccess(ctx, id, patch.version);
  await checkProject(ctx, patch.projectId);
  const { version, ...fields } = patch;
  await ctx.tx
    .update(successes)
    .set({ ...fields, updatedAt: new Date(), version: version + 1 })
    .where(and(eq(successes.regionId, ctx.actor.regionId), eq(successes.id, id)));
  const after = present(ctx, await successRow(ctx, id));
  await audit(ctx, { entityType: "success", entityId: id, action: "update", before, after });
  return after;
}

export async function deleteSuccess(ctx: Ctx, id: string, version: number) {
  const { before } = await ownSuccess(ctx, id, version);
  await ctx.tx.delete(successes).where(and(eq(successes.regionId, ctx.actor.regionId), eq(successes.id, id)));
  await audit(ctx, { entityType: "success", entityId: id, action: "delete", before });
}

/** Attaches the photo (PNG, JPEG or WebP; a new one replaces it, the old stays stored). */
export async function setPhoto(ctx: Ctx, store: FileStore, id: string, file: { name: string; data: Buffer }) {
  const { row, before } = await ownSuccess(ctx, id);
  const stored = await storeFile(ctx, store, {
    ownerType: "success",
    ownerId: id,
    ...file,
    allowed: IMAGE_TYPES,
  });
  await ctx.tx
    .update(successes)
    .set({ photoFileId: stored.id, updatedAt: new Date(), version: row.s.version + 1 })
    .where(and(eq(successes.regionId, ctx.actor.regionId), eq(successes.id, id)));
  const after = present(ctx, await successRow(ctx, id));
  await audit(ctx, {
    entityType: "success",
    entityId: id,
    action: "update",
    before: { photo: before.hasPhoto },
    after: { photo: stored.id },
  });
  return after;
}

export async function getPhoto(ctx: Ctx, store: FileStore, id: string) {
  const { s } = await successRow(ctx, id);
  if (!s.photoFileId) throw notFound();
  return loadFile(ctx, store, s.photoFileId);
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/**
 * The successes of a period as one HTML page for the newsletter: title, date and project, the
 * story in paragraphs, and the photo embedded, so it can be pasted or sent on as it is.
 */
export async function newsletter(ctx: Ctx, store: FileStore, f: { from?: string; to?: string }) {
  const rows = await ctx.tx
    .select(successSelect(ctx))
    .from(successes)
    .where(
      and(
        eq(successes.regionId, ctx.actor.regionId),
        f.from ? sql`${successes.happenedOn} >= ${f.from}::date` : undefined,
        f.to ? sql`${successes.happenedOn} <= ${f.to}::date` : undefined,
      ),
    )
    .orderBy(sql`${successes.happenedOn} desc`, successes.id)
    .limit(200);
  const parts: string[] = [];
  for (const { s, projectName } of rows) {
    const photo = s.photoFileId ? await loadFile(ctx, store, s.photoFileId) : null;
    parts.push(
      [
        "<article>",
        `<h2>${escapeHtml(s.title)}</h2>`,
        `<p><em>${escapeHtml(dutchDay(s.happenedOn))}${projectName ? ` · ${escapeHtml(projectName)}` : ""}</em></p>`,
        photo
          ? `<img src="data:${photo.meta.contentType};base64,${photo.data.toString("base64")}" alt="${escapeHtml(s.title)}" style="max-width:100%">`
          : "",
        ...s.story.split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, "<br>")}</p>`),
        "</article>",
      ].join("\n"),
    );
  }
  return `<!doctype html>\n<html lang="nl">\n<head><meta charset="utf-8"><title>Successen</title></head>\n<body>\n<h1>Successen</h1>\n${parts.join("\n")}\n</body>\n</html>\n`;
}
