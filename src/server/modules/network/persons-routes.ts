import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { normaliseAgb, normaliseBig } from "../../../shared/identifiers.js";
import { DISCIPLINES, PERSON_VISIBILITIES } from "../../../shared/network.js";
import { type Column, sendExport } from "../../platform/export.js";
import { listQuerySchema, pageSchema } from "../../platform/pagination.js";
import { idParams, optionalIdentifier, optionalText } from "./fields.js";
import * as service from "./persons-service.js";
import { personPolicy, workRelationPolicy } from "./policy.js";

const fields = {
  givenName: z.string().trim().min(1).max(100),
  namePrefix: optionalText(40),
  familyName: z.string().trim().min(1).max(100),
  disciplines: z.array(z.enum(DISCIPLINES)).max(10).optional(),
  bigNumber: optionalIdentifier(normaliseBig, "field.big"),
  agbCode: optionalIdentifier(normaliseAgb, "field.agb"),
  email: z.email().max(254).nullable().optional(),
  phone: optionalText(40),
  visibility: z.enum(PERSON_VISIBILITIES).optional(),
};

export const personSchema = z.object({
  id: z.uuid(),
  givenName: z.string(),
  namePrefix: z.string().nullable(),
  familyName: z.string(),
  name: z.string(),
  disciplines: z.array(z.enum(DISCIPLINES)),
  bigNumber: z.string().nullable(),
  agbCode: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  visibility: z.enum(PERSON_VISIBILITIES),
  erasedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});

const workRelationFields = {
  function: optionalText(100),
  fte: z.number().min(0.01).max(1.5).nullable().optional(),
  fromDate: z.iso.date().nullable().optional(),
  toDate: z.iso.date().nullable().optional(),
};
const workRelationSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  function: z.string().nullable(),
  fte: z.number().nullable(),
  fromDate: z.string().nullable(),
  toDate: z.string().nullable(),
  version: z.number().int(),
});

const filterSchema = z.object({
  discipline: z.enum(DISCIPLINES).optional(),
  organisationId: z.uuid().optional(),
});

const columns: Column<service.PersonDto>[] = [
  { header: "Achternaam", value: (p) => p.familyName, width: 24 },
  { header: "Tussenvoegsel", value: (p) => p.namePrefix },
  { header: "Voornaam", value: (p) => p.givenName, width: 18 },
  { header: "Disciplines", value: (p) => p.disciplines.join(", "), width: 30 },
  { header: "BIG-nummer", value: (p) => p.bigNumber, width: 14 },
  { header: "AGB-code", value: (p) => p.agbCode },
  { header: "E-mail", value: (p) => p.email, width: 28 },
  { header: "Telefoon", value: (p) => p.phone, width: 16 },
  { header: "Zichtbaar voor", value: (p) => p.visibility },
];

export const personsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/persons", {
    schema: {
      tags: ["netwerk"],
      summary:
        "Personen (zorgverleners en contactpersonen) die u mag zien; zoeken op naam, e-mail, BIG of AGB",
      querystring: listQuerySchema
        .extend(filterSchema.shape)
        .extend({ sort: z.enum(["familyName", "-familyName"]).optional() })
        .strict(),
      response: { 200: pageSchema(personSchema) },
    },
    config: { access: personPolicy.access("list") },
    handler: (request) => request.ctx((ctx) => service.listPersons(ctx, request.query)),
  });

  app.get("/persons/export", {
    schema: {
      tags: ["netwerk"],
      summary: "Personen exporteren (CSV of xlsx), met dezelfde filters als de lijst",
      querystring: filterSchema
        .extend({ q: z.string().trim().max(200).optional(), format: z.enum(["csv", "xlsx"]).default("csv") })
        .strict(),
    },
    config: { access: personPolicy.access("export") },
    handler: async (request, reply) => {
      const { format, ...filter } = request.query;
      const rows = await request.ctx((ctx) => service.exportPersons(ctx, filter));
      return sendExport(reply, { format, baseName: "personen", sheetName: "Personen", rows, columns });
    },
  });

  app.get("/persons/:id", {
    schema: { tags: ["netwerk"], summary: "Eén persoon", params: idParams, response: { 200: personSchema } },
    config: {
      access: personPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("person") } }),
    },
    handler: (request) => request.ctx((ctx) => service.getPerson(ctx, request.params.id)),
  });

  app.post("/persons", {
    schema: {
      tags: ["netwerk"],
      summary: "Persoon toevoegen",
      body: z.object(fields).strict(),
      response: { 201: personSchema },
    },
    config: {
      access: personPolicy.access("create"),
      example: () => ({
        body: {
          givenName: "Marieke",
          namePrefix: "de",
          familyName: "Wit",
          disciplines: ["general_practitioner"],
        },
      }),
    },
    handler: async (request, reply) =>
      reply.code(201).send(await request.ctx((ctx) => service.createPerson(ctx, request.body))),
  });

  app.patch("/persons/:id", {
    schema: {
      tags: ["netwerk"],
      summary: "Persoon wijzigen (met de version die u las)",
      params: idParams,
      body: z
        .object({
          version: z.number().int().positive(),
          ...fields,
          givenName: fields.givenName.optional(),
          familyName: fields.familyName.optional(),
        })
        .strict(),
      response: { 200: personSchema },
    },
    config: {
      access: personPolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("person") },
        body: { version: 1, phone: "071 555 12 34", visibility: "partners" },
      }),
    },
    handler: (request) => request.ctx((ctx) => service.updatePerson(ctx, request.params.id, request.body)),
  });

  app.get("/persons/:id/work-relations", {
    schema: {
      tags: ["netwerk"],
      summary: "Waar deze persoon werkt of werkte",
      params: idParams,
      response: { 200: z.object({ items: z.array(workRelationSchema) }) },
    },
    config: {
      access: workRelationPolicy.access("list"),
      example: async ({ create }) => ({ params: { id: await create("person") } }),
    },
    handler: async (request) => ({
      items: await request.ctx((ctx) => service.listWorkRelations(ctx, request.params.id)),
    }),
  });

  app.post("/persons/:id/work-relations", {
    schema: {
      tags: ["netwerk"],
      summary: "Werkrelatie toevoegen: werkt bij een organisatie, in een functie, voor een periode",
      params: idParams,
      body: z.object({ organisationId: z.uuid(), ...workRelationFields }).strict(),
      response: { 201: workRelationSchema },
    },
    config: {
      access: workRelationPolicy.access("create"),
      example: async ({ create }) => ({
        params: { id: await create("person") },
        body: { organisationId: await create("organisation"), function: "Huisarts", fte: 0.8 },
      }),
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await request.ctx((ctx) => service.addWorkRelation(ctx, request.params.id, request.body))),
  });

  app.patch("/work-relations/:id", {
    schema: {
      tags: ["netwerk"],
      summary: "Werkrelatie wijzigen (bijvoorbeeld beëindigen met een einddatum)",
      params: idParams,
      body: z.object({ version: z.number().int().positive(), ...workRelationFields }).strict(),
      response: { 200: workRelationSchema },
    },
    config: {
      access: workRelationPolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("workRelation") },
        body: { version: 1, toDate: "2026-12-31" },
      }),
    },
    handler: (request) =>
      request.ctx((ctx) => service.updateWorkRelation(ctx, request.params.id, request.body)),
  });

  app.delete("/work-relations/:id", {
    schema: {
      tags: ["netwerk"],
      summary: "Werkrelatie verwijderen",
      params: idParams,
      response: { 204: z.null() },
    },
    config: {
      access: workRelationPolicy.access("delete"),
      example: async ({ create }) => ({ params: { id: await create("workRelation") } }),
    },
    handler: async (request, reply) => {
      await request.ctx((ctx) => service.deleteWorkRelation(ctx, request.params.id));
      return reply.code(204).send(null);
    },
  });
};
