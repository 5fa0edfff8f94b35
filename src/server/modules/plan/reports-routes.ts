import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { PERIOD } from "../../../shared/kpi.js";
import { REPORT_RAGS } from "../../../shared/plan.js";
import { attachment } from "../../platform/export.js";
import { idParams, optionalText } from "../network/fields.js";
import { reportPolicy } from "./policy.js";
import { roundPdf, roundWorkbook } from "./report-exports.js";
import * as service from "./reports-service.js";

const version = z.number().int().positive();
const named = z.object({ id: z.uuid(), name: z.string() });
const roundSchema = z.object({
  id: z.uuid(),
  period: z.string(),
  dueDate: z.string(),
  closed: z.boolean(),
  requested: z.number().int(),
  submitted: z.number().int(),
  version: z.number().int(),
});
const tally = z.object({
  id: z.uuid(),
  name: z.string(),
  green: z.number().int(),
  orange: z.number().int(),
  red: z.number().int(),
  missing: z.number().int(),
});
const detailSchema = roundSchema.extend({
  byProgramme: z.array(tally),
  byResultArea: z.array(tally),
  reports: z.array(
    z.object({
      id: z.uuid(),
      project: named,
      programme: named,
      leaderName: z.string().nullable(),
      resultAreas: z.array(named),
      rag: z.enum(REPORT_RAGS).nullable(),
      narrative: z.string().nullable(),
      risks: z.string().nullable(),
      kpiSnapshot: z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          unit: z.string(),
          target: z.number(),
          latest: z.object({ period: z.string(), value: z.number() }).nullable(),
          status: z.string(),
        }),
      ),
      submittedAt: z.string().nullable(),
      submittedBy: z.string().nullable(),
      mine: z.boolean(),
      version: z.number().int(),
    }),
  ),
});

export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const publicUrl = () => app.deps.config.publicUrl;

  app.get("/report-rounds", {
    schema: {
      tags: ["regioplan"],
      summary: "De rapportagerondes, nieuwste periode eerst, met hoeveel rapportages gevraagd en binnen zijn",
      response: { 200: z.object({ items: z.array(roundSchema) }) },
    },
    config: { access: reportPolicy.access("list") },
    handler: (request) => request.ctx(service.listRounds),
  });

  app.post("/report-rounds", {
    schema: {
      tags: ["regioplan"],
      summary:
        "Een rapportageronde openen voor een periode: elk lopend project krijgt een rapportage te schrijven en zijn projectleider een e-mail",
      body: z
        .object({
          period: z.string().trim().toUpperCase().regex(PERIOD, "field.period"),
          dueDate: z.iso.date(),
        })
        .strict(),
      response: { 201: roundSchema },
    },
    config: {
      access: reportPolicy.access("create"),
      // A period of its own per call (one round per period); the rare repeat answers 409.
      example: () => ({
        body: {
          period: `${2030 + Math.floor(Math.random() * 60)}-Q${1 + Math.floor(Math.random() * 4)}`,
          dueDate: "2026-12-20",
        },
        expect: [201, 409],
      }),
    },
    handler: async (request, reply) =>
      reply.code(201).send(await request.ctx((ctx) => service.createRound(ctx, request.body, publicUrl()))),
  });

  app.get("/report-rounds/:id", {
    schema: {
      tags: ["regioplan"],
      summary:
        "De regionale rapportage van een ronde: alle rapportages, en groen/oranje/rood per programma en per resultaatgebied",
      params: idParams,
      response: { 200: detailSchema },
    },
    config: {
      access: reportPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("reportRound") } }),
    },
    handler: (request) => request.ctx((ctx) => service.getRound(ctx, request.params.id)),
  });

  app.post("/report-rounds/:id/close", {
    schema: {
      tags: ["regioplan"],
      summary: "Een rapportageronde sluiten; daarna liggen de rapportages vast",
      params: idParams,
      body: z.object({ version }).strict(),
      response: { 200: detailSchema },
    },
    config: {
      access: reportPolicy.access("close"),
      example: async ({ create }) => ({ params: { id: await create("reportRound") }, body: { version: 1 } }),
    },
    handler: (request) =>
      request.ctx((ctx) => service.closeRound(ctx, request.params.id, request.body.version)),
  });

  app.put("/progress-reports/:id", {
    schema: {
      tags: ["regioplan"],
      summary:
        "Een voortgangsrapportage schrijven: groen, oranje of rood, het verhaal en de risico's (met een momentopname van de indicatoren)",
      params: idParams,
      body: z
        .object({
          version,
          rag: z.enum(REPORT_RAGS),
          narrative: z.string().trim().min(1).max(8000),
          risks: optionalText(4000),
        })
        .strict(),
      response: { 200: detailSchema },
    },
    config: {
      access: reportPolicy.access("submit"),
      example: async ({ create }) => ({
        params: { id: await create("progressReport") },
        body: { version: 1, rag: "orange", narrative: "Werving loopt achter." },
        // A projectleider writes only the reports of the projects they lead.
        expect: [200, 403],
      }),
    },
    handler: (request) => request.ctx((ctx) => service.submitReport(ctx, request.params.id, request.body)),
  });

  app.get("/report-rounds/:id/report.pdf", {
    schema: {
      tags: ["regioplan"],
      summary: "De regionale rapportage van een ronde als PDF",
      params: idParams,
    },
    config: {
      access: reportPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("reportRound") } }),
    },
    handler: async (request, reply) => {
      const { round, pdf } = await request.ctx((ctx) => roundPdf(ctx, request.params.id));
      return reply
        .type("application/pdf")
        .header("content-disposition", attachment(`voortgang_${round.period}.pdf`))
        .send(pdf);
    },
  });

  app.get("/report-rounds/:id/report.xlsx", {
    schema: {
      tags: ["regioplan"],
      summary:
        "De regionale rapportage van een ronde als Excel: per programma, per resultaatgebied en alle rapportages",
      params: idParams,
    },
    config: {
      access: reportPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("reportRound") } }),
    },
    handler: async (request, reply) => {
      const { round, xlsx } = await request.ctx((ctx) => roundWorkbook(ctx, request.params.id));
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", attachment(`voortgang_${round.period}.xlsx`))
        .send(xlsx);
    },
  });
};
