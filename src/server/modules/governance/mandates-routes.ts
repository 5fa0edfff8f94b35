import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { SEAT_ROLES } from "../../../shared/governance.js";
import { invalidField } from "../../platform/errors.js";
import { attachment, type Column, EXPORT_LIMIT, sendExport } from "../../platform/export.js";
import { TINY_PDF } from "../../platform/files.js";
import { listQuerySchema, pageSchema } from "../../platform/pagination.js";
import { idParams, optionalText } from "../network/fields.js";
import { organisationPolicy } from "../network/policy.js";
import * as service from "./mandates-service.js";
import { mandatePolicy } from "./policy.js";

const date = z.iso.date();
const mandateSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  seat: z
    .object({ id: z.uuid(), role: z.enum(SEAT_ROLES), bodyId: z.uuid(), bodyName: z.string() })
    .nullable(),
  constituency: z.string(),
  scope: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  valid: z.boolean(),
  organisations: z.array(z.object({ id: z.uuid(), name: z.string() })),
  document: z
    .object({ id: z.uuid(), name: z.string(), contentType: z.string(), size: z.number().int() })
    .nullable(),
  version: z.number().int(),
});
const mandateFields = {
  personId: z.uuid(),
  seatId: z.uuid().nullable().optional(),
  constituency: z.string().trim().min(1).max(200),
  scope: optionalText(2000),
  validFrom: date,
  validTo: date.nullable().optional(),
  organisationIds: z.array(z.uuid()).min(1).max(2000),
};

const mandateFilter = z.object({
  q: z.string().trim().max(200).optional(),
  personId: z.uuid().optional(),
  seatId: z.uuid().optional(),
  bodyId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  on: date.optional(),
});

const columns: Column<service.Mandate>[] = [
  { header: "Achterban", value: (m) => m.constituency, width: 36 },
  { header: "Reikwijdte", value: (m) => m.scope, width: 48 },
  { header: "Vertegenwoordiger", value: (m) => m.personName, width: 28 },
  { header: "Namens", value: (m) => m.organisations.map((o) => o.name).join("; "), width: 60 },
  { header: "Orgaan", value: (m) => m.seat?.bodyName ?? null, width: 24 },
  { header: "Geldig vanaf", value: (m) => m.validFrom, width: 14 },
  { header: "Geldig tot en met", value: (m) => m.validTo, width: 14 },
  { header: "Document", value: (m) => m.document?.name ?? null, width: 30 },
];

export const mandatesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/mandates", {
    schema: {
      tags: ["governance"],
      summary:
        "Wie spreekt namens wie: de mandaten van de regio, per achterban; te filteren op vertegenwoordiger, zetel, orgaan, organisatie en peildatum",
      querystring: listQuerySchema.extend(mandateFilter.shape).strict(),
      response: { 200: pageSchema(mandateSchema) },
    },
    config: { access: mandatePolicy.access("list") },
    handler: (request) => request.ctx((ctx) => service.listMandates(ctx, request.query)),
  });

  app.get("/mandates/export", {
    schema: {
      tags: ["governance"],
      summary: "Wie spreekt namens wie exporteren (CSV of xlsx), met dezelfde filters als de lijst",
      querystring: mandateFilter.extend({ format: z.enum(["csv", "xlsx"]).default("csv") }).strict(),
    },
    config: { access: mandatePolicy.access("list") },
    handler: async (request, reply) => {
      const { format, ...filter } = request.query;
      const { items } = await request.ctx((ctx) =>
        service.listMandates(ctx, { ...filter, limit: EXPORT_LIMIT }),
      );
      return sendExport(reply, { format, baseName: "mandaten", sheetName: "Mandaten", rows: items, columns });
    },
  });

  app.post("/mandates", {
    schema: {
      tags: ["governance"],
      summary: "Een mandaat vastleggen: wie namens welke organisaties spreekt, waarover en hoe lang",
      body: z.object(mandateFields).strict(),
      response: { 201: mandateSchema },
    },
    config: {
      access: mandatePolicy.access("create"),
      example: async ({ create }) => ({
        body: {
          personId: await create("person"),
          constituency: "Ouderenzorgaanbieders Holland Rijnland",
          scope: "Spreekt in de stuurgroep namens de ouderenzorg, groot en klein",
          validFrom: "2026-01-01",
          organisationIds: [await create("organisation"), await create("organisation")],
        },
      }),
    },
    handler: async (request, reply) =>
      reply.code(201).send(await request.ctx((ctx) => service.createMandate(ctx, request.body))),
  });

  app.get("/mandates/:id", {
    schema: {
      tags: ["governance"],
      summary: "Eén mandaat",
      params: idParams,
      response: { 200: mandateSchema },
    },
    config: {
      access: mandatePolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("mandate") } }),
    },
    handler: (request) => request.ctx((ctx) => service.getMandate(ctx, request.params.id)),
  });

  app.patch("/mandates/:id", {
    schema: {
      tags: ["governance"],
      summary: "Een mandaat wijzigen (reikwijdte, looptijd, achterban)",
      params: idParams,
      body: z
        .object({
          version: z.number().int().positive(),
          ...mandateFields,
          personId: mandateFields.personId.optional(),
          constituency: mandateFields.constituency.optional(),
          validFrom: date.optional(),
          organisationIds: mandateFields.organisationIds.optional(),
        })
        .strict(),
      response: { 200: mandateSchema },
    },
    config: {
      access: mandatePolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("mandate") },
        body: { version: 1, validTo: "2027-12-31" },
      }),
    },
    handler: (request) => request.ctx((ctx) => service.updateMandate(ctx, request.params.id, request.body)),
  });

  app.put("/mandates/:id/document", {
    schema: {
      tags: ["governance"],
      summary:
        "Het document dat het mandaat verleent uploaden (PDF, Word, PNG of JPEG; multipart veld 'file')",
      params: idParams,
      consumes: ["multipart/form-data"],
      response: { 200: mandateSchema },
    },
    config: {
      access: mandatePolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("mandate") },
        body: { multipart: { name: "mandaat.pdf", base64: TINY_PDF } },
      }),
    },
    handler: async (request) => {
      const part = request.isMultipart() ? await request.file() : undefined;
      if (!part) throw invalidField("file", "problem.badRequest", 400);
      const data = await part.toBuffer();
      return request.ctx((ctx) =>
        service.setMandateDocument(ctx, app.deps.files, request.params.id, { name: part.filename, data }),
      );
    },
  });

  app.get("/mandates/:id/document", {
    schema: { tags: ["governance"], summary: "Het document van een mandaat", params: idParams },
    // 404 until a document is uploaded; mandates.test.ts uploads and downloads one.
    config: {
      access: mandatePolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("mandate") }, expect: [200, 404] }),
    },
    handler: async (request, reply) => {
      const file = await request.ctx((ctx) =>
        service.getMandateDocument(ctx, app.deps.files, request.params.id),
      );
      return reply
        .type(file.meta.contentType)
        .header("content-disposition", attachment(file.meta.name))
        .header("x-content-type-options", "nosniff")
        .send(file.data);
    },
  });

  app.get("/organisations/:id/representatives", {
    schema: {
      tags: ["governance"],
      summary:
        "Wie spreekt vandaag namens deze organisatie: zetels die haar vertegenwoordigen en mandaten van haar achterbannen",
      params: idParams,
      response: {
        200: z.object({
          seats: z.array(
            z.object({
              seatId: z.uuid(),
              role: z.enum(SEAT_ROLES),
              bodyId: z.uuid(),
              bodyName: z.string(),
              personId: z.uuid().nullable(),
              personName: z.string().nullable(),
            }),
          ),
          mandates: z.array(mandateSchema),
        }),
      },
    },
    config: {
      access: organisationPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("organisation") } }),
    },
    handler: (request) => request.ctx((ctx) => service.representativesOf(ctx, request.params.id)),
  });
};
