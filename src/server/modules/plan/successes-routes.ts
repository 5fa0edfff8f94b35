import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { invalidField } from "../../platform/errors.js";
import { attachment } from "../../platform/export.js";
import { TINY_PNG } from "../../platform/files.js";
import { listQuerySchema, pageSchema } from "../../platform/pagination.js";
import { idParams } from "../network/fields.js";
import { successPolicy } from "./policy.js";
import * as service from "./successes-service.js";

const version = z.number().int().positive();
const versionQuery = z.object({ version: z.coerce.number().int().positive() }).strict();

export const successSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  story: z.string(),
  project: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  happenedOn: z.string(),
  hasPhoto: z.boolean(),
  authorName: z.string(),
  mine: z.boolean(),
  version: z.number().int(),
});
const fields = {
  title: z.string().trim().min(1).max(200),
  story: z.string().trim().min(1).max(8000),
  projectId: z.uuid().nullable().optional(),
  happenedOn: z.iso.date(),
};

export const successesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/successes", {
    schema: {
      tags: ["regioplan"],
      summary: "De successenmuur: nieuwste eerst; zoeken in titel en verhaal, of die van één project",
      querystring: listQuerySchema.extend({ projectId: z.uuid().optional() }).strict(),
      response: { 200: pageSchema(successSchema) },
    },
    config: { access: successPolicy.access("list") },
    handler: (request) => request.ctx((ctx) => service.listSuccesses(ctx, request.query)),
  });

  app.get("/successes/newsletter", {
    schema: {
      tags: ["regioplan"],
      summary: "De successen van een periode als één HTML-pagina met foto's, voor de nieuwsbrief",
      querystring: z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }).strict(),
    },
    config: { access: successPolicy.access("list") },
    handler: async (request, reply) => {
      const html = await request.ctx((ctx) => service.newsletter(ctx, app.deps.files, request.query));
      return reply
        .type("text/html; charset=utf-8")
        .header("content-disposition", attachment("successen.html"))
        .header("content-security-policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
        .send(html);
    },
  });

  app.post("/successes", {
    schema: {
      tags: ["regioplan"],
      summary: "Een succes delen: wat werkte, wanneer, en uit welk project",
      body: z.object(fields).strict(),
      response: { 201: successSchema },
    },
    config: {
      access: successPolicy.access("create"),
      example: async ({ create }) => ({
        body: {
          title: "Eerste valpreventiegroep vol",
          story: "Twaalf ouderen oefenen nu wekelijks in het buurthuis.",
          projectId: await create("project"),
          happenedOn: "2026-10-01",
        },
      }),
    },
    handler: async (request, reply) =>
      reply.code(201).send(await request.ctx((ctx) => service.createSuccess(ctx, request.body))),
  });

  app.patch("/successes/:id", {
    schema: {
      tags: ["regioplan"],
      summary: "Een succes wijzigen (het bureau elk, anderen hun eigen)",
      params: idParams,
      body: z
        .object({
          version,
          title: fields.title.optional(),
          story: fields.story.optional(),
          projectId: fields.projectId,
          happenedOn: fields.happenedOn.optional(),
        })
        .strict(),
      response: { 200: successSchema },
    },
    config: {
      access: successPolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("success") },
        body: { version: 1, title: "Valpreventiegroep vol" },
      }),
    },
    handler: (request) => request.ctx((ctx) => service.updateSuccess(ctx, request.params.id, request.body)),
  });

  app.delete("/successes/:id", {
    schema: {
      tags: ["regioplan"],
      summary: "Een succes weghalen (het bureau elk, anderen hun eigen)",
      params: idParams,
      querystring: versionQuery,
    },
    config: {
      access: successPolicy.access("update"),
      example: async ({ create }) => ({ params: { id: await create("success") }, query: { version: 1 } }),
    },
    handler: async (request, reply) => {
      await request.ctx((ctx) => service.deleteSuccess(ctx, request.params.id, request.query.version));
      return reply.code(204).send();
    },
  });

  app.put("/successes/:id/photo", {
    schema: {
      tags: ["regioplan"],
      summary: "De foto bij een succes uploaden (PNG, JPEG of WebP; multipart veld 'file')",
      params: idParams,
      consumes: ["multipart/form-data"],
      response: { 200: successSchema },
    },
    config: {
      access: successPolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("success") },
        body: { multipart: { name: "foto.png", base64: TINY_PNG } },
      }),
    },
    handler: async (request) => {
      const part = request.isMultipart() ? await request.file() : undefined;
      if (!part) throw invalidField("file", "problem.badRequest", 400);
      const data = await part.toBuffer();
      return request.ctx((ctx) =>
        service.setPhoto(ctx, app.deps.files, request.params.id, { name: part.filename, data }),
      );
    },
  });

  app.get("/successes/:id/photo", {
    schema: { tags: ["regioplan"], summary: "De foto bij een succes", params: idParams },
    // 404 until a photo is uploaded; successes.test.ts uploads and shows one.
    config: {
      access: successPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("success") }, expect: [200, 404] }),
    },
    handler: async (request, reply) => {
      const file = await request.ctx((ctx) => service.getPhoto(ctx, app.deps.files, request.params.id));
      return reply
        .type(file.meta.contentType)
        .header("cache-control", "private, max-age=300")
        .header("x-content-type-options", "nosniff")
        .send(file.data);
    },
  });
};
