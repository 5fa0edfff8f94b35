import type { MultipartFile } from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { invalidField } from "../../platform/errors.js";
import { sendExport } from "../../platform/export.js";
import { readTable } from "../../platform/tabular.js";
import { idParams } from "./fields.js";
import * as service from "./import-service.js";
import { IMPORT_KINDS } from "./importer.js";
import { importPolicy } from "./policy.js";

const rowError = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
const runSchema = z.object({
  id: z.uuid(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  mode: z.enum(["valid", "all"]),
  status: z.enum(["running", "imported", "rejected", "failed", "undone"]),
  mapping: z.record(z.string(), z.string()),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  importedRows: z.number().int(),
  errors: z.array(rowError),
  errorCount: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  undoneAt: z.string().nullable(),
  version: z.number().int(),
});
const mappingSchema = z.record(z.string().max(40), z.string().max(200));

/**
 * The uploaded file and the optional `mapping` field (JSON: field → column header). The mapping
 * field must come before the file in the form, as browsers send fields in order.
 */
async function upload(part: MultipartFile | undefined) {
  if (!part) throw invalidField("file", "problem.badRequest", 400);
  const raw = part.fields.mapping;
  let mapping: Record<string, string> | undefined;
  if (raw && !Array.isArray(raw) && raw.type === "field") {
    const parsed = mappingSchema.safeParse(
      (() => {
        try {
          return JSON.parse(String(raw.value));
        } catch {
          return null;
        }
      })(),
    );
    if (!parsed.success) throw invalidField("mapping", "problem.badRequest", 400);
    mapping = parsed.data;
  }
  return { table: await readTable(await part.toBuffer()), fileName: part.filename || "bestand", mapping };
}

const SAMPLE =
  "naam;soort;postcode;agb\nPraktijk Voorbeeld;Huisartsenpraktijk;2311 AB;01234567\nZonder soort;;;\n";
const sampleBody = { multipart: { name: "praktijken.csv", base64: Buffer.from(SAMPLE).toString("base64") } };
const kindQuery = z
  .enum(IMPORT_KINDS)
  .default("organisations")
  .describe("Wat het bestand bevat: organisaties, personen, werkrelaties of lidmaatschappen");

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post("/imports/preview", {
    schema: {
      tags: ["netwerk"],
      summary:
        "Importeren, stap 1: het bestand (CSV of xlsx, multipart veld 'file', eventueel vooraf 'mapping') controleren; er wordt niets opgeslagen",
      consumes: ["multipart/form-data"],
      querystring: z.object({ kind: kindQuery }).strict(),
      response: {
        200: z.object({
          format: z.enum(["csv", "xlsx"]),
          encoding: z.string().nullable(),
          delimiter: z.string().nullable(),
          headers: z.array(z.string()),
          fields: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
          mapping: z.record(z.string(), z.string()),
          sample: z.array(z.record(z.string(), z.string())),
          rows: z.number().int(),
          validRows: z.number().int(),
          errors: z.array(rowError),
        }),
      },
    },
    config: { access: importPolicy.access("create"), example: () => ({ body: sampleBody }) },
    handler: async (request) => {
      const { table, mapping } = await upload(request.isMultipart() ? await request.file() : undefined);
      return request.ctx((ctx) => service.previewImport(ctx, request.query.kind, table, mapping));
    },
  });

  app.post("/imports", {
    schema: {
      tags: ["netwerk"],
      summary:
        "Importeren, stap 2: in één transactie, op de achtergrond; volg de voortgang met GET /imports/{id}. mode=all importeert niets zolang er een foute rij is",
      consumes: ["multipart/form-data"],
      querystring: z.object({ kind: kindQuery, mode: z.enum(["valid", "all"]).default("all") }).strict(),
      response: { 202: runSchema },
    },
    config: { access: importPolicy.access("create"), example: () => ({ body: sampleBody, expect: 202 }) },
    handler: async (request, reply) => {
      const { table, fileName, mapping } = await upload(
        request.isMultipart() ? await request.file() : undefined,
      );
      const run = await service.startImport(
        app.deps.database.db,
        request.actor!,
        { lang: request.lang, requestId: String(request.id) },
        { kind: request.query.kind, table, fileName, mapping, mode: request.query.mode },
      );
      return reply.code(202).send(run);
    },
  });

  app.get("/imports/template", {
    schema: {
      tags: ["netwerk"],
      summary:
        "Een voorbeeldbestand voor een import: de kolommen die Regiotafel herkent, met één voorbeeldrij",
      querystring: z.object({ kind: kindQuery, format: z.enum(["csv", "xlsx"]).default("xlsx") }).strict(),
    },
    config: { access: importPolicy.access("create") },
    handler: async (request, reply) => {
      const fields = service.importFields(request.query.kind);
      return sendExport(reply, {
        format: request.query.format,
        baseName: `voorbeeld-${request.query.kind}`,
        sheetName: "Import",
        rows: [null],
        columns: fields.map((f) => ({ header: f.label, value: () => f.example ?? "", width: 24 })),
      });
    },
  });

  app.get("/imports", {
    schema: {
      tags: ["netwerk"],
      summary: "De imports van de regio, nieuwste eerst",
      response: { 200: z.object({ items: z.array(runSchema) }) },
    },
    config: { access: importPolicy.access("list") },
    handler: (request) => request.ctx(service.listImports),
  });

  app.get("/imports/:id", {
    schema: {
      tags: ["netwerk"],
      summary: "Eén import: voortgang, uitkomst en foute rijen",
      params: idParams,
      response: { 200: runSchema },
    },
    config: {
      access: importPolicy.access("list"),
      example: async ({ create }) => ({ params: { id: await create("importRun") } }),
    },
    handler: (request) => request.ctx((ctx) => service.getImport(ctx, request.params.id)),
  });

  app.post("/imports/:id/undo", {
    schema: {
      tags: ["netwerk"],
      summary: "Een hele import ongedaan maken: verwijdert precies wat die import aanmaakte",
      params: idParams,
      body: z.object({ version: z.number().int().positive() }).strict(),
      response: { 200: runSchema },
    },
    config: {
      access: importPolicy.access("undo"),
      example: async ({ create }) => ({ params: { id: await create("importRun") }, body: { version: 1 } }),
    },
    handler: (request) => request.ctx((ctx) => service.undoImport(ctx, request.params.id, request.body)),
  });
};
