import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { invalidField } from "../../platform/errors.js";
import { attachment } from "../../platform/export.js";
import { TINY_PDF } from "../../platform/files.js";
import { listQuerySchema, pageSchema } from "../../platform/pagination.js";
import { idParams } from "../network/fields.js";
import * as service from "./documents-service.js";
import { documentPolicy } from "./policy.js";

const documentSchema = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  meetingId: z.uuid().nullable(),
  meetingTitle: z.string().nullable(),
  agendaItemId: z.uuid().nullable(),
  agendaItemTitle: z.string().nullable(),
  title: z.string(),
  confidential: z.boolean(),
  restricted: z.boolean().describe("Confidential itself or on a confidential agenda item: members only"),
  latestVersion: z.number().int().describe("0 until a file is uploaded"),
  contentType: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
const detailSchema = documentSchema.extend({
  versions: z.array(
    z.object({
      number: z.number().int(),
      name: z.string(),
      size: z.number().int(),
      createdAt: z.string(),
      createdByName: z.string().nullable(),
    }),
  ),
});
const title = z.string().trim().min(1).max(300);

export const documentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/documents", {
    schema: {
      tags: ["governance"],
      summary:
        "Stukken, nieuwste eerst, per orgaan, vergadering of agendapunt, of met woorden uit de titel (q); vertrouwelijke alleen voor de leden van het orgaan",
      querystring: listQuerySchema
        .extend({
          bodyId: z.uuid().optional(),
          meetingId: z.uuid().optional(),
          agendaItemId: z.uuid().optional(),
        })
        .strict(),
      response: { 200: pageSchema(documentSchema) },
    },
    config: { access: documentPolicy.access("list") },
    handler: (request) => request.ctx((ctx) => service.listDocuments(ctx, request.query)),
  });

  app.get("/governance-search", {
    schema: {
      tags: ["governance"],
      summary:
        "Zoeken in de titels van stukken en in de titels en notulen van vergaderingen (Nederlandse woordvormen), beste treffer eerst",
      querystring: z
        .object({
          q: z.string().trim().min(2).max(200),
          limit: z.coerce.number().int().min(1).max(50).default(20),
        })
        .strict(),
      response: {
        200: z.array(
          z.object({
            kind: z.enum(["document", "minutes"]),
            id: z.uuid().describe("The document, or the meeting whose minutes match"),
            title: z.string(),
            bodyName: z.string(),
            meetingId: z.uuid().nullable(),
            snippet: z.string().nullable().describe("The matching words of the minutes between « and »"),
            at: z.string(),
          }),
        ),
      },
    },
    config: { access: documentPolicy.access("list"), example: async () => ({ query: { q: "begroting" } }) },
    handler: (request) =>
      request.ctx((ctx) => service.searchGovernance(ctx, request.query.q, request.query.limit)),
  });

  app.post("/documents", {
    schema: {
      tags: ["governance"],
      summary:
        "Een stuk aanmaken bij een orgaan, een vergadering of een agendapunt (het meest specifieke telt); het bestand volgt als versie 1",
      body: z
        .object({
          bodyId: z.uuid().optional(),
          meetingId: z.uuid().optional(),
          agendaItemId: z.uuid().optional(),
          title,
          confidential: z.boolean().optional(),
        })
        .strict(),
      response: { 201: detailSchema },
    },
    config: {
      access: documentPolicy.access("create"),
      example: async ({ create }) => ({
        body: { meetingId: await create("meeting"), title: "Begroting 2027" },
      }),
    },
    handler: async (request, reply) =>
      reply.code(201).send(await request.ctx((ctx) => service.createDocument(ctx, request.body))),
  });

  app.get("/documents/:id", {
    schema: {
      tags: ["governance"],
      summary: "Eén stuk met zijn versies",
      params: idParams,
      response: { 200: detailSchema },
    },
    config: {
      access: documentPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("document") } }),
    },
    handler: (request) => request.ctx((ctx) => service.getDocument(ctx, request.params.id)),
  });

  app.patch("/documents/:id", {
    schema: {
      tags: ["governance"],
      summary: "De titel of de vertrouwelijkheid van een stuk wijzigen (stuur version mee)",
      params: idParams,
      body: z
        .object({
          version: z.number().int().positive(),
          title: title.optional(),
          confidential: z.boolean().optional(),
        })
        .strict(),
      response: { 200: detailSchema },
    },
    config: {
      access: documentPolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("document") },
        body: { version: 1, confidential: true },
      }),
    },
    handler: (request) => request.ctx((ctx) => service.updateDocument(ctx, request.params.id, request.body)),
  });

  app.post("/documents/:id/versions", {
    schema: {
      tags: ["governance"],
      summary:
        "Een nieuwe versie uploaden (PDF, Word, Excel, PowerPoint, PNG, JPEG of tekst; multipart veld 'file'); eerdere versies blijven",
      params: idParams,
      consumes: ["multipart/form-data"],
      response: { 201: detailSchema },
    },
    config: {
      access: documentPolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("document") },
        body: { multipart: { name: "begroting.pdf", base64: TINY_PDF } },
      }),
    },
    handler: async (request, reply) => {
      const part = request.isMultipart() ? await request.file() : undefined;
      if (!part) throw invalidField("file", "problem.badRequest", 400);
      const data = await part.toBuffer();
      return reply
        .code(201)
        .send(
          await request.ctx((ctx) =>
            service.addDocumentVersion(ctx, app.deps.files, request.params.id, { name: part.filename, data }),
          ),
        );
    },
  });

  app.get("/documents/:id/versions/:number/file", {
    schema: {
      tags: ["governance"],
      summary: "Het bestand van één versie van een stuk",
      params: z.object({ id: z.uuid(), number: z.coerce.number().int().min(1) }).strict(),
    },
    // 404 until a version is uploaded; documents.test.ts uploads and downloads one.
    config: {
      access: documentPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("document"), number: 1 }, expect: 404 }),
    },
    handler: async (request, reply) => {
      const file = await request.ctx((ctx) =>
        service.getDocumentFile(ctx, app.deps.files, request.params.id, request.params.number),
      );
      return reply
        .type(file.meta.contentType)
        .header("content-disposition", attachment(file.meta.name))
        .header("x-content-type-options", "nosniff")
        .send(file.data);
    },
  });
};
