import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CBS_CODE, normaliseAgb, normaliseKvk, normalisePostcode } from "../../../shared/identifiers.js";
import { ORGANISATION_KINDS, ORGANISATION_STATUSES } from "../../../shared/network.js";
import { type Column, sendExport } from "../../platform/export.js";
import { listQuerySchema, pageSchema } from "../../platform/pagination.js";
import { idParams, optionalIdentifier, optionalText } from "./fields.js";
import * as service from "./organisations-service.js";
import { organisationPolicy } from "./policy.js";

/** The fields a client may set; identifiers are checked here and normalised in the service. */
const fields = {
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string().trim().min(1).max(200),
  status: z.enum(ORGANISATION_STATUSES).optional(),
  statusDate: z.iso.date().nullable().optional(),
  parentId: z.uuid().nullable().optional(),
  visitStreet: optionalText(),
  visitHouseNumber: optionalText(20),
  visitPostcode: optionalIdentifier(normalisePostcode, "field.postcode"),
  visitCity: optionalText(),
  postalStreet: optionalText(),
  postalHouseNumber: optionalText(20),
  postalPostcode: optionalIdentifier(normalisePostcode, "field.postcode"),
  postalCity: optionalText(),
  phone: optionalText(40),
  email: z.email().max(254).nullable().optional(),
  website: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
  agbCode: optionalIdentifier(normaliseAgb, "field.agb"),
  kvkNumber: optionalIdentifier(normaliseKvk, "field.kvk"),
  municipalityCode: optionalIdentifier((v) => CBS_CODE.gemeente.test(v), "field.cbsGemeente"),
  wijkCode: optionalIdentifier((v) => CBS_CODE.wijk.test(v), "field.cbsWijk"),
};

export const organisationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string(),
  status: z.enum(ORGANISATION_STATUSES),
  statusDate: z.string().nullable(),
  parentId: z.uuid().nullable(),
  parentName: z.string().nullable(),
  mergedIntoId: z.uuid().nullable(),
  visitStreet: z.string().nullable(),
  visitHouseNumber: z.string().nullable(),
  visitPostcode: z.string().nullable(),
  visitCity: z.string().nullable(),
  postalStreet: z.string().nullable(),
  postalHouseNumber: z.string().nullable(),
  postalPostcode: z.string().nullable(),
  postalCity: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  agbCode: z.string().nullable(),
  kvkNumber: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  wijkCode: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});

const filterSchema = z.object({
  kind: z.enum(ORGANISATION_KINDS).optional(),
  status: z.enum(ORGANISATION_STATUSES).optional(),
  municipalityCode: z.string().regex(CBS_CODE.gemeente).optional(),
  parentId: z.uuid().optional(),
});

const columns: Column<service.OrganisationDto>[] = [
  { header: "Naam", value: (o) => o.name, width: 36 },
  { header: "Soort", value: (o) => o.kind, width: 22 },
  { header: "Status", value: (o) => o.status },
  { header: "Valt onder", value: (o) => o.parentName, width: 30 },
  { header: "Straat", value: (o) => o.visitStreet, width: 28 },
  { header: "Huisnummer", value: (o) => o.visitHouseNumber },
  { header: "Postcode", value: (o) => o.visitPostcode },
  { header: "Plaats", value: (o) => o.visitCity, width: 20 },
  { header: "Telefoon", value: (o) => o.phone, width: 16 },
  { header: "E-mail", value: (o) => o.email, width: 28 },
  { header: "Website", value: (o) => o.website, width: 28 },
  { header: "AGB-code", value: (o) => o.agbCode },
  { header: "KvK-nummer", value: (o) => o.kvkNumber },
  { header: "Gemeentecode", value: (o) => o.municipalityCode },
  { header: "Wijkcode", value: (o) => o.wijkCode },
];

export const organisationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/organisations", {
    schema: {
      tags: ["netwerk"],
      summary: "Organisaties in het netwerk van de regio (zoeken op naam, plaats, AGB of KvK)",
      querystring: listQuerySchema
        .extend(filterSchema.shape)
        .extend({ sort: z.enum(["name", "-name", "createdAt", "-createdAt"]).optional() })
        .strict(),
      response: { 200: pageSchema(organisationSchema) },
    },
    config: { access: organisationPolicy.access("list") },
    handler: (request) => request.ctx((ctx) => service.listOrganisations(ctx, request.query)),
  });

  app.get("/organisations/export", {
    schema: {
      tags: ["netwerk"],
      summary: "Organisaties exporteren (CSV of xlsx), met dezelfde filters als de lijst",
      querystring: filterSchema
        .extend({ q: z.string().trim().max(200).optional(), format: z.enum(["csv", "xlsx"]).default("csv") })
        .strict(),
    },
    config: { access: organisationPolicy.access("export") },
    handler: async (request, reply) => {
      const { format, ...filter } = request.query;
      const rows = await request.ctx((ctx) => service.exportOrganisations(ctx, filter));
      return sendExport(reply, {
        format,
        baseName: "organisaties",
        sheetName: "Organisaties",
        rows,
        columns,
      });
    },
  });

  app.get("/organisations/:id", {
    schema: {
      tags: ["netwerk"],
      summary: "Eén organisatie",
      params: idParams,
      response: { 200: organisationSchema },
    },
    config: {
      access: organisationPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("organisation") } }),
    },
    handler: (request) => request.ctx((ctx) => service.getOrganisation(ctx, request.params.id)),
  });

  app.post("/organisations", {
    schema: {
      tags: ["netwerk"],
      summary: "Organisatie toevoegen",
      body: z.object(fields).strict(),
      response: { 201: organisationSchema },
    },
    config: {
      access: organisationPolicy.access("create"),
      example: () => ({
        body: { kind: "general_practice", name: "Huisartsenpraktijk De Linde", visitPostcode: "2311 AB" },
      }),
    },
    handler: async (request, reply) => {
      const created = await request.ctx((ctx) => service.createOrganisation(ctx, request.body));
      return reply.code(201).send(created);
    },
  });

  app.patch("/organisations/:id", {
    schema: {
      tags: ["netwerk"],
      summary: "Organisatie wijzigen (met de version die u las)",
      params: idParams,
      body: z
        .object({
          version: z.number().int().positive(),
          ...fields,
          kind: fields.kind.optional(),
          name: fields.name.optional(),
        })
        .strict(),
      response: { 200: organisationSchema },
    },
    config: {
      access: organisationPolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("organisation") },
        body: { version: 1, name: "Gezondheidscentrum Merenwijk", kind: "health_centre" },
      }),
    },
    handler: (request) =>
      request.ctx((ctx) => service.updateOrganisation(ctx, request.params.id, request.body)),
  });

  app.delete("/organisations/:id", {
    schema: {
      tags: ["netwerk"],
      summary: "Organisatie verwijderen (alleen zonder onderdelen; anders: status beëindigd)",
      params: idParams,
      response: { 204: z.null() },
    },
    config: {
      access: organisationPolicy.access("delete"),
      example: async ({ create }) => ({ params: { id: await create("organisation") } }),
    },
    handler: async (request, reply) => {
      await request.ctx((ctx) => service.deleteOrganisation(ctx, request.params.id));
      return reply.code(204).send(null);
    },
  });
};
