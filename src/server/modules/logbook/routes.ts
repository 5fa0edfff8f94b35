import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Column, sendExport } from "../../platform/export.js";
import { listQuerySchema, pageSchema } from "../../platform/pagination.js";
import { auditPolicy } from "./policy.js";
import { type AuditEventDto, entityTypes, exportAuditEvents, listAuditEvents } from "./service.js";

const isoDate = z.iso.date();
const filterSchema = z.object({
  actorId: z.uuid().optional(),
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
const eventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
});

const columns: Column<AuditEventDto>[] = [
  { header: "Tijdstip", value: (e) => new Date(e.at), width: 22 },
  { header: "Wie", value: (e) => e.actorName, width: 28 },
  { header: "Soort", value: (e) => e.entityType },
  { header: "Id", value: (e) => e.entityId, width: 38 },
  { header: "Handeling", value: (e) => e.action },
  {
    header: "Wijzigingen",
    value: (e) =>
      Object.entries(e.changes)
        .map(([field, [before, after]]) => `${field}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`)
        .join("\n"),
    width: 80,
  },
];

export const logbookRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/audit-events", {
    schema: {
      tags: ["logboek"],
      summary: "Logboek: elke wijziging in de regio, nieuwste eerst",
      querystring: listQuerySchema.omit({ q: true }).extend(filterSchema.shape).strict(),
      response: { 200: pageSchema(eventSchema) },
    },
    config: { access: auditPolicy.access("list") },
    handler: (request) => request.ctx((ctx) => listAuditEvents(ctx, request.query)),
  });

  app.get("/audit-events/entity-types", {
    schema: {
      tags: ["logboek"],
      summary: "Soorten gegevens in het logboek",
      response: { 200: z.object({ items: z.array(z.string()) }) },
    },
    config: { access: auditPolicy.access("list") },
    handler: async (request) => ({ items: await request.ctx(entityTypes) }),
  });

  app.get("/audit-events/export", {
    schema: {
      tags: ["logboek"],
      summary: "Logboek exporteren (CSV of xlsx), met dezelfde filters",
      querystring: filterSchema.extend({ format: z.enum(["csv", "xlsx"]).default("csv") }).strict(),
    },
    config: { access: auditPolicy.access("export") },
    handler: async (request, reply) => {
      const { format, ...filter } = request.query;
      const rows = await request.ctx((ctx) => exportAuditEvents(ctx, filter));
      return sendExport(reply, { format, baseName: "logboek", sheetName: "Logboek", rows, columns });
    },
  });
};
