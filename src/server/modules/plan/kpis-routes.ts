import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CBS_CODE } from "../../../shared/identifiers.js";
import { KPI_DIRECTIONS, KPI_STATUSES, PERIOD } from "../../../shared/kpi.js";
import { invalidField } from "../../platform/errors.js";
import { type Column, EXPORT_LIMIT, sendExport } from "../../platform/export.js";
import { listQuerySchema, pageSchema } from "../../platform/pagination.js";
import { readTable } from "../../platform/tabular.js";
import { idParams, optionalText } from "../network/fields.js";
import { importMeasurements } from "./kpis-import.js";
import * as service from "./kpis-service.js";
import { kpiPolicy } from "./policy.js";

const version = z.number().int().positive();
const versionQuery = z.object({ version: z.coerce.number().int().positive() }).strict();
const amount = z.number().finite().min(-1e9).max(1e9);

export const kpiSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  definition: z.string().nullable(),
  unit: z.string(),
  baseline: z.number(),
  target: z.number(),
  direction: z.enum(KPI_DIRECTIONS),
  resultArea: z.object({ id: z.uuid(), name: z.string(), policyAreaName: z.string() }),
  plan: z.object({ id: z.uuid(), title: z.string(), startYear: z.number().int(), endYear: z.number().int() }),
  latest: z.object({ period: z.string(), value: z.number() }).nullable(),
  status: z.enum(KPI_STATUSES),
  version: z.number().int(),
});
const detailSchema = kpiSchema.extend({
  measurements: z.array(
    z.object({
      id: z.uuid(),
      period: z.string(),
      value: z.number(),
      wijk: z.object({ code: z.string(), name: z.string() }).nullable(),
      organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      note: z.string().nullable(),
      version: z.number().int(),
    }),
  ),
});
const fields = {
  resultAreaId: z.uuid(),
  name: z.string().trim().min(1).max(200),
  definition: optionalText(4000),
  unit: z.string().trim().min(1).max(40),
  baseline: amount,
  target: amount,
  direction: z.enum(KPI_DIRECTIONS),
};
const filter = z.object({ resultAreaId: z.uuid().optional(), planId: z.uuid().optional() });
const importReport = z.object({
  rows: z.number().int(),
  validRows: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
  imported: z.boolean(),
});

const STATUS_WORDS = {
  no_data: "Geen meting",
  achieved: "Gehaald",
  on_track: "Op koers",
  off_target: "Achter",
} as const;
const columns: Column<service.Kpi>[] = [
  { header: "Indicator", value: (k) => k.name, width: 40 },
  { header: "Resultaatgebied", value: (k) => k.resultArea.name, width: 32 },
  { header: "Eenheid", value: (k) => k.unit, width: 10 },
  { header: "Nulmeting", value: (k) => k.baseline, width: 10 },
  { header: "Streefwaarde", value: (k) => k.target, width: 12 },
  { header: "Laatste periode", value: (k) => k.latest?.period ?? null, width: 12 },
  { header: "Laatste waarde", value: (k) => k.latest?.value ?? null, width: 12 },
  { header: "Stand", value: (k) => STATUS_WORDS[k.status], width: 12 },
];

export const SAMPLE_KPI_CSV =
  "indicator;periode;waarde;eenheid\nFixture Indicator;2026-Q1;12,5;%\nOnbekend;2026;3;%\n";

export const kpisRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/kpis", {
    schema: {
      tags: ["regioplan"],
      summary: "Indicatoren op naam, met hun laatste meting en stand ten opzichte van de streefwaarde",
      querystring: listQuerySchema.extend(filter.shape).strict(),
      response: { 200: pageSchema(kpiSchema) },
    },
    config: { access: kpiPolicy.access("list") },
    handler: (request) => request.ctx((ctx) => service.listKpis(ctx, request.query)),
  });

  app.get("/kpis/export", {
    schema: {
      tags: ["regioplan"],
      summary: "De indicatoren exporteren (CSV of xlsx), met dezelfde filters",
      querystring: filter
        .extend({ q: z.string().trim().max(200).optional(), format: z.enum(["csv", "xlsx"]).default("csv") })
        .strict(),
    },
    config: { access: kpiPolicy.access("list") },
    handler: async (request, reply) => {
      const { format, ...rest } = request.query;
      const { items } = await request.ctx((ctx) => service.listKpis(ctx, { ...rest, limit: EXPORT_LIMIT }));
      return sendExport(reply, {
        format,
        baseName: "indicatoren",
        sheetName: "Indicatoren",
        rows: items,
        columns,
      });
    },
  });

  app.post("/kpis", {
    schema: {
      tags: ["regioplan"],
      summary:
        "Een indicator vastleggen bij een resultaatgebied: definitie, eenheid, nulmeting, streefwaarde en richting",
      body: z.object(fields).strict(),
      response: { 201: kpiSchema },
    },
    config: {
      access: kpiPolicy.access("create"),
      example: async ({ create }) => ({
        body: {
          resultAreaId: await create("resultArea"),
          name: `Verloop huisartsen ${crypto.randomUUID()}`,
          unit: "%",
          baseline: 14,
          target: 10,
          direction: "down",
        },
      }),
    },
    handler: async (request, reply) =>
      reply.code(201).send(await request.ctx((ctx) => service.createKpi(ctx, request.body))),
  });

  app.get("/kpis/:id", {
    schema: {
      tags: ["regioplan"],
      summary: "Eén indicator met al zijn metingen, voor de regio en per wijk of WSV",
      params: idParams,
      response: { 200: detailSchema },
    },
    config: {
      access: kpiPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("kpi") } }),
    },
    handler: (request) => request.ctx((ctx) => service.getKpi(ctx, request.params.id)),
  });

  app.patch("/kpis/:id", {
    schema: {
      tags: ["regioplan"],
      summary: "Een indicator wijzigen; de eenheid ligt vast zodra er metingen zijn",
      params: idParams,
      body: z
        .object({
          version,
          resultAreaId: fields.resultAreaId.optional(),
          name: fields.name.optional(),
          definition: fields.definition,
          unit: fields.unit.optional(),
          baseline: amount.optional(),
          target: amount.optional(),
          direction: fields.direction.optional(),
        })
        .strict(),
      response: { 200: kpiSchema },
    },
    config: {
      access: kpiPolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("kpi") },
        body: { version: 1, target: 8 },
      }),
    },
    handler: (request) => request.ctx((ctx) => service.updateKpi(ctx, request.params.id, request.body)),
  });

  app.post("/kpis/:id/measurements", {
    schema: {
      tags: ["regioplan"],
      summary:
        "Een meting vastleggen voor een periode (2026, 2026-Q1 of 2026-03), voor de regio of één wijk of WSV, in de eenheid van de indicator",
      params: idParams,
      body: z
        .object({
          period: z.string().trim().toUpperCase().regex(PERIOD, "field.period"),
          value: amount,
          unit: z.string().trim().min(1).max(40),
          wijkCode: z.string().regex(CBS_CODE.wijk, "field.cbsWijk").nullable().optional(),
          organisationId: z.uuid().nullable().optional(),
          note: optionalText(1000),
        })
        .strict()
        .refine((b) => !(b.wijkCode && b.organisationId), {
          path: ["organisationId"],
          message: "field.oneScope",
        }),
      response: { 201: detailSchema },
    },
    config: {
      access: kpiPolicy.access("measure"),
      example: async ({ create }) => ({
        params: { id: await create("kpi") },
        body: { period: "2026-Q1", value: 12.5, unit: "%" },
      }),
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await request.ctx((ctx) => service.addMeasurement(ctx, request.params.id, request.body))),
  });

  app.delete("/kpi-measurements/:id", {
    schema: {
      tags: ["regioplan"],
      summary: "Een meting verwijderen die per vergissing is ingevoerd",
      params: idParams,
      querystring: versionQuery,
    },
    config: {
      access: kpiPolicy.access("measure"),
      example: async ({ create }) => ({
        params: { id: await create("kpiMeasurement") },
        query: { version: 1 },
      }),
    },
    handler: async (request, reply) => {
      await request.ctx((ctx) => service.deleteMeasurement(ctx, request.params.id, request.query.version));
      return reply.code(204).send();
    },
  });

  app.post("/kpis/import", {
    schema: {
      tags: ["regioplan"],
      summary:
        "Metingen importeren uit CSV of xlsx (multipart veld 'file'; kolommen indicator, periode, waarde, en eventueel eenheid, wijk, toelichting). " +
        "Met dryRun=true alleen controleren; mode=all importeert niets zolang er een fout is, mode=valid de goede rijen.",
      consumes: ["multipart/form-data"],
      querystring: z
        .object({ mode: z.enum(["valid", "all"]).default("all"), dryRun: z.stringbool().default(false) })
        .strict(),
      response: { 200: importReport },
    },
    config: {
      access: kpiPolicy.access("measure"),
      example: () => ({
        query: { dryRun: "true" },
        body: { multipart: { name: "metingen.csv", base64: Buffer.from(SAMPLE_KPI_CSV).toString("base64") } },
      }),
    },
    handler: async (request) => {
      const part = request.isMultipart() ? await request.file() : undefined;
      if (!part) throw invalidField("file", "problem.badRequest", 400);
      const table = await readTable(await part.toBuffer());
      return request.ctx((ctx) => importMeasurements(ctx, table, request.query));
    },
  });
};
