import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CBS_CODE } from "../../../shared/identifiers.js";
import { invalidField } from "../../platform/errors.js";
import { type Column, sendExport } from "../../platform/export.js";
import { readTable } from "../../platform/tabular.js";
import { importAreas } from "./areas-import.js";
import * as service from "./areas-service.js";
import { idParams } from "./fields.js";
import { areaPolicy } from "./policy.js";

const year = z.coerce.number().int().min(1990).max(2100);
const wijkCode = z.string().regex(CBS_CODE.wijk, "field.cbsWijk");
const wijk = z.object({
  code: z.string(),
  name: z.string(),
  inhabitants: z.number().int().nullable(),
});
const coverageSchema = z.object({
  organisationId: z.uuid(),
  version: z.number().int(),
  year: z.number().int().nullable(),
  wijken: z.array(wijk.extend({ municipalityCode: z.string() })),
  inhabitants: z.number().int(),
});
const importReport = z.object({
  format: z.enum(["csv", "xlsx"]),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  year: z.number().int(),
  rows: z.number().int(),
  validRows: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
  wijken: z.object({ new: z.number().int(), updated: z.number().int() }),
  buurten: z.object({ new: z.number().int(), updated: z.number().int() }),
  inhabitants: z.number().int(),
  imported: z.boolean(),
});

interface ExportRow {
  code: string;
  name: string;
  municipality: string;
  kind: string;
  inhabitants: number | null;
  networks: string;
}
// The import's own headers (CBS kwb names), so an export can be edited and imported again.
const exportColumns: Column<ExportRow>[] = [
  { header: "gwb_code_10", value: (r) => r.code, width: 12 },
  { header: "regio", value: (r) => r.name, width: 30 },
  { header: "gm_naam", value: (r) => r.municipality, width: 24 },
  { header: "recs", value: (r) => r.kind, width: 10 },
  { header: "a_inw", value: (r) => r.inhabitants, width: 10 },
  { header: "wsv", value: (r) => r.networks, width: 40 },
];

const SAMPLE_CSV = "gwb_code_10;regio;a_inw\nWK054600;Binnenstad-Noord;9500\nXX;Fout;12\n";

export const areasRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/areas", {
    schema: {
      tags: ["netwerk"],
      summary: "Het werkgebied: gemeenten met hun wijken, inwoners per jaar en de WSV's per wijk",
      querystring: z.object({ year: year.optional() }).strict(),
      response: {
        200: z.object({
          years: z.array(z.number().int()),
          year: z.number().int().nullable(),
          municipalities: z.array(
            z.object({
              code: z.string(),
              name: z.string(),
              inhabitants: z.number().int().nullable(),
              wijken: z.array(
                wijk.extend({
                  buurten: z.number().int(),
                  networks: z.array(z.object({ id: z.uuid(), name: z.string() })),
                }),
              ),
            }),
          ),
        }),
      },
    },
    config: { access: areaPolicy.access("list") },
    handler: (request) => request.ctx((ctx) => service.getWerkgebied(ctx, request.query.year)),
  });

  app.get("/areas/export", {
    schema: {
      tags: ["netwerk"],
      summary: "Het werkgebied exporteren (CSV of xlsx), met de kolommen die de import leest",
      querystring: z
        .object({ year: year.optional(), format: z.enum(["csv", "xlsx"]).default("csv") })
        .strict(),
    },
    config: { access: areaPolicy.access("list") },
    handler: async (request, reply) => {
      const tree = await request.ctx((ctx) => service.getWerkgebied(ctx, request.query.year));
      const rows = tree.municipalities.flatMap((m): ExportRow[] => [
        {
          code: m.code,
          name: m.name,
          municipality: m.name,
          kind: "Gemeente",
          inhabitants: m.inhabitants,
          networks: "",
        },
        ...m.wijken.map((w) => ({
          code: w.code,
          name: w.name,
          municipality: m.name,
          kind: "Wijk",
          inhabitants: w.inhabitants,
          networks: w.networks.map((n) => n.name).join(", "),
        })),
      ]);
      return sendExport(reply, {
        format: request.query.format,
        baseName: `werkgebied-${tree.year ?? "zonder-jaar"}`,
        sheetName: "Werkgebied",
        rows,
        columns: exportColumns,
      });
    },
  });

  app.get("/areas/:code/buurten", {
    schema: {
      tags: ["netwerk"],
      summary: "De buurten van een wijk met hun inwoners",
      params: z.object({ code: wijkCode }).strict(),
      querystring: z.object({ year: year.optional() }).strict(),
      response: { 200: z.object({ year: z.number().int().nullable(), items: z.array(wijk) }) },
    },
    config: {
      access: areaPolicy.access("list"),
      example: async ({ create }) => ({ params: { code: await create("wijk") } }),
    },
    handler: (request) =>
      request.ctx((ctx) => service.listBuurten(ctx, request.params.code, request.query.year)),
  });

  app.post("/areas/import", {
    schema: {
      tags: ["netwerk"],
      summary:
        "Wijken, buurten en inwoners importeren uit een CBS-bestand (CSV of xlsx; multipart veld 'file'). " +
        "Met dryRun=true alleen controleren; mode=all importeert niets zolang er een fout is.",
      consumes: ["multipart/form-data"],
      querystring: z
        .object({
          year,
          mode: z.enum(["valid", "all"]).default("all"),
          dryRun: z.stringbool().default(false),
        })
        .strict(),
      response: { 200: importReport },
    },
    config: {
      access: areaPolicy.access("import"),
      example: () => ({
        query: { year: "2024", dryRun: "true" },
        body: { multipart: { name: "wijken.csv", base64: Buffer.from(SAMPLE_CSV).toString("base64") } },
      }),
    },
    handler: async (request) => {
      const part = request.isMultipart() ? await request.file() : undefined;
      if (!part) throw invalidField("file", "problem.badRequest", 400);
      const table = await readTable(await part.toBuffer());
      return request.ctx((ctx) => importAreas(ctx, table, request.query));
    },
  });

  app.get("/organisations/:id/areas", {
    schema: {
      tags: ["netwerk"],
      summary: "De wijken die een WSV dekt, met het aantal inwoners",
      params: idParams,
      response: { 200: coverageSchema },
    },
    config: {
      access: areaPolicy.access("list"),
      example: async ({ create }) => ({ params: { id: await create("membershipBody") } }),
    },
    handler: (request) => request.ctx((ctx) => service.getCoverage(ctx, request.params.id)),
  });

  app.put("/organisations/:id/areas", {
    schema: {
      tags: ["netwerk"],
      summary: "Vastleggen welke wijken een WSV dekt (vervangt de vorige keuze)",
      params: idParams,
      body: z
        .object({ version: z.number().int().positive(), wijkCodes: z.array(wijkCode).max(500) })
        .strict(),
      response: { 200: coverageSchema },
    },
    config: {
      access: areaPolicy.access("assign"),
      example: async ({ create }) => ({
        params: { id: await create("membershipBody") },
        body: { version: 1, wijkCodes: [await create("wijk")] },
      }),
    },
    handler: (request) => request.ctx((ctx) => service.setCoverage(ctx, request.params.id, request.body)),
  });
};
