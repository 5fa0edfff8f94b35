import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { MEMBERSHIP_BODIES, MEMBERSHIP_TYPES } from "../../../shared/network.js";
import { type Column, sendExport } from "../../platform/export.js";
import { idParams, optionalText } from "./fields.js";
import * as service from "./memberships-service.js";
import { membershipPolicy } from "./policy.js";

const membershipSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  memberPersonId: z.uuid().nullable(),
  memberOrganisationId: z.uuid().nullable(),
  memberName: z.string(),
  type: z.enum(MEMBERSHIP_TYPES),
  startDate: z.string(),
  endDate: z.string().nullable(),
  contributionCategory: z.string().nullable(),
  version: z.number().int(),
});
const date = z.iso.date();

export const membershipsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/memberships", {
    schema: {
      tags: ["netwerk"],
      summary:
        "Lidmaatschappen, per organisatie (coöperatie, vereniging, WSV) of per lid, eventueel op een datum",
      querystring: z
        .object({
          organisationId: z.uuid().optional(),
          memberPersonId: z.uuid().optional(),
          memberOrganisationId: z.uuid().optional(),
          activeOn: date.optional(),
        })
        .strict(),
      response: { 200: z.object({ items: z.array(membershipSchema) }) },
    },
    config: { access: membershipPolicy.access("list") },
    handler: async (request) => ({
      items: await request.ctx((ctx) => service.listMemberships(ctx, request.query)),
    }),
  });

  app.post("/memberships", {
    schema: {
      tags: ["netwerk"],
      summary: "Lidmaatschap vastleggen: een persoon of organisatie wordt lid, vanaf een datum",
      body: z
        .object({
          organisationId: z.uuid(),
          memberPersonId: z.uuid().nullable().optional(),
          memberOrganisationId: z.uuid().nullable().optional(),
          type: z.enum(MEMBERSHIP_TYPES).optional(),
          startDate: date,
          endDate: date.nullable().optional(),
          contributionCategory: optionalText(60),
        })
        .strict(),
      response: { 201: membershipSchema },
    },
    config: {
      access: membershipPolicy.access("create"),
      example: async ({ create }) => ({
        body: {
          organisationId: await create("membershipBody"),
          memberPersonId: await create("person"),
          startDate: "2026-01-01",
        },
      }),
    },
    handler: async (request, reply) =>
      reply.code(201).send(await request.ctx((ctx) => service.addMembership(ctx, request.body))),
  });

  app.patch("/memberships/:id", {
    schema: {
      tags: ["netwerk"],
      summary: "Lidmaatschap wijzigen of beëindigen (einddatum)",
      params: idParams,
      body: z
        .object({
          version: z.number().int().positive(),
          type: z.enum(MEMBERSHIP_TYPES).optional(),
          startDate: date.optional(),
          endDate: date.nullable().optional(),
          contributionCategory: optionalText(60),
        })
        .strict(),
      response: { 200: membershipSchema },
    },
    config: {
      access: membershipPolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("membership") },
        body: { version: 1, endDate: "2026-12-31" },
      }),
    },
    handler: (request) =>
      request.ctx((ctx) => service.updateMembership(ctx, request.params.id, request.body)),
  });

  app.get("/organisations/:id/member-counts", {
    schema: {
      tags: ["netwerk"],
      summary: "Aantal leden op een datum, per discipline",
      params: idParams,
      querystring: z.object({ date }).strict(),
      response: {
        200: z.object({
          date: z.string(),
          total: z.number().int(),
          byDiscipline: z.array(z.object({ discipline: z.string(), count: z.number().int() })),
        }),
      },
    },
    config: {
      access: membershipPolicy.access("list"),
      example: async ({ create }) => ({
        params: { id: await create("membershipBody") },
        query: { date: "2026-01-01" },
      }),
    },
    handler: (request) =>
      request.ctx((ctx) => service.memberCounts(ctx, request.params.id, request.query.date)),
  });

  const countsTable = z.object({
    date: z.string(),
    disciplines: z.array(z.string()),
    rows: z.array(
      z.object({
        organisationId: z.uuid(),
        name: z.string(),
        kind: z.string(),
        total: z.number().int(),
        byDiscipline: z.record(z.string(), z.number().int()),
      }),
    ),
  });
  const countsQuery = z.object({ date, kind: z.enum(MEMBERSHIP_BODIES).optional() }).strict();

  app.get("/memberships/counts", {
    schema: {
      tags: ["netwerk"],
      summary:
        "Ledenaantallen op een datum van elke coöperatie, vereniging, zorggroep en WSV, per discipline",
      querystring: countsQuery,
      response: { 200: countsTable },
    },
    config: { access: membershipPolicy.access("list"), example: () => ({ query: { date: "2026-01-01" } }) },
    handler: (request) =>
      request.ctx((ctx) => service.memberCountsTable(ctx, request.query.date, request.query.kind)),
  });

  app.get("/memberships/counts/export", {
    schema: {
      tags: ["netwerk"],
      summary: "De ledenaantallen exporteren (CSV of xlsx)",
      querystring: countsQuery.extend({ format: z.enum(["csv", "xlsx"]).default("csv") }).strict(),
    },
    config: { access: membershipPolicy.access("list"), example: () => ({ query: { date: "2026-01-01" } }) },
    handler: async (request, reply) => {
      const table = await request.ctx((ctx) =>
        service.memberCountsTable(ctx, request.query.date, request.query.kind),
      );
      type Row = (typeof table.rows)[number];
      const columns: Column<Row>[] = [
        { header: "Organisatie", value: (r) => r.name, width: 36 },
        { header: "Soort", value: (r) => r.kind },
        { header: "Leden", value: (r) => r.total, width: 10 },
        ...table.disciplines.map((d) => ({
          header: d,
          value: (r: Row) => r.byDiscipline[d] ?? 0,
          width: 14,
        })),
      ];
      return sendExport(reply, {
        format: request.query.format,
        baseName: `ledenaantallen-${request.query.date}`,
        sheetName: "Ledenaantallen",
        rows: table.rows,
        columns,
      });
    },
  });
};
