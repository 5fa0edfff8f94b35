import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { PLAN_MAX_YEARS, PLAN_STATUSES, planPeriod } from "../../../shared/plan.js";
import { attachment, type Column, EXPORT_LIMIT, sendExport } from "../../platform/export.js";
import { listQuerySchema, pageSchema } from "../../platform/pagination.js";
import { idParams, optionalText } from "../network/fields.js";
import { planPdf } from "./plan-pdf.js";
import { planPolicy } from "./policy.js";
import * as service from "./service.js";

const year = z.coerce.number().int().min(2000).max(2100);
const version = z.number().int().positive();
const versionQuery = z.object({ version: z.coerce.number().int().positive() }).strict();

const areaSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  position: z.number().int(),
  version: z.number().int(),
});
const planSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  adoptedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  adoptedOn: z.string().nullable(),
  revision: z.number().int(),
  previousId: z.uuid().nullable(),
  version: z.number().int(),
});
const planSchema = planSummarySchema.extend({
  vision: z.string().nullable(),
  ambitions: z.string().nullable(),
  nextRevision: z.object({ id: z.uuid(), revision: z.number().int() }).nullable(),
  policyAreas: z.array(
    areaSchema.extend({
      resultAreas: z.array(
        areaSchema.extend({
          /** What carries out the resultaatgebied: projects, speerpunten and KPIs. */
          work: z.object({
            projects: z.array(z.object({ id: z.uuid(), name: z.string() })),
            priorities: z.array(z.object({ id: z.uuid(), title: z.string(), prioritisationId: z.uuid() })),
            kpis: z.array(z.object({ id: z.uuid(), name: z.string() })),
          }),
        }),
      ),
    }),
  ),
});

const planFields = {
  title: z.string().trim().min(1).max(200),
  startYear: year,
  endYear: year,
  vision: optionalText(20_000),
  ambitions: optionalText(20_000),
};
const areaFields = { name: z.string().trim().min(1).max(200), description: optionalText(4000) };
const areaPatch = z
  .object({
    version,
    name: areaFields.name.optional(),
    description: areaFields.description,
    position: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

const planFilter = z.object({ status: z.enum(PLAN_STATUSES).optional() });

const columns: Column<Awaited<ReturnType<typeof service.listPlans>>["items"][number]>[] = [
  { header: "Titel", value: (p) => p.title, width: 48 },
  { header: "Periode", value: (p) => planPeriod(p.startYear, p.endYear), width: 12 },
  { header: "Versie", value: (p) => p.revision, width: 8 },
  { header: "Status", value: (p) => (p.status === "adopted" ? "Vastgesteld" : "Concept"), width: 12 },
  { header: "Vastgesteld door", value: (p) => p.adoptedBy?.name ?? null, width: 28 },
  { header: "Vastgesteld op", value: (p) => p.adoptedOn, width: 14 },
];

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/plans", {
    schema: {
      tags: ["regioplan"],
      summary:
        "De regioplannen van de regio, nieuwste periode eerst; zoeken in titel en visie, filteren op status",
      querystring: listQuerySchema
        .extend({ ...planFilter.shape, sort: z.enum(["start", "-start", "title", "-title"]).optional() })
        .strict(),
      response: { 200: pageSchema(planSummarySchema) },
    },
    config: { access: planPolicy.access("list") },
    handler: (request) => request.ctx((ctx) => service.listPlans(ctx, request.query)),
  });

  app.get("/plans/export", {
    schema: {
      tags: ["regioplan"],
      summary: "De lijst van regioplannen exporteren (CSV of xlsx), met dezelfde filters",
      querystring: planFilter
        .extend({ q: z.string().trim().max(200).optional(), format: z.enum(["csv", "xlsx"]).default("csv") })
        .strict(),
    },
    config: { access: planPolicy.access("list") },
    handler: async (request, reply) => {
      const { format, ...filter } = request.query;
      const { items } = await request.ctx((ctx) =>
        service.listPlans(ctx, { ...filter, limit: EXPORT_LIMIT }),
      );
      return sendExport(reply, {
        format,
        baseName: "regioplannen",
        sheetName: "Regioplannen",
        rows: items,
        columns,
      });
    },
  });

  app.post("/plans", {
    schema: {
      tags: ["regioplan"],
      summary: `Een regioplan beginnen (concept) voor een periode van ten hoogste ${PLAN_MAX_YEARS} jaar`,
      body: z.object(planFields).strict(),
      response: { 201: planSchema },
    },
    config: {
      access: planPolicy.access("create"),
      example: () => ({
        body: {
          title: "Regioplan Zuid-Holland Noord",
          startYear: 2025,
          endYear: 2028,
          vision: "Samen zorgen we…",
        },
      }),
    },
    handler: async (request, reply) =>
      reply.code(201).send(await request.ctx((ctx) => service.createPlan(ctx, request.body))),
  });

  app.get("/result-areas", {
    schema: {
      tags: ["regioplan"],
      summary:
        "De resultaatgebieden waaraan projecten kunnen bijdragen: die van de geldende vastgestelde regioplannen, nieuwste periode eerst",
      response: {
        200: z.object({
          items: z.array(
            z.object({
              id: z.uuid(),
              name: z.string(),
              policyAreaName: z.string(),
              planId: z.uuid(),
              planTitle: z.string(),
              startYear: z.number().int(),
              endYear: z.number().int(),
            }),
          ),
        }),
      },
    },
    config: { access: planPolicy.access("read") },
    handler: (request) => request.ctx(service.listResultAreaOptions),
  });

  app.get("/plans/:id", {
    schema: {
      tags: ["regioplan"],
      summary: "Eén regioplan op één pagina: visie, ambities, beleidsterreinen met hun resultaatgebieden",
      params: idParams,
      response: { 200: planSchema },
    },
    config: {
      access: planPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("plan") } }),
    },
    handler: (request) => request.ctx((ctx) => service.getPlan(ctx, request.params.id)),
  });

  app.get("/plans/:id/plan.pdf", {
    schema: {
      tags: ["regioplan"],
      summary: "Het regioplan als PDF: visie, ambities en de genummerde werkagenda",
      params: idParams,
    },
    config: {
      access: planPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("planWithPolicyArea") } }),
    },
    handler: async (request, reply) => {
      const { plan, pdf } = await request.ctx((ctx) => planPdf(ctx, request.params.id));
      const name = `${plan.title} ${planPeriod(plan.startYear, plan.endYear)} versie ${plan.revision}.pdf`;
      return reply.type("application/pdf").header("content-disposition", attachment(name)).send(pdf);
    },
  });

  app.patch("/plans/:id", {
    schema: {
      tags: ["regioplan"],
      summary: "Een concept-regioplan wijzigen (een vastgesteld plan wijzigt u via een nieuwe versie)",
      params: idParams,
      body: z
        .object({
          version,
          title: planFields.title.optional(),
          startYear: year.optional(),
          endYear: year.optional(),
          vision: planFields.vision,
          ambitions: planFields.ambitions,
        })
        .strict(),
      response: { 200: planSchema },
    },
    config: {
      access: planPolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("plan") },
        body: { version: 1, ambitions: "Iedere inwoner een vaste huisarts" },
      }),
    },
    handler: (request) => request.ctx((ctx) => service.updatePlan(ctx, request.params.id, request.body)),
  });

  app.delete("/plans/:id", {
    schema: {
      tags: ["regioplan"],
      summary: "Een concept-regioplan weggooien (een vastgesteld plan blijft bewaard)",
      params: idParams,
      querystring: versionQuery,
    },
    config: {
      access: planPolicy.access("delete"),
      example: async ({ create }) => ({ params: { id: await create("plan") }, query: { version: 1 } }),
    },
    handler: async (request, reply) => {
      await request.ctx((ctx) => service.deletePlan(ctx, request.params.id, request.query.version));
      return reply.code(204).send();
    },
  });

  app.post("/plans/:id/adopt", {
    schema: {
      tags: ["regioplan"],
      summary: "Vastleggen dat een orgaan het regioplan op een datum heeft vastgesteld; daarna ligt het vast",
      params: idParams,
      body: z.object({ version, bodyId: z.uuid(), adoptedOn: z.iso.date() }).strict(),
      response: { 200: planSchema },
    },
    config: {
      access: planPolicy.access("adopt"),
      example: async ({ create }) => ({
        params: { id: await create("planWithPolicyArea") },
        body: { version: 1, bodyId: await create("body"), adoptedOn: "2026-03-12" },
      }),
    },
    handler: (request) => request.ctx((ctx) => service.adoptPlan(ctx, request.params.id, request.body)),
  });

  app.post("/plans/:id/revisions", {
    schema: {
      tags: ["regioplan"],
      summary: "Een nieuwe versie van een vastgesteld regioplan maken: een concept met dezelfde inhoud",
      params: idParams,
      response: { 201: planSchema },
    },
    config: {
      access: planPolicy.access("create"),
      example: async ({ create }) => ({ params: { id: await create("adoptedPlan") } }),
    },
    handler: async (request, reply) =>
      reply.code(201).send(await request.ctx((ctx) => service.revisePlan(ctx, request.params.id))),
  });

  // Beleidsterreinen and resultaatgebieden: the same four calls at each level.
  const levels = [
    {
      level: "policy_area",
      parentPath: "/plans/:id/policy-areas",
      path: "/policy-areas/:id",
      parentFixture: "plan",
      fixture: "policyArea",
      words: { one: "Een beleidsterrein", parent: "het regioplan" },
      example: { name: "Arbeidsmarkt", description: "Behoud en werving van personeel in de eerste lijn" },
    },
    {
      level: "result_area",
      parentPath: "/policy-areas/:id/result-areas",
      path: "/result-areas/:id",
      parentFixture: "policyArea",
      fixture: "resultArea",
      words: { one: "Een resultaatgebied", parent: "het beleidsterrein" },
      example: { name: "Minder verloop", description: "Verloop onder POH's onder de 10% per jaar" },
    },
  ] as const;
  for (const l of levels) {
    app.post(l.parentPath, {
      schema: {
        tags: ["regioplan"],
        summary: `${l.words.one} toevoegen aan ${l.words.parent} (achteraan)`,
        params: idParams,
        body: z.object(areaFields).strict(),
        response: { 201: areaSchema },
      },
      config: {
        access: planPolicy.access("update"),
        example: async ({ create }) => ({ params: { id: await create(l.parentFixture) }, body: l.example }),
      },
      handler: async (request, reply) =>
        reply
          .code(201)
          .send(await request.ctx((ctx) => service.addArea(ctx, l.level, request.params.id, request.body))),
    });

    app.patch(l.path, {
      schema: {
        tags: ["regioplan"],
        summary: `${l.words.one} wijzigen of verplaatsen (positie 1 is eerst)`,
        params: idParams,
        body: areaPatch,
        response: { 200: areaSchema },
      },
      config: {
        access: planPolicy.access("update"),
        example: async ({ create }) => ({
          params: { id: await create(l.fixture) },
          body: { version: 1, position: 1 },
        }),
      },
      handler: (request) =>
        request.ctx((ctx) => service.updateArea(ctx, l.level, request.params.id, request.body)),
    });

    app.delete(l.path, {
      schema: {
        tags: ["regioplan"],
        summary: `${l.words.one} verwijderen uit een concept-regioplan`,
        params: idParams,
        querystring: versionQuery,
      },
      config: {
        access: planPolicy.access("update"),
        example: async ({ create }) => ({ params: { id: await create(l.fixture) }, query: { version: 1 } }),
      },
      handler: async (request, reply) => {
        await request.ctx((ctx) =>
          service.deleteArea(ctx, l.level, request.params.id, request.query.version),
        );
        return reply.code(204).send();
      },
    });
  }
};
