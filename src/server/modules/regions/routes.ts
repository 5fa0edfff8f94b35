import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { invalidField } from "../../platform/errors.js";
import { TINY_PNG } from "../../platform/files.js";
import { regionPolicy } from "./policy.js";
import { MUNICIPALITIES } from "./reference.js";
import * as service from "./service.js";

const municipality = z.object({
  cbsCode: z.string(),
  name: z.string(),
  inhabitants: z.number().int().nullable(),
});
const regionSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  logoFileId: z.uuid().nullable(),
  municipalities: z.array(municipality),
  inhabitants: z.number().int(),
  version: z.number().int(),
});
const cbsGemeente = z.string().regex(/^GM\d{4}$/, "CBS-gemeentecode als GM0000");

export const regionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/region", {
    schema: {
      tags: ["region"],
      summary: "De eigen regio-organisatie met werkgebied",
      response: { 200: regionSchema },
    },
    config: { access: regionPolicy.access("read") },
    handler: (request) => request.ctx(service.getRegion),
  });

  app.patch("/region", {
    schema: {
      tags: ["region"],
      summary: "Naam of werkgebied (gekozen gemeenten) wijzigen",
      body: z
        .object({
          version: z.number().int().positive(),
          name: z.string().trim().min(2).max(200).optional(),
          municipalities: z.array(cbsGemeente).max(400).optional(),
        })
        .strict(),
      response: { 200: regionSchema },
    },
    config: {
      access: regionPolicy.access("update"),
      // A stale version: the generated suites see the conflict; regions.test.ts covers success.
      example: () => ({ body: { version: 999, name: "Regio" }, expect: 409 }),
    },
    handler: (request) => request.ctx((ctx) => service.updateRegion(ctx, request.body)),
  });

  app.get("/region/municipality-options", {
    schema: {
      tags: ["region"],
      summary: "Gemeenten die als werkgebied gekozen kunnen worden",
      response: { 200: z.object({ items: z.array(municipality) }) },
    },
    config: { access: regionPolicy.access("read") },
    handler: async () => ({ items: [...MUNICIPALITIES] }),
  });

  app.put("/region/logo", {
    schema: {
      tags: ["region"],
      summary: "Logo uploaden (PNG, JPEG of WebP; multipart veld 'file')",
      consumes: ["multipart/form-data"],
      response: { 200: regionSchema },
    },
    config: {
      access: regionPolicy.access("update"),
      example: () => ({ body: { multipart: { name: "logo.png", base64: TINY_PNG } } }),
    },
    handler: async (request) => {
      const part = request.isMultipart() ? await request.file() : undefined;
      if (!part) throw invalidField("file", "problem.badRequest", 400);
      const data = await part.toBuffer();
      return request.ctx((ctx) => service.setLogo(ctx, app.deps.files, { name: part.filename, data }));
    },
  });

  app.get("/region/logo", {
    schema: { tags: ["region"], summary: "Het logo van de regio" },
    // 404 until a logo is uploaded; regions.test.ts uploads and downloads one.
    config: { access: regionPolicy.access("read"), example: () => ({ expect: [200, 404] }) },
    handler: async (request, reply) => {
      const file = await request.ctx((ctx) => service.getLogo(ctx, app.deps.files));
      return reply
        .type(file.meta.contentType)
        .header("cache-control", "private, max-age=300")
        .header("x-content-type-options", "nosniff")
        .send(file.data);
    },
  });
};
