import { sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CBS_CODE } from "../../../shared/identifiers.js";
import { DISCIPLINES, ORGANISATION_KINDS } from "../../../shared/network.js";
import { type Ctx, inRegion } from "../../platform/context.js";
import type { Db } from "../../platform/db.js";
import { notFound } from "../../platform/errors.js";
import { type Column, sendExport } from "../../platform/export.js";
import { PUBLIC } from "../../platform/policy.js";
import { getRegion } from "../regions/service.js";
import { socialMapPolicy } from "./policy.js";
import * as service from "./social-map-service.js";

const filterSchema = z.object({
  q: z.string().trim().max(200).optional(),
  discipline: z.enum(DISCIPLINES).optional(),
  kind: z.enum(ORGANISATION_KINDS).optional(),
  municipalityCode: z.string().regex(CBS_CODE.gemeente, "field.cbsGemeente").optional(),
  wijkCode: z.string().regex(CBS_CODE.wijk, "field.cbsWijk").optional(),
  networkId: z.uuid().optional(),
});
const searchSchema = filterSchema
  .extend({
    sort: z.enum(["relevance", "wijk"]).default("relevance"),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(1000).optional(),
  })
  .strict();

const entrySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  street: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  wijkCode: z.string().nullable(),
  wijkName: z.string().nullable(),
  network: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  disciplines: z.array(z.object({ discipline: z.string(), count: z.number().int() })),
  people: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      disciplines: z.array(z.string()),
      function: z.string().nullable(),
    }),
  ),
});
const resultSchema = z.object({
  items: z.array(entrySchema),
  nextCursor: z.string().nullable(),
  /** On the first page only (without `cursor`): how many match in all. */
  total: z.number().int().optional(),
});
const optionsSchema = z.object({
  regionName: z.string(),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  wijken: z.array(z.object({ code: z.string(), name: z.string(), municipalityCode: z.string() })),
  networks: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
const settingsSchema = z.object({ public: z.boolean(), version: z.number().int() });
const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/) }).strict();

type Entry = z.infer<typeof entrySchema>;
const exportColumns: Column<Entry>[] = [
  { header: "Naam", value: (e) => e.name, width: 36 },
  { header: "Soort", value: (e) => e.kind, width: 20 },
  { header: "Adres", value: (e) => e.street, width: 28 },
  { header: "Postcode", value: (e) => e.postcode, width: 10 },
  { header: "Plaats", value: (e) => e.city, width: 20 },
  { header: "Telefoon", value: (e) => e.phone, width: 16 },
  { header: "E-mail", value: (e) => e.email, width: 28 },
  { header: "Website", value: (e) => e.website, width: 28 },
  { header: "Wijk", value: (e) => e.wijkName, width: 20 },
  { header: "WSV", value: (e) => e.network?.name ?? null, width: 24 },
  {
    header: "Disciplines",
    value: (e) => e.disciplines.map((d) => `${d.discipline}: ${d.count}`).join(", "),
    width: 40,
  },
];

async function options(ctx: Ctx) {
  const region = await getRegion(ctx);
  return service.socialMapOptions(
    ctx,
    region.name,
    region.municipalities.map((m) => ({ code: m.cbsCode, name: m.name })),
  );
}

/**
 * The public sociale kaart has no user to take the region from: the slug names it, and only a
 * region that published its map answers (any other slug, published or not, is 404). Reads run as
 * the app role in that region, as an anonymous reader who sees no people.
 */
async function inPublicMap<T>(db: Db, request: FastifyRequest, slug: string, fn: (ctx: Ctx) => Promise<T>) {
  const regionId = await inRegion(db, "", async (tx) => {
    const result = (await tx.execute(sql`select public_social_map_region(${slug}) as id`)) as unknown as {
      rows: { id: string | null }[];
    };
    return result.rows[0]?.id ?? null;
  });
  if (!regionId) throw notFound();
  return inRegion(db, regionId, (tx) =>
    fn({
      tx,
      actor: { kind: "token", regionId, userId: null, name: "Publiek", role: "partner" },
      lang: request.lang,
      requestId: String(request.id),
    }),
  );
}

// Anonymous readers are counted per address; generous for a person, a wall for a scraper.
const publicLimit = { rateLimit: { max: 300, timeWindow: "1 minute" } };

export const socialMapRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/social-map", {
    schema: {
      tags: ["netwerk"],
      summary:
        "Sociale kaart doorzoeken: Nederlandse zoektekst (ook met typefouten), filters, op relevantie of per wijk",
      querystring: searchSchema,
      response: { 200: resultSchema },
    },
    config: { access: socialMapPolicy.access("search") },
    handler: (request) => request.ctx((ctx) => service.searchSocialMap(ctx, "signed-in", request.query)),
  });

  app.get("/social-map/export", {
    schema: {
      tags: ["netwerk"],
      summary: "De sociale kaart exporteren (CSV of xlsx), met dezelfde filters",
      querystring: filterSchema.extend({ format: z.enum(["csv", "xlsx"]).default("csv") }).strict(),
    },
    config: { access: socialMapPolicy.access("search") },
    handler: async (request, reply) => {
      const { format, ...filter } = request.query;
      const result = await request.ctx((ctx) =>
        // A region's directory is a few thousand entries at most; the export takes them all.
        service.searchSocialMap(ctx, "signed-in", { ...filter, sort: "relevance", limit: 5000 }),
      );
      return sendExport(reply, {
        format,
        baseName: "sociale-kaart",
        sheetName: "Sociale kaart",
        rows: result.items,
        columns: exportColumns,
      });
    },
  });

  app.get("/social-map/options", {
    schema: {
      tags: ["netwerk"],
      summary: "Keuzes voor de filters van de sociale kaart",
      response: { 200: optionsSchema },
    },
    config: { access: socialMapPolicy.access("search") },
    handler: (request) => request.ctx(options),
  });

  app.get("/social-map/settings", {
    schema: {
      tags: ["netwerk"],
      summary: "Of de regio een openbare sociale kaart publiceert",
      response: { 200: settingsSchema },
    },
    config: { access: socialMapPolicy.access("search") },
    handler: (request) => request.ctx(service.getSocialMapSettings),
  });

  app.put("/social-map/settings", {
    schema: {
      tags: ["netwerk"],
      summary: "De openbare sociale kaart aan- of uitzetten",
      body: z.object({ public: z.boolean(), version: z.number().int().min(0) }).strict(),
      response: { 200: settingsSchema },
    },
    config: {
      access: socialMapPolicy.access("publish"),
      // A stale version: the generated suites see the conflict; social-map.test.ts covers success.
      example: () => ({ body: { public: true, version: 999 }, expect: 409 }),
    },
    handler: (request) => request.ctx((ctx) => service.setSocialMapSettings(ctx, request.body)),
  });

  app.get("/public/:slug/social-map", {
    schema: {
      tags: ["netwerk"],
      summary:
        "De openbare sociale kaart van een regio (zonder inloggen; alleen als de regio die publiceert)",
      params: slugParams,
      querystring: searchSchema,
      response: { 200: resultSchema },
    },
    config: {
      access: PUBLIC,
      ...publicLimit,
      example: () => ({ params: { slug: "onbekend" }, expect: 404 }),
    },
    handler: (request) =>
      inPublicMap(app.deps.database.db, request, request.params.slug, (ctx) =>
        service.searchSocialMap(ctx, "public", request.query),
      ),
  });

  app.get("/public/:slug/social-map/options", {
    schema: {
      tags: ["netwerk"],
      summary: "Keuzes voor de filters van de openbare sociale kaart",
      params: slugParams,
      response: { 200: optionsSchema },
    },
    config: {
      access: PUBLIC,
      ...publicLimit,
      example: () => ({ params: { slug: "onbekend" }, expect: 404 }),
    },
    handler: (request) => inPublicMap(app.deps.database.db, request, request.params.slug, options),
  });
};
