import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { BODY_CODE, BODY_KINDS, DEFAULT_BODY_CODES, SEAT_ROLES } from "../../../shared/governance.js";
import { DISCIPLINES } from "../../../shared/network.js";
import { type Column, sendExport } from "../../platform/export.js";
import { idParams, optionalIdentifier, optionalText } from "../network/fields.js";
import { bodyPolicy, seatPolicy } from "./policy.js";
import * as service from "./service.js";
import { BODY_KIND_WORDS, capitalised } from "./words.js";

const date = z.iso.date();
const bodySchema = z.object({
  id: z.uuid(),
  kind: z.enum(BODY_KINDS),
  name: z.string(),
  purpose: z.string().nullable(),
  policyArea: z.string().nullable(),
  quorumPercent: z.number().int().nullable(),
  code: z.string().nullable().describe("Its code in decision numbers; null: the kind's"),
  version: z.number().int(),
});
/** Capitals and digits; "" clears it (the kind's code is used again). */
const codeField = optionalIdentifier((v) => BODY_CODE.test(v), "field.bodyCode");
const seatSchema = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  role: z.enum(SEAT_ROLES),
  representsOrganisationId: z.uuid().nullable(),
  representsOrganisationName: z.string().nullable(),
  representsDiscipline: z.enum(DISCIPLINES).nullable(),
  representsConstituency: z.string().nullable(),
  termYears: z.number().int().nullable(),
  maxTerms: z.number().int().nullable(),
  abolishedOn: z.string().nullable(),
  version: z.number().int(),
});
const termSchema = z.object({
  id: z.uuid(),
  seatId: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  version: z.number().int(),
});
const seatFields = {
  role: z.enum(SEAT_ROLES),
  representsOrganisationId: z.uuid().nullable().optional(),
  representsDiscipline: z.enum(DISCIPLINES).nullable().optional(),
  representsConstituency: optionalText(200),
  termYears: z.number().int().min(1).max(10).nullable().optional(),
  maxTerms: z.number().int().min(1).max(10).nullable().optional(),
};

type BodyRow = Awaited<ReturnType<typeof service.listBodies>>[number];
const bodyColumns: Column<BodyRow>[] = [
  { header: "Orgaan", value: (b) => b.name, width: 40 },
  { header: "Soort", value: (b) => capitalised(BODY_KIND_WORDS[b.kind]), width: 20 },
  { header: "Beleidsterrein", value: (b) => b.policyArea ?? "", width: 24 },
  { header: "Code besluiten", value: (b) => b.code ?? DEFAULT_BODY_CODES[b.kind], width: 14 },
  { header: "Quorum (%)", value: (b) => b.quorumPercent, width: 11 },
  { header: "Zetels", value: (b) => b.seats, width: 8 },
  { header: "Bezet vandaag", value: (b) => b.filledSeats, width: 13 },
  { header: "Doel", value: (b) => b.purpose ?? "", width: 60 },
];
const bodyFilter = z.object({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(BODY_KINDS).optional(),
});

export const governanceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/bodies/export", {
    schema: {
      tags: ["governance"],
      summary: "De organen exporteren (CSV of xlsx), met dezelfde filters als de lijst",
      querystring: bodyFilter.extend({ format: z.enum(["csv", "xlsx"]).default("csv") }).strict(),
    },
    config: { access: bodyPolicy.access("list") },
    handler: async (request, reply) => {
      const { format, ...filter } = request.query;
      const rows = await request.ctx((ctx) => service.listBodies(ctx, filter));
      return sendExport(reply, {
        format,
        baseName: "organen",
        sheetName: "Organen",
        rows,
        columns: bodyColumns,
      });
    },
  });

  app.get("/bodies", {
    schema: {
      tags: ["governance"],
      summary:
        "De organen van de regio (ALV, bestuur, medische raad, stuurgroep, werkgroepen, …) met hun bezetting",
      querystring: bodyFilter.strict(),
      response: {
        200: z.object({
          items: z.array(bodySchema.extend({ seats: z.number().int(), filledSeats: z.number().int() })),
        }),
      },
    },
    config: { access: bodyPolicy.access("list") },
    handler: async (request) => ({
      items: await request.ctx((ctx) => service.listBodies(ctx, request.query)),
    }),
  });

  app.post("/bodies", {
    schema: {
      tags: ["governance"],
      summary: "Een orgaan instellen",
      body: z
        .object({
          kind: z.enum(BODY_KINDS),
          name: z.string().trim().min(1).max(200),
          purpose: optionalText(2000),
          policyArea: optionalText(200),
          quorumPercent: z.number().int().min(1).max(100).nullable().optional(),
          code: codeField,
        })
        .strict(),
      response: { 201: bodySchema },
    },
    config: {
      access: bodyPolicy.access("create"),
      example: () => ({ body: { kind: "working_group", name: "Werkgroep ICT", policyArea: "ICT" } }),
    },
    handler: async (request, reply) =>
      reply.code(201).send(await request.ctx((ctx) => service.createBody(ctx, request.body))),
  });

  app.get("/bodies/:id", {
    schema: { tags: ["governance"], summary: "Eén orgaan", params: idParams, response: { 200: bodySchema } },
    config: {
      access: bodyPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("body") } }),
    },
    handler: (request) => request.ctx((ctx) => service.getBody(ctx, request.params.id)),
  });

  app.patch("/bodies/:id", {
    schema: {
      tags: ["governance"],
      summary: "Een orgaan wijzigen",
      params: idParams,
      body: z
        .object({
          version: z.number().int().positive(),
          kind: z.enum(BODY_KINDS).optional(),
          name: z.string().trim().min(1).max(200).optional(),
          purpose: optionalText(2000),
          policyArea: optionalText(200),
          quorumPercent: z.number().int().min(1).max(100).nullable().optional(),
          code: codeField,
        })
        .strict(),
      response: { 200: bodySchema },
    },
    config: {
      access: bodyPolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("body") },
        body: { version: 1, purpose: "Adviseert het bestuur over de kwaliteit van zorg" },
      }),
    },
    handler: (request) => request.ctx((ctx) => service.updateBody(ctx, request.params.id, request.body)),
  });

  app.get("/bodies/:id/seats", {
    schema: {
      tags: ["governance"],
      summary:
        "De zetels van een orgaan en wie ze bezet op een datum (standaard vandaag): ook de samenstelling in het verleden",
      params: idParams,
      querystring: z.object({ date: date.optional() }).strict(),
      response: {
        200: z.object({
          body: bodySchema,
          date: z.string(),
          items: z.array(
            seatSchema.extend({
              holder: termSchema.nullable(),
              endingSoon: z.boolean(),
              terms: z.array(termSchema),
            }),
          ),
        }),
      },
    },
    config: {
      access: seatPolicy.access("list"),
      example: async ({ create }) => ({ params: { id: await create("body") } }),
    },
    handler: (request) => request.ctx((ctx) => service.listSeats(ctx, request.params.id, request.query.date)),
  });

  app.post("/bodies/:id/seats", {
    schema: {
      tags: ["governance"],
      summary: "Een zetel toevoegen: rol, wie hij vertegenwoordigt, termijnlengte en herbenoembaarheid",
      params: idParams,
      body: z.object(seatFields).strict(),
      response: { 201: seatSchema },
    },
    config: {
      access: seatPolicy.access("create"),
      example: async ({ create }) => ({
        params: { id: await create("body") },
        body: { role: "member", representsDiscipline: "physiotherapist", termYears: 3, maxTerms: 2 },
      }),
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await request.ctx((ctx) => service.createSeat(ctx, request.params.id, request.body))),
  });

  app.patch("/seats/:id", {
    schema: {
      tags: ["governance"],
      summary: "Een zetel wijzigen",
      params: idParams,
      body: z
        .object({ version: z.number().int().positive(), ...seatFields, role: seatFields.role.optional() })
        .strict(),
      response: { 200: seatSchema },
    },
    config: {
      access: seatPolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("seat") },
        body: { version: 1, role: "chair" },
      }),
    },
    handler: (request) => request.ctx((ctx) => service.updateSeat(ctx, request.params.id, request.body)),
  });

  app.post("/seats/:id/abolish", {
    schema: {
      tags: ["governance"],
      summary:
        "Een zetel opheffen per een datum: vanaf die dag hoort hij niet meer bij het orgaan; de lopende termijn eindigt de dag ervoor",
      params: idParams,
      body: z.object({ version: z.number().int().positive(), abolishedOn: z.iso.date() }).strict(),
      response: { 200: seatSchema },
    },
    config: {
      access: seatPolicy.access("delete"),
      example: async ({ create }) => ({
        params: { id: await create("seat") },
        body: { version: 1, abolishedOn: "2027-01-01" },
      }),
    },
    handler: (request) => request.ctx((ctx) => service.abolishSeat(ctx, request.params.id, request.body)),
  });

  app.delete("/seats/:id", {
    schema: {
      tags: ["governance"],
      summary: "Een zetel verwijderen die nooit bezet is geweest en waar geen mandaat aan hangt",
      params: idParams,
      querystring: z.object({ version: z.coerce.number().int().positive() }).strict(),
    },
    config: {
      access: seatPolicy.access("delete"),
      example: async ({ create }) => ({ params: { id: await create("seat") }, query: { version: 1 } }),
    },
    handler: async (request, reply) => {
      await request.ctx((ctx) => service.deleteSeat(ctx, request.params.id, request.query.version));
      return reply.code(204).send();
    },
  });

  app.post("/seats/:id/terms", {
    schema: {
      tags: ["governance"],
      summary:
        "Iemand benoemen op een zetel vanaf een datum; zonder einddatum loopt de termijn de termijnlengte van de zetel",
      params: idParams,
      body: z.object({ personId: z.uuid(), startDate: date, endDate: date.nullable().optional() }).strict(),
      response: { 201: termSchema },
    },
    config: {
      access: seatPolicy.access("appoint"),
      example: async ({ create }) => ({
        params: { id: await create("seat") },
        body: { personId: await create("person"), startDate: "2026-01-01" },
      }),
    },
    handler: async (request, reply) =>
      reply.code(201).send(await request.ctx((ctx) => service.appoint(ctx, request.params.id, request.body))),
  });

  app.patch("/seat-terms/:id", {
    schema: {
      tags: ["governance"],
      summary: "De einddatum van een termijn wijzigen (eerder aftreden, of een verlenging)",
      params: idParams,
      body: z.object({ version: z.number().int().positive(), endDate: date.nullable() }).strict(),
      response: { 200: termSchema },
    },
    config: {
      access: seatPolicy.access("appoint"),
      example: async ({ create }) => ({
        params: { id: await create("seatTerm") },
        body: { version: 1, endDate: "2027-06-30" },
      }),
    },
    handler: (request) => request.ctx((ctx) => service.updateTerm(ctx, request.params.id, request.body)),
  });

  app.get("/governance/attention", {
    schema: {
      tags: ["governance"],
      summary: "Vacatures en termijnen die binnen 90 dagen aflopen, over alle organen",
      response: {
        200: z.object({
          vacancies: z.array(z.object({ bodyName: z.string(), seat: seatSchema })),
          endingTerms: z.array(z.object({ bodyName: z.string(), seat: seatSchema, term: termSchema })),
        }),
      },
    },
    config: { access: seatPolicy.access("list") },
    handler: (request) => request.ctx(service.attention),
  });
};
