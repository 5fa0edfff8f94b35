import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ACTION_ITEM_STATUSES } from "../../../shared/governance.js";
import { type Column, EXPORT_LIMIT, sendExport } from "../../platform/export.js";
import { listQuerySchema, pageSchema } from "../../platform/pagination.js";
import { idParams } from "../network/fields.js";
import * as service from "./decisions-service.js";
import { actionItemPolicy, decisionPolicy } from "./policy.js";
import { ACTION_STATUS_WORDS, capitalised, dutchMoment } from "./words.js";

const decisionSchema = z.object({
  id: z.uuid(),
  number: z.string().describe("Per body per year, e.g. ST-2026-014"),
  text: z.string(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  meetingId: z.uuid(),
  meetingTitle: z.string(),
  meetingStartsAt: z.string(),
  agendaItemId: z.uuid().nullable(),
  version: z.number().int(),
});
const actionItemSchema = z.object({
  id: z.uuid(),
  description: z.string(),
  ownerPersonId: z.uuid(),
  ownerName: z.string(),
  dueDate: z.string(),
  status: z.enum(ACTION_ITEM_STATUSES),
  bodyId: z.uuid(),
  bodyName: z.string(),
  meetingId: z.uuid(),
  meetingTitle: z.string(),
  agendaItemId: z.uuid().nullable(),
  mine: z.boolean().describe("The acting user owns it, and so may move its status"),
  version: z.number().int(),
});
const decisionText = z.string().trim().min(1).max(5000);
const actionFields = {
  description: z.string().trim().min(1).max(2000),
  ownerPersonId: z.uuid(),
  dueDate: z.iso.date(),
};

const decisionFilter = z.object({
  q: z.string().trim().max(200).optional(),
  bodyId: z.uuid().optional(),
  meetingId: z.uuid().optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
});
const actionFilter = z.object({
  bodyId: z.uuid().optional(),
  meetingId: z.uuid().optional(),
  ownerPersonId: z.uuid().optional(),
  mine: z.stringbool().optional(),
  open: z.stringbool().optional(),
  status: z.enum(ACTION_ITEM_STATUSES).optional(),
});
const exportFormat = { format: z.enum(["csv", "xlsx"]).default("csv") };

const decisionColumns: Column<service.DecisionDto>[] = [
  { header: "Nummer", value: (d) => d.number, width: 14 },
  { header: "Besluit", value: (d) => d.text, width: 80 },
  { header: "Orgaan", value: (d) => d.bodyName, width: 24 },
  { header: "Vergadering", value: (d) => d.meetingTitle, width: 30 },
  { header: "Datum", value: (d) => dutchMoment(d.meetingStartsAt), width: 18 },
];
const actionColumns: Column<service.ActionItemDto>[] = [
  { header: "Wat", value: (a) => a.description, width: 60 },
  { header: "Wie", value: (a) => a.ownerName, width: 28 },
  { header: "Klaar op", value: (a) => a.dueDate, width: 12 },
  { header: "Status", value: (a) => capitalised(ACTION_STATUS_WORDS[a.status]), width: 12 },
  { header: "Orgaan", value: (a) => a.bodyName, width: 24 },
  { header: "Vergadering", value: (a) => a.meetingTitle, width: 30 },
];

export const decisionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/decisions/export", {
    schema: {
      tags: ["governance"],
      summary: "De besluitenlijst exporteren (CSV of xlsx), met dezelfde filters als de lijst",
      querystring: decisionFilter.extend(exportFormat).strict(),
    },
    config: { access: decisionPolicy.access("list") },
    handler: async (request, reply) => {
      const { format, ...filter } = request.query;
      const { items } = await request.ctx((ctx) =>
        service.listDecisions(ctx, { ...filter, limit: EXPORT_LIMIT }),
      );
      return sendExport(reply, {
        format,
        baseName: "besluitenlijst",
        sheetName: "Besluiten",
        rows: items,
        columns: decisionColumns,
      });
    },
  });

  app.get("/action-items/export", {
    schema: {
      tags: ["governance"],
      summary: "De actielijst exporteren (CSV of xlsx), met dezelfde filters als de lijst",
      querystring: actionFilter.extend(exportFormat).strict(),
    },
    config: { access: actionItemPolicy.access("list") },
    handler: async (request, reply) => {
      const { format, ...filter } = request.query;
      const { items } = await request.ctx((ctx) =>
        service.listActionItems(ctx, { ...filter, limit: EXPORT_LIMIT }),
      );
      return sendExport(reply, {
        format,
        baseName: "actielijst",
        sheetName: "Acties",
        rows: items,
        columns: actionColumns,
      });
    },
  });

  app.get("/decisions", {
    schema: {
      tags: ["governance"],
      summary: "De besluitenlijst: besluiten met hun nummer, nieuwste eerst, per orgaan, vergadering of jaar",
      querystring: listQuerySchema.extend(decisionFilter.shape).strict(),
      response: { 200: pageSchema(decisionSchema) },
    },
    config: { access: decisionPolicy.access("list") },
    handler: (request) => request.ctx((ctx) => service.listDecisions(ctx, request.query)),
  });

  app.post("/meetings/:id/decisions", {
    schema: {
      tags: ["governance"],
      summary:
        "Een besluit van de vergadering vastleggen; het krijgt het volgende nummer van het orgaan in dat jaar",
      params: idParams,
      body: z.object({ text: decisionText, agendaItemId: z.uuid().nullable().optional() }).strict(),
      response: { 201: decisionSchema },
    },
    config: {
      access: decisionPolicy.access("create"),
      example: async ({ create }) => ({
        params: { id: await create("meeting") },
        body: { text: "De medische raad adviseert positief over de adviesnotitie wondzorg." },
      }),
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await request.ctx((ctx) => service.recordDecision(ctx, request.params.id, request.body))),
  });

  app.patch("/decisions/:id", {
    schema: {
      tags: ["governance"],
      summary: "Een besluit verbeteren zolang de notulen niet zijn vastgesteld (stuur version mee)",
      params: idParams,
      body: z
        .object({
          version: z.number().int().positive(),
          text: decisionText.optional(),
          agendaItemId: z.uuid().nullable().optional(),
        })
        .strict(),
      response: { 200: decisionSchema },
    },
    config: {
      access: decisionPolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("decision") },
        body: { version: 1, text: "Aangepaste besluittekst" },
      }),
    },
    handler: (request) => request.ctx((ctx) => service.updateDecision(ctx, request.params.id, request.body)),
  });

  app.get("/action-items", {
    schema: {
      tags: ["governance"],
      summary:
        "De actielijst, eerst vervallend eerst: per orgaan, vergadering of eigenaar, mine=true voor de eigen acties, open=true voor wat nog loopt",
      querystring: listQuerySchema.omit({ q: true }).extend(actionFilter.shape).strict(),
      response: { 200: pageSchema(actionItemSchema) },
    },
    config: { access: actionItemPolicy.access("list") },
    handler: (request) => request.ctx((ctx) => service.listActionItems(ctx, request.query)),
  });

  app.post("/meetings/:id/action-items", {
    schema: {
      tags: ["governance"],
      summary: "Een actiepunt uit de vergadering vastleggen: wie doet wat, wanneer klaar",
      params: idParams,
      body: z.object({ ...actionFields, agendaItemId: z.uuid().nullable().optional() }).strict(),
      response: { 201: actionItemSchema },
    },
    config: {
      access: actionItemPolicy.access("create"),
      example: async ({ create }) => ({
        params: { id: await create("meeting") },
        body: {
          description: "Conceptbrief aan de leden",
          ownerPersonId: await create("person"),
          dueDate: "2027-01-15",
        },
      }),
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await request.ctx((ctx) => service.addActionItem(ctx, request.params.id, request.body))),
  });

  app.patch("/action-items/:id", {
    schema: {
      tags: ["governance"],
      summary:
        "Een actiepunt wijzigen (bureau) of de status van de eigen actie bijwerken (eigenaar); stuur version mee",
      params: idParams,
      body: z
        .object({
          version: z.number().int().positive(),
          description: actionFields.description.optional(),
          ownerPersonId: actionFields.ownerPersonId.optional(),
          dueDate: actionFields.dueDate.optional(),
          status: z.enum(ACTION_ITEM_STATUSES).optional(),
        })
        .strict(),
      response: { 200: actionItemSchema },
    },
    config: {
      access: actionItemPolicy.access("update"),
      // Others than the bureau may only move the status of their own action (403 otherwise).
      example: async ({ create }) => ({
        params: { id: await create("actionItem") },
        body: { version: 1, status: "done" },
        expect: [200, 403],
      }),
    },
    handler: (request) =>
      request.ctx((ctx) => service.updateActionItem(ctx, request.params.id, request.body)),
  });
};
