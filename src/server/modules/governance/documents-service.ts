import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { dayInNetherlands } from "../../../shared/dates.js";
import { DOCUMENT_TYPES } from "../../../shared/governance.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, invalidField, notFound } from "../../platform/errors.js";
import { type FileStore, loadFile, storeFile } from "../../platform/files.js";
import { files } from "../../platform/files-schema.js";
import { keyset } from "../../platform/pagination.js";
import { personOfUserSql } from "../network/persons-service.js";
import { documents, documentVersions } from "./documents-schema.js";
import { agendaItems, meetings } from "./meetings-schema.js";
import { isBureau } from "./policy.js";
import { bodies, seats, seatTerms, termHeldOn } from "./schema.js";

/**
 * Whether the acting user may see a confidential document of the body in column `bodyId`: the
 * bureau always, others when they hold a seat in that body today. As SQL, so lists and search
 * filter in the same statement.
 */
export function insiderSql(ctx: Ctx, bodyId: SQL | unknown) {
  if (isBureau(ctx.actor)) return sql`true`;
  return sql`exists (select 1 from ${seatTerms} join ${seats} on ${seats.regionId} = ${seatTerms.regionId}
      and ${seats.id} = ${seatTerms.seatId}
    where ${seatTerms.regionId} = ${ctx.actor.regionId} and ${seats.bodyId} = ${bodyId}
      and ${seatTerms.personId} = ${personOfUserSql(ctx)} and ${termHeldOn(dayInNetherlands(new Date()))})`;
}

/** A document is restricted when it is confidential itself or sits on a confidential agenda item. */
const restrictedSql = sql`(${documents.confidential} or coalesce((select ai.confidential from ${agendaItems} ai
  where ai.region_id = ${documents.regionId} and ai.id = ${documents.agendaItemId}), false))`;

/**
 * A title that matches the words: Dutch stemmed ("begrotingen" finds "Begroting"), or close in
 * spelling (pg_trgm's word similarity, at least 0.6), which catches compound plurals the stemmer
 * keeps apart ("scholingsplannen" stems to "scholingsplann", not "scholingsplan") and typos.
 */
const titleMatchSql = (q: string) =>
  sql`(to_tsvector('dutch', ${documents.title}) @@ websearch_to_tsquery('dutch', ${q}) or ${q} <% ${documents.title})`;
const titleRankSql = (q: string) =>
  sql`ts_rank(to_tsvector('dutch', ${documents.title}), websearch_to_tsquery('dutch', ${q})) + word_similarity(${q}, ${documents.title})`;

/** Only what the acting user may see: everything open, and the restricted documents of their bodies. */
const visibleSql = (ctx: Ctx) => sql`(not ${restrictedSql} or ${insiderSql(ctx, documents.bodyId)})`;

const columns = {
  d: documents,
  bodyName: bodies.name,
  meetingTitle: meetings.title,
  agendaItemTitle: agendaItems.title,
  restricted: sql<boolean>`${restrictedSql}`,
  contentType: sql<string | null>`(select f.content_type from document_versions v join files f
    on f.region_id = v.region_id and f.id = v.file_id
    where v.region_id = ${documents.regionId} and v.document_id = ${documents.id} and v.number = ${documents.latestVersion})`,
};

function selectDocuments(ctx: Ctx) {
  return ctx.tx
    .select(columns)
    .from(documents)
    .innerJoin(bodies, and(eq(bodies.regionId, documents.regionId), eq(bodies.id, documents.bodyId)))
    .leftJoin(meetings, and(eq(meetings.regionId, documents.regionId), eq(meetings.id, documents.meetingId)))
    .leftJoin(
      agendaItems,
      and(eq(agendaItems.regionId, documents.regionId), eq(agendaItems.id, documents.agendaItemId)),
    );
}

type Selected = Awaited<ReturnType<typeof selectDocuments>>[number];
const present = ({ d, ...r }: Selected) => ({
  id: d.id,
  bodyId: d.bodyId,
  bodyName: r.bodyName,
  meetingId: d.meetingId,
  meetingTitle: r.meetingTitle,
  agendaItemId: d.agendaItemId,
  agendaItemTitle: r.agendaItemTitle,
  title: d.title,
  confidential: d.confidential,
  restricted: r.restricted,
  latestVersion: d.latestVersion,
  contentType: r.contentType,
  updatedAt: d.updatedAt.toISOString(),
  version: d.version,
});
export type DocumentDto = ReturnType<typeof present>;

export interface DocumentFilter {
  q?: string;
  bodyId?: string;
  meetingId?: string;
  agendaItemId?: string;
  cursor?: string;
  limit: number;
}

/** Documents newest first, by body, meeting or item, or matching words of their titles. */
export async function listDocuments(ctx: Ctx, f: DocumentFilter) {
  const page = keyset({
    sorts: { created: [documents.createdAt, documents.id] },
    sort: "-created",
    defaultSort: "-created",
    cursor: f.cursor,
    limit: f.limit,
  });
  const rows = await selectDocuments(ctx)
    .where(
      and(
        eq(documents.regionId, ctx.actor.regionId),
        f.bodyId ? eq(documents.bodyId, f.bodyId) : undefined,
        f.meetingId ? eq(documents.meetingId, f.meetingId) : undefined,
        f.agendaItemId ? eq(documents.agendaItemId, f.agendaItemId) : undefined,
        f.q ? titleMatchSql(f.q) : undefined,
        visibleSql(ctx),
        page.where,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(page.take);
  return page.page(
    rows.map((r) => ({ ...present(r), createdAt: r.d.createdAt })),
    (d) => [d.createdAt, d.id],
  );
}

/** One document the user may see (another's confidential document is not found), with its versions. */
export async function getDocument(ctx: Ctx, id: string) {
  const [row] = await selectDocuments(ctx).where(
    and(eq(documents.regionId, ctx.actor.regionId), eq(documents.id, id), visibleSql(ctx)),
  );
  if (!row) throw notFound();
  const versions = await ctx.tx
    .select({
      number: documentVersions.number,
      createdAt: documentVersions.createdAt,
      createdByName: documentVersions.createdByName,
      name: files.name,
      size: files.size,
    })
    .from(documentVersions)
    .innerJoin(
      files,
      and(eq(files.regionId, documentVersions.regionId), eq(files.id, documentVersions.fileId)),
    )
    .where(and(eq(documentVersions.regionId, ctx.actor.regionId), eq(documentVersions.documentId, id)))
    .orderBy(asc(documentVersions.number));
  return {
    ...present(row),
    versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
  };
}

/** The body (and meeting) a new document belongs to, from the most specific place given. */
async function placeOf(ctx: Ctx, input: { bodyId?: string; meetingId?: string; agendaItemId?: string }) {
  if (input.agendaItemId) {
    const [item] = await ctx.tx
      .select({ meetingId: agendaItems.meetingId, bodyId: meetings.bodyId })
      .from(agendaItems)
      .innerJoin(
        meetings,
        and(eq(meetings.regionId, agendaItems.regionId), eq(meetings.id, agendaItems.meetingId)),
      )
      .where(and(eq(agendaItems.regionId, ctx.actor.regionId), eq(agendaItems.id, input.agendaItemId)));
    if (!item) throw invalidField("body.agendaItemId", "problem.notFound", 404);
    return { bodyId: item.bodyId, meetingId: item.meetingId, agendaItemId: input.agendaItemId };
  }
  if (input.meetingId) {
    const [m] = await ctx.tx
      .select({ bodyId: meetings.bodyId })
      .from(meetings)
      .where(and(eq(meetings.regionId, ctx.actor.regionId), eq(meetings.id, input.meetingId)));
    if (!m) throw invalidField("body.meetingId", "problem.notFound", 404);
    return { bodyId: m.bodyId, meetingId: input.meetingId, agendaItemId: null };
  }
  if (!input.bodyId) throw invalidField("body.bodyId", "field.documentPlace");
  const [b] = await ctx.tx
    .select({ id: bodies.id })
    .from(bodies)
    .where(and(eq(bodies.regionId, ctx.actor.regionId), eq(bodies.id, input.bodyId)));
  if (!b) throw invalidField("body.bodyId", "problem.notFound", 404);
  return { bodyId: input.bodyId, meetingId: null, agendaItemId: null };
}

/** A new document of a body, a meeting or an agenda item; its file comes as version 1. */
export async function createDocument(
  ctx: Ctx,
  input: {
    bodyId?: string;
    meetingId?: string;
    agendaItemId?: string;
    title: string;
    confidential?: boolean;
  },
) {
  const place = await placeOf(ctx, input);
  const [row] = await ctx.tx
    .insert(documents)
    .values({
      regionId: ctx.actor.regionId,
      ...place,
      title: input.title,
      confidential: input.confidential ?? false,
    })
    .returning({ id: documents.id });
  const after = await getDocument(ctx, row!.id);
  await audit(ctx, { entityType: "document", entityId: row!.id, action: "create", after });
  return after;
}

async function lockDocument(ctx: Ctx, id: string) {
  const [d] = await ctx.tx
    .select()
    .from(documents)
    .where(and(eq(documents.regionId, ctx.actor.regionId), eq(documents.id, id)))
    .for("update");
  if (!d) throw notFound();
  return d;
}

/** Renames a document or changes whether it is confidential (send `version`). */
export async function updateDocument(
  ctx: Ctx,
  id: string,
  patch: { version: number; title?: string; confidential?: boolean },
) {
  const d = await lockDocument(ctx, id);
  const before = await getDocument(ctx, id);
  if (d.version !== patch.version) throw conflict(before);
  const { version, ...fields } = patch;
  await ctx.tx
    .update(documents)
    .set({ ...fields, updatedAt: new Date(), version: version + 1 })
    .where(and(eq(documents.regionId, ctx.actor.regionId), eq(documents.id, id)));
  const after = await getDocument(ctx, id);
  await audit(ctx, { entityType: "document", entityId: id, action: "update", before, after });
  return after;
}

/** Uploads a new version: the file is checked by its bytes, numbered after the last, and kept. */
export async function addDocumentVersion(
  ctx: Ctx,
  store: FileStore,
  id: string,
  file: { name: string; data: Buffer },
) {
  const d = await lockDocument(ctx, id);
  const stored = await storeFile(ctx, store, {
    ownerType: "document",
    ownerId: id,
    name: file.name,
    data: file.data,
    allowed: DOCUMENT_TYPES,
  });
  const number = d.latestVersion + 1;
  await ctx.tx.insert(documentVersions).values({
    regionId: ctx.actor.regionId,
    documentId: id,
    number,
    fileId: stored.id,
    createdByName: ctx.actor.name,
  });
  await ctx.tx
    .update(documents)
    .set({ latestVersion: number, updatedAt: new Date(), version: d.version + 1 })
    .where(and(eq(documents.regionId, ctx.actor.regionId), eq(documents.id, id)));
  const after = await getDocument(ctx, id);
  await audit(ctx, {
    entityType: "document",
    entityId: id,
    action: "update",
    before: { latestVersion: d.latestVersion },
    after: { latestVersion: number, file: stored.name },
  });
  return after;
}

/** One version's file, for whoever may see the document. */
export async function getDocumentFile(ctx: Ctx, store: FileStore, id: string, number: number) {
  await getDocument(ctx, id);
  const [v] = await ctx.tx
    .select({ fileId: documentVersions.fileId })
    .from(documentVersions)
    .where(
      and(
        eq(documentVersions.regionId, ctx.actor.regionId),
        eq(documentVersions.documentId, id),
        eq(documentVersions.number, number),
      ),
    );
  if (!v) throw notFound();
  return loadFile(ctx, store, v.fileId);
}

/**
 * The newest file of each of `documentIds`, which the caller has read through `listDocuments` (so
 * they are visible): one query for all, then the bytes from the store.
 */
export async function latestFiles(ctx: Ctx, store: FileStore, documentIds: string[]) {
  if (documentIds.length === 0) return new Map<string, Buffer>();
  const rows = await ctx.tx
    .select({ documentId: documents.id, storageKey: files.storageKey })
    .from(documents)
    .innerJoin(
      documentVersions,
      and(
        eq(documentVersions.regionId, documents.regionId),
        eq(documentVersions.documentId, documents.id),
        eq(documentVersions.number, documents.latestVersion),
      ),
    )
    .innerJoin(
      files,
      and(eq(files.regionId, documentVersions.regionId), eq(files.id, documentVersions.fileId)),
    )
    .where(and(eq(documents.regionId, ctx.actor.regionId), inArray(documents.id, documentIds)));
  return new Map(
    await Promise.all(rows.map(async (r) => [r.documentId, await store.get(r.storageKey)] as const)),
  );
}

/**
 * Searches the region's governance texts: document titles (see `titleMatchSql`) and meetings'
 * titles and minutes, Dutch stemmed ("besluiten" finds "besluit"), best match first, with the matching words of the minutes
 * marked. Confidential documents only for those who may see them.
 */
export async function searchGovernance(ctx: Ctx, q: string, limit: number) {
  const query = sql`websearch_to_tsquery('dutch', ${q})`;
  const meetingDoc = sql`to_tsvector('dutch', ${meetings.title} || ' ' || coalesce(${meetings.minutes}, ''))`;
  const found = (await ctx.tx.execute(sql`
    (select 'document' as kind, ${documents.id} as id, ${documents.title} as title, ${bodies.name} as body_name,
        ${documents.meetingId} as meeting_id, null::text as snippet, ${documents.updatedAt} as at,
        ${titleRankSql(q)} as rank
      from ${documents} join ${bodies} on ${bodies.regionId} = ${documents.regionId} and ${bodies.id} = ${documents.bodyId}
      where ${documents.regionId} = ${ctx.actor.regionId} and ${titleMatchSql(q)}
        and ${visibleSql(ctx)}
      order by rank desc limit ${limit})
    union all
    (select 'minutes', ${meetings.id}, ${meetings.title}, ${bodies.name}, ${meetings.id},
        ts_headline('dutch', coalesce(${meetings.minutes}, ''), ${query},
          'StartSel=«, StopSel=», MaxWords=25, MinWords=8, MaxFragments=2'),
        ${meetings.startsAt}, ts_rank(${meetingDoc}, ${query})
      from ${meetings} join ${bodies} on ${bodies.regionId} = ${meetings.regionId} and ${bodies.id} = ${meetings.bodyId}
      where ${meetings.regionId} = ${ctx.actor.regionId} and ${meetingDoc} @@ ${query}
      order by 8 desc limit ${limit})
    order by rank desc limit ${limit}`)) as unknown as {
    rows: {
      kind: "document" | "minutes";
      id: string;
      title: string;
      body_name: string;
      meeting_id: string | null;
      snippet: string | null;
      at: string | Date;
    }[];
  };
  return found.rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    title: r.title,
    bodyName: r.body_name,
    meetingId: r.meeting_id,
    snippet: r.snippet,
    at: new Date(r.at).toISOString(),
  }));
}
