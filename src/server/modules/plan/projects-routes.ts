import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CBS_CODE } from "../../../shared/identifiers.js";
import { PROJECT_PHASES, WORK_LEVELS } from "../../../shared/plan.js";
import { type Column, EXPORT_LIMIT, sendExport } from "../../platform/export.js";
import { listQuerySchema, pageSchema } from "../../platform/pagination.js";
import { idParams, optionalText } from "../network/fields.js";
import { programmePolicy, projectPolicy } from "./policy.js";
import * as service from "./projects-service.js";

const version = z.number().int().positive();
const date = z.iso.date();
const named = z.object({ id: z.uuid(), name: z.string() });
const wijkCode = z.string().regex(CBS_CODE.wijk, "field.cbsWijk");

const programmeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  level: z.enum(WORK_LEVELS),
  projectCount: z.number().int(),
  version: z.number().int(),
});
const programmeFields = {
  name: z.string().trim().min(1).max(200),
  description: optionalText(4000),
  level: z.enum(WORK_LEVELS),
};

const projectSchema = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  programmeName: z.string(),
  name: z.string(),
  goals: z.string().nullable(),
  level: z.enum(WORK_LEVELS),
  phase: z.enum(PROJECT_PHASES),
  leader: named.nullable(),
  mine: z.boolean(),
  workingGroup: named.nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  resultAreas: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      policyAreaName: z.string(),
      planId: z.uuid(),
      planTitle: z.string(),
    }),
  ),
  organisations: z.array(named),
  wijken: z.array(z.object({ code: z.string(), name: z.string() })),
  version: z.number().int(),
});
const projectFields = {
  programmeId: z.uuid(),
  name: z.string().trim().min(1).max(200),
  goals: optionalText(8000),
  level: z.enum(WORK_LEVELS),
  phase: z.enum(PROJECT_PHASES).optional(),
  leaderPersonId: z.uuid().nullable().optional(),
  workingGroupId: z.uuid().nullable().optional(),
  startDate: date.nullable().optional(),
  endDate: date.nullable().optional(),
  resultAreaIds: z.array(z.uuid()).max(200).optional(),
  organisationIds: z.array(z.uuid()).max(500).optional(),
  wijkCodes: z.array(wijkCode).max(200).optional(),
};
const projectFilter = z.object({
  programmeId: z.uuid().optional(),
  phase: z.enum(PROJECT_PHASES).optional(),
  leaderPersonId: z.uuid().optional(),
  wijkCode: wijkCode.optional(),
  mine: z.enum(["true", "false"]).optional(),
});
const filterOf = ({ mine, ...rest }: z.infer<typeof projectFilter>) => ({ ...rest, mine: mine === "true" });

const PHASE_WORDS = {
  idea: "Idee",
  preparation: "Voorbereiding",
  execution: "Uitvoering",
  completion: "Afronding",
  closed: "Afgerond",
} as const;
const columns: Column<service.Project>[] = [
  { header: "Project", value: (p) => p.name, width: 40 },
  { header: "Programma", value: (p) => p.programmeName, width: 28 },
  { header: "Fase", value: (p) => PHASE_WORDS[p.phase], width: 14 },
  { header: "Projectleider", value: (p) => p.leader?.name ?? null, width: 24 },
  { header: "Werkgroep", value: (p) => p.workingGroup?.name ?? null, width: 24 },
  { header: "Start", value: (p) => p.startDate, width: 12 },
  { header: "Einde", value: (p) => p.endDate, width: 12 },
  { header: "Resultaatgebieden", value: (p) => p.resultAreas.map((r) => r.name).join("; "), width: 48 },
  { header: "Organisaties", value: (p) => p.organisations.map((o) => o.name).join("; "), width: 48 },
  { header: "Wijken", value: (p) => p.wijken.map((w) => w.name).join("; "), width: 36 },
];

export const projectsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/programmes", {
    schema: {
      tags: ["regioplan"],
      summary: "De programma's van de regio op naam, met hun aantal projecten",
      response: { 200: z.object({ items: z.array(programmeSchema) }) },
    },
    config: { access: programmePolicy.access("list") },
    handler: (request) => request.ctx(service.listProgrammes),
  });

  app.post("/programmes", {
    schema: {
      tags: ["regioplan"],
      summary: "Een programma instellen (op praktijk-, wijk- of regioniveau)",
      body: z.object(programmeFields).strict(),
      response: { 201: programmeSchema },
    },
    config: {
      access: programmePolicy.access("create"),
      example: () => ({ body: { name: `Kwetsbare ouderen ${crypto.randomUUID()}`, level: "district" } }),
    },
    handler: async (request, reply) =>
      reply.code(201).send(await request.ctx((ctx) => service.createProgramme(ctx, request.body))),
  });

  app.patch("/programmes/:id", {
    schema: {
      tags: ["regioplan"],
      summary: "Een programma wijzigen",
      params: idParams,
      body: z
        .object({
          version,
          name: programmeFields.name.optional(),
          description: programmeFields.description,
          level: programmeFields.level.optional(),
        })
        .strict(),
      response: { 200: programmeSchema },
    },
    config: {
      access: programmePolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("programme") },
        body: { version: 1, description: "Proactieve zorg voor kwetsbare ouderen thuis" },
      }),
    },
    handler: (request) => request.ctx((ctx) => service.updateProgramme(ctx, request.params.id, request.body)),
  });

  app.get("/projects", {
    schema: {
      tags: ["regioplan"],
      summary:
        "Projecten op naam; zoeken in naam en doelen, filteren op programma, fase, projectleider, wijk of alleen die u zelf leidt (mine=true)",
      querystring: listQuerySchema
        .extend({ ...projectFilter.shape, sort: z.enum(["name", "-name"]).optional() })
        .strict(),
      response: { 200: pageSchema(projectSchema) },
    },
    config: { access: projectPolicy.access("list") },
    handler: (request) =>
      request.ctx((ctx) => service.listProjects(ctx, { ...request.query, ...filterOf(request.query) })),
  });

  app.get("/projects/export", {
    schema: {
      tags: ["regioplan"],
      summary: "De projectenlijst exporteren (CSV of xlsx), met dezelfde filters",
      querystring: projectFilter
        .extend({ q: z.string().trim().max(200).optional(), format: z.enum(["csv", "xlsx"]).default("csv") })
        .strict(),
    },
    config: { access: projectPolicy.access("list") },
    handler: async (request, reply) => {
      const { format, q, ...filter } = request.query;
      const { items } = await request.ctx((ctx) =>
        service.listProjects(ctx, { q, ...filterOf(filter), limit: EXPORT_LIMIT }),
      );
      return sendExport(reply, {
        format,
        baseName: "projecten",
        sheetName: "Projecten",
        rows: items,
        columns,
      });
    },
  });

  app.post("/projects", {
    schema: {
      tags: ["regioplan"],
      summary:
        "Een project starten onder een programma, met projectleider, werkgroep, looptijd en resultaatgebieden",
      body: z.object(projectFields).strict(),
      response: { 201: projectSchema },
    },
    config: {
      access: projectPolicy.access("create"),
      example: async ({ create }) => ({
        body: {
          programmeId: await create("programme"),
          name: "Valpreventie in de wijk",
          level: "district",
          leaderPersonId: await create("person"),
          startDate: "2026-01-01",
          endDate: "2026-12-31",
          resultAreaIds: [await create("resultArea")],
          organisationIds: [await create("organisation")],
        },
      }),
    },
    handler: async (request, reply) =>
      reply.code(201).send(await request.ctx((ctx) => service.createProject(ctx, request.body))),
  });

  app.get("/projects/:id", {
    schema: {
      tags: ["regioplan"],
      summary: "Eén project",
      params: idParams,
      response: { 200: projectSchema },
    },
    config: {
      access: projectPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("project") } }),
    },
    handler: (request) => request.ctx((ctx) => service.getProject(ctx, request.params.id)),
  });

  app.patch("/projects/:id", {
    schema: {
      tags: ["regioplan"],
      summary:
        "Een project wijzigen, ook zijn fase; een projectleider wijzigt alleen de projecten die hij leidt",
      params: idParams,
      body: z
        .object({
          version,
          ...projectFields,
          programmeId: projectFields.programmeId.optional(),
          name: projectFields.name.optional(),
          level: projectFields.level.optional(),
        })
        .strict(),
      response: { 200: projectSchema },
    },
    config: {
      access: projectPolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("project") },
        body: { version: 1, phase: "execution" },
        // A projectleider who does not lead the fixture's project is refused.
        expect: [200, 403],
      }),
    },
    handler: (request) => request.ctx((ctx) => service.updateProject(ctx, request.params.id, request.body)),
  });
};
