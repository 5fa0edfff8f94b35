import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  COMMENT_HANDLINGS,
  CONSULTATION_AUDIENCES,
  CONSULTATION_OUTCOMES,
  CONSULTATION_STATUSES,
} from "../../../shared/consultation.js";
import { addDays, today } from "../../../shared/dates.js";
import { DISCIPLINES } from "../../../shared/network.js";
import { type Column, EXPORT_LIMIT, sendExport } from "../../platform/export.js";
import { listQuerySchema, pageSchema } from "../../platform/pagination.js";
import { idParams } from "../network/fields.js";
import * as responses from "./consultation-responses.js";
import * as service from "./consultations-service.js";
import { consultationPolicy } from "./policy.js";
import {
  AUDIENCE_WORDS,
  COMMENT_HANDLING_WORDS,
  CONSULTATION_OUTCOME_WORDS,
  CONSULTATION_STATUS_WORDS,
  capitalised,
} from "./words.js";

const consultationSchema = z.object({
  id: z.uuid(),
  bodyId: z.uuid().describe("The werkgroep that wrote the adviesnotitie"),
  bodyName: z.string(),
  policyArea: z.string().nullable(),
  title: z.string(),
  text: z.string().nullable(),
  questions: z.array(z.string()),
  audience: z.enum(CONSULTATION_AUDIENCES),
  audienceOrganisationIds: z.array(z.uuid()).nullable(),
  deadline: z.string().nullable().describe("The last day to respond"),
  status: z.enum(CONSULTATION_STATUSES),
  decidingBodyId: z.uuid().nullable(),
  decidingBodyName: z.string().nullable(),
  meetingId: z.uuid().nullable(),
  decisionId: z.uuid().nullable(),
  decisionNumber: z.string().nullable(),
  outcome: z.enum(CONSULTATION_OUTCOMES).nullable(),
  openedAt: z.string().nullable(),
  invited: z.number().int(),
  responded: z.number().int(),
  version: z.number().int(),
});
const answerSchema = z
  .object({
    support: z.number().int().min(1).max(5).describe("1 zeer oneens … 5 zeer eens"),
    comment: z.string().max(5000).nullable().optional(),
  })
  .strict();
const supportSchema = z.object({
  answers: z.number().int(),
  average: z.number().nullable(),
  supportPercent: z.number().int().nullable().describe("Share of answers of 4 or 5"),
});
const groupSchema = supportSchema.extend({
  key: z.string().nullable().describe("The discipline, or the WSV's id; null: none known"),
  name: z.string().nullable(),
  invited: z.number().int(),
  responded: z.number().int(),
  perQuestion: z.array(supportSchema),
});
const commentSchema = z.object({
  question: z.number().int(),
  questionText: z.string(),
  key: z.uuid().describe("The respondent, to say how the comment was handled"),
  personId: z.uuid().nullable().describe("Shown to the bureau and the board"),
  personName: z.string().nullable(),
  discipline: z.enum(DISCIPLINES).nullable(),
  networkName: z.string().nullable(),
  support: z.number().int(),
  comment: z.string(),
  handling: z.enum(COMMENT_HANDLINGS).nullable(),
  handlingNote: z.string().nullable(),
});

const editable = z.object({
  policyArea: z.string().trim().max(200).nullable().optional(),
  title: z.string().trim().min(1).max(300),
  text: z.string().max(100_000).nullable().optional(),
  questions: z.array(z.string().trim().min(1).max(1000)).min(1).max(20),
  audience: z.enum(CONSULTATION_AUDIENCES),
  audienceOrganisationIds: z.array(z.uuid()).max(500).nullable().optional(),
  deadline: z.iso.date().nullable().optional(),
  decidingBodyId: z.uuid().nullable().optional(),
});
const version = { version: z.number().int().positive() };
const commentFilter = z
  .object({
    question: z.coerce.number().int().min(0).max(19).optional(),
    handled: z.enum(["true", "false"]).optional(),
  })
  .strict();
const handledFilter = (v: "true" | "false" | undefined) => (v === undefined ? undefined : v === "true");
const personQuestion = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  question: z.coerce.number().int().min(0).max(19),
});

type Comment = Awaited<ReturnType<typeof responses.listComments>>["items"][number];
const commentColumns: Column<Comment>[] = [
  { header: "Vraag", width: 8, value: (c) => c.question + 1 },
  { header: "Vraagtekst", width: 40, value: (c) => c.questionText },
  { header: "Naam", width: 24, value: (c) => c.personName ?? "" },
  { header: "Discipline", width: 20, value: (c) => c.discipline ?? "" },
  { header: "WSV", width: 24, value: (c) => c.networkName ?? "" },
  { header: "Steun (1-5)", width: 10, value: (c) => c.support },
  { header: "Opmerking", width: 60, value: (c) => c.comment },
  {
    header: "Verwerking",
    width: 20,
    value: (c) => (c.handling ? COMMENT_HANDLING_WORDS[c.handling] : "nog te verwerken"),
  },
  { header: "Toelichting verwerking", width: 60, value: (c) => c.handlingNote ?? "" },
];

const consultationColumns: Column<service.ConsultationDto>[] = [
  { header: "Adviesnotitie", width: 50, value: (c) => c.title },
  { header: "Werkgroep", width: 28, value: (c) => c.bodyName },
  { header: "Beleidsterrein", width: 20, value: (c) => c.policyArea ?? "" },
  { header: "Status", width: 18, value: (c) => capitalised(CONSULTATION_STATUS_WORDS[c.status]) },
  { header: "Doelgroep", width: 28, value: (c) => AUDIENCE_WORDS[c.audience] },
  { header: "Reageren tot en met", width: 16, value: (c) => c.deadline ?? "" },
  { header: "Gevraagd", width: 10, value: (c) => c.invited },
  { header: "Gereageerd", width: 10, value: (c) => c.responded },
  { header: "Besluitvormend orgaan", width: 24, value: (c) => c.decidingBodyName ?? "" },
  { header: "Uitkomst", width: 20, value: (c) => (c.outcome ? CONSULTATION_OUTCOME_WORDS[c.outcome] : "") },
  { header: "Besluit", width: 14, value: (c) => c.decisionNumber ?? "" },
];
const consultationFilter = z.object({
  q: z.string().trim().max(200).optional(),
  bodyId: z.uuid().optional(),
  status: z.enum(CONSULTATION_STATUSES).optional(),
  mine: z.enum(["true", "false"]).optional(),
});

export const consultationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const publicUrl = () => app.deps.config.publicUrl;

  app.get("/consultations", {
    schema: {
      tags: ["governance"],
      summary:
        "Consultaties (adviesnotities), nieuwste eerst; zoeken op titel, per werkgroep of status, of alleen die waarin mij iets gevraagd is",
      querystring: listQuerySchema.extend(consultationFilter.shape).strict(),
      response: { 200: pageSchema(consultationSchema) },
    },
    config: { access: consultationPolicy.access("list") },
    handler: (request) =>
      request.ctx((ctx) =>
        service.listConsultations(ctx, { ...request.query, mine: request.query.mine === "true" }),
      ),
  });

  app.get("/consultations/export", {
    schema: {
      tags: ["governance"],
      summary:
        "De consultaties exporteren (CSV of xlsx), met dezelfde filters als de lijst, met respons en uitkomst",
      querystring: consultationFilter.extend({ format: z.enum(["csv", "xlsx"]).default("csv") }).strict(),
    },
    config: { access: consultationPolicy.access("list") },
    handler: async (request, reply) => {
      const { format, mine, ...filter } = request.query;
      const { items } = await request.ctx((ctx) =>
        service.listConsultations(ctx, { ...filter, mine: mine === "true", limit: EXPORT_LIMIT }),
      );
      return sendExport(reply, {
        format,
        baseName: "consultaties",
        sheetName: "Consultaties",
        rows: items,
        columns: consultationColumns,
      });
    },
  });

  app.post("/consultations", {
    schema: {
      tags: ["governance"],
      summary:
        "Een adviesnotitie opstellen (concept) met de vragen en aan wie ze gaat; zonder policyArea geldt het beleidsterrein van de werkgroep",
      body: editable.extend({ bodyId: z.uuid() }).strict(),
      response: { 201: consultationSchema },
    },
    config: {
      access: consultationPolicy.access("create"),
      example: async ({ create }) => ({
        body: {
          bodyId: await create("body"),
          title: "Adviesnotitie kwaliteit",
          questions: ["Steunt u de voorgestelde aanpak?"],
          audience: "members",
          deadline: addDays(today(), 14),
        },
      }),
    },
    handler: async (request, reply) =>
      reply.code(201).send(await request.ctx((ctx) => service.createConsultation(ctx, request.body))),
  });

  app.get("/consultations/:id", {
    schema: {
      tags: ["governance"],
      summary:
        "Eén consultatie: de notitie, de respons, of mij iets gevraagd is en wat ik antwoordde, en of ik de uitslag mag zien",
      params: idParams,
      response: {
        200: z.object({
          consultation: consultationSchema,
          invited: z.boolean(),
          respondedAt: z.string().nullable(),
          answers: z.array(
            z.object({
              question: z.number().int(),
              support: z.number().int(),
              comment: z.string().nullable(),
            }),
          ),
          canRespond: z.boolean(),
          open: z.boolean().describe("In consultation and the deadline has not passed"),
          resultsVisible: z.boolean(),
        }),
      },
    },
    config: {
      access: consultationPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("openConsultation") } }),
    },
    handler: (request) => request.ctx((ctx) => responses.getConsultationDetail(ctx, request.params.id)),
  });

  app.patch("/consultations/:id", {
    schema: {
      tags: ["governance"],
      summary:
        "Een concept wijzigen (stuur version mee); zodra de consultatie loopt, liggen notitie en vragen vast",
      params: idParams,
      body: editable.partial().extend(version).strict(),
      response: { 200: consultationSchema },
    },
    config: {
      access: consultationPolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("consultation") },
        body: { version: 1, title: "Adviesnotitie kwaliteit, tweede versie" },
      }),
    },
    handler: (request) =>
      request.ctx((ctx) => service.updateConsultation(ctx, request.params.id, request.body)),
  });

  app.post("/consultations/:id/status", {
    schema: {
      tags: ["governance"],
      summary:
        "Eén stap verder: consultation (wie gevraagd wordt ligt vast, zij krijgen een e-mail), processed (geen reacties meer), for_decision (elke opmerking verwerkt), decided (met de uitkomst)",
      params: idParams,
      body: z.discriminatedUnion("status", [
        z
          .object({ status: z.literal("consultation"), ...version, deadline: z.iso.date().optional() })
          .strict(),
        z.object({ status: z.literal("processed"), ...version }).strict(),
        z
          .object({
            status: z.literal("for_decision"),
            ...version,
            decidingBodyId: z.uuid().optional(),
            meetingId: z.uuid().nullable().optional(),
          })
          .strict(),
        z
          .object({
            status: z.literal("decided"),
            ...version,
            outcome: z.enum(CONSULTATION_OUTCOMES),
            decisionId: z.uuid().nullable().optional(),
          })
          .strict(),
      ]),
      response: { 200: consultationSchema },
    },
    config: {
      access: consultationPolicy.access("advance"),
      example: async ({ create }) => ({
        params: { id: await create("openConsultation") },
        body: { status: "processed", version: 2 },
      }),
    },
    handler: (request) =>
      request.ctx((ctx) => service.advanceConsultation(ctx, request.params.id, request.body, publicUrl())),
  });

  app.get("/consultations/:id/invitees", {
    schema: {
      tags: ["governance"],
      summary: "Wie gevraagd is, met discipline en WSV, en of die gereageerd heeft (niet wat)",
      params: idParams,
      response: {
        200: z.array(
          z.object({
            personId: z.uuid(),
            name: z.string(),
            discipline: z.enum(DISCIPLINES).nullable(),
            networkName: z.string().nullable(),
            responded: z.boolean(),
          }),
        ),
      },
    },
    config: {
      access: consultationPolicy.access("invitees"),
      example: async ({ create }) => ({ params: { id: await create("openConsultation") } }),
    },
    handler: (request) => request.ctx((ctx) => responses.listInvitees(ctx, request.params.id)),
  });

  app.put("/consultations/:id/response", {
    schema: {
      tags: ["governance"],
      summary:
        "Reageren: per vraag steun (1–5) en een toelichting; tot de termijn verloopt te wijzigen. Het bureau legt met personId een reactie per post of e-mail vast",
      params: idParams,
      body: z
        .object({ personId: z.uuid().optional(), answers: z.array(answerSchema).min(1).max(20) })
        .strict(),
      response: { 200: z.object({ personId: z.uuid(), respondedAt: z.string() }) },
    },
    config: {
      access: consultationPolicy.access("respond"),
      // The caller was not asked in the fixture: refused at the field.
      example: async ({ create }) => ({
        params: { id: await create("openConsultation") },
        body: { answers: [{ support: 4 }] },
        expect: 422,
      }),
    },
    handler: (request) => request.ctx((ctx) => responses.respond(ctx, request.params.id, request.body)),
  });

  app.get("/consultations/:id/results", {
    schema: {
      tags: ["governance"],
      summary:
        "De steun voor de notitie: per vraag (met de spreiding over 1–5), per discipline en per WSV. Tijdens de consultatie alleen voor bureau en bestuur",
      params: idParams,
      response: {
        200: supportSchema.extend({
          invited: z.number().int(),
          responded: z.number().int(),
          questions: z.array(
            supportSchema.extend({
              question: z.number().int(),
              text: z.string(),
              spread: z.array(z.number().int()).describe("Answers of 1, 2, 3, 4 and 5"),
            }),
          ),
          byDiscipline: z.array(groupSchema),
          byNetwork: z.array(groupSchema),
        }),
      },
    },
    config: {
      access: consultationPolicy.access("results"),
      example: async ({ create }) => ({ params: { id: await create("processedConsultation") } }),
    },
    handler: (request) => request.ctx((ctx) => responses.consultationResults(ctx, request.params.id)),
  });

  app.get("/consultations/:id/comments", {
    schema: {
      tags: ["governance"],
      summary: "De opmerkingen per vraag en hoe elk verwerkt is; de namen alleen voor bureau en bestuur",
      params: idParams,
      querystring: listQuerySchema.omit({ q: true }).extend(commentFilter.shape).strict(),
      response: { 200: pageSchema(commentSchema) },
    },
    config: {
      access: consultationPolicy.access("results"),
      example: async ({ create }) => ({ params: { id: await create("processedConsultation") } }),
    },
    handler: (request) =>
      request.ctx((ctx) =>
        responses.listComments(ctx, request.params.id, {
          ...request.query,
          handled: handledFilter(request.query.handled),
        }),
      ),
  });

  app.get("/consultations/:id/comments/export", {
    schema: {
      tags: ["governance"],
      summary: "Het verwerkingsoverzicht exporteren (CSV of xlsx): elke opmerking met hoe ze verwerkt is",
      params: idParams,
      querystring: commentFilter.extend({ format: z.enum(["csv", "xlsx"]).default("csv") }).strict(),
    },
    config: {
      access: consultationPolicy.access("results"),
      example: async ({ create }) => ({ params: { id: await create("processedConsultation") } }),
    },
    handler: async (request, reply) => {
      const { format, handled, ...filter } = request.query;
      const { items } = await request.ctx((ctx) =>
        responses.listComments(ctx, request.params.id, {
          ...filter,
          handled: handledFilter(handled),
          limit: EXPORT_LIMIT,
        }),
      );
      return sendExport(reply, {
        format,
        baseName: "verwerkingsoverzicht",
        sheetName: "Opmerkingen",
        rows: items,
        columns: commentColumns,
      });
    },
  });

  app.put("/consultations/:id/comments/:personId/:question", {
    schema: {
      tags: ["governance"],
      summary:
        "Zeggen hoe een opmerking verwerkt is (overgenomen, deels, niet, ter kennisgeving) met een toelichting",
      params: personQuestion,
      body: z
        .object({
          handling: z.enum(COMMENT_HANDLINGS),
          handlingNote: z.string().max(5000).nullable().optional(),
        })
        .strict(),
      response: {
        200: z.object({ handling: z.enum(COMMENT_HANDLINGS), handlingNote: z.string().nullable() }),
      },
    },
    config: {
      access: consultationPolicy.access("process"),
      example: async ({ create }) => ({
        params: {
          id: await create("processedConsultation"),
          personId: "00000000-0000-4000-8000-000000000000",
          question: 0,
        },
        body: { handling: "adopted" },
        expect: 404,
      }),
    },
    handler: (request) =>
      request.ctx((ctx) =>
        responses.handleComment(
          ctx,
          request.params.id,
          { personId: request.params.personId, question: request.params.question },
          request.body,
        ),
      ),
  });
};
