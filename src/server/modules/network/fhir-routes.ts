import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { invalidField } from "../../platform/errors.js";
import { BUNDLE_READERS, type BundleResource, bundleToTable } from "./fhir-import.js";
import { operationOutcomeHook } from "./fhir-outcome.js";
import * as fhir from "./fhir-service.js";
import { idParams } from "./fields.js";
import { previewImport, startImport } from "./import-service.js";
import { importPolicy, organisationPolicy, personPolicy, workRelationPolicy } from "./policy.js";

const FHIR_JSON = "application/fhir+json; charset=utf-8";
const searchQuery = z
  .object({
    name: z.string().trim().max(200).optional(),
    identifier: z.string().trim().max(300).optional(),
    // Repeatable (`_lastUpdated=ge2026-01-01&_lastUpdated=lt2026-07-01`).
    _lastUpdated: z
      .union([z.string().max(40), z.array(z.string().max(40)).max(2)])
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .optional(),
    _count: z.coerce.number().int().min(1).max(200).default(50),
    _cursor: z.string().max(1000).optional(),
    _format: z.enum(["json", "application/fhir+json"]).optional(),
  })
  .strict();

/**
 * The region's directory as FHIR R4 (application/fhir+json), following the IHE mCSD shape where it
 * fits: Organization, Practitioner and PractitionerRole with Dutch identifier systems, searchable
 * with name, identifier, _lastUpdated and _count, paged through Bundle.link "next"; and the whole
 * directory as one Bundle. Authorisation and visibility are those of the rest of the API.
 */
export const fhirRoutes: FastifyPluginAsyncZod = async (app) => {
  const base = (path: string) => `${app.deps.config.publicUrl}/api/v1/fhir/${path}`;
  app.addHook("onSend", operationOutcomeHook);

  for (const shape of ["Organization", "Location", "HealthcareService"] as const) {
    app.get(`/fhir/${shape}`, {
      schema: {
        tags: ["fhir"],
        summary: `FHIR ${shape} zoeken (name, identifier, _lastUpdated, _count)`,
        querystring: searchQuery,
      },
      config: { access: organisationPolicy.access("list") },
      handler: async (request, reply) =>
        reply
          .type(FHIR_JSON)
          .send(await request.ctx((ctx) => fhir.searchOrganizations(ctx, request.query, base(shape), shape))),
    });

    app.get(`/fhir/${shape}/:id`, {
      schema: { tags: ["fhir"], summary: `Eén FHIR ${shape}`, params: idParams },
      config: {
        access: organisationPolicy.access("read"),
        // A Location exists only for an organisation with an address: the fixture has none.
        example: async ({ create }) => ({
          params: { id: await create("organisation") },
          ...(shape === "Location" ? { expect: 404 } : {}),
        }),
      },
      handler: async (request, reply) =>
        reply
          .type(FHIR_JSON)
          .send(await request.ctx((ctx) => fhir.readOrganization(ctx, request.params.id, shape))),
    });
  }

  app.get("/fhir/metadata", {
    schema: { tags: ["fhir"], summary: "FHIR CapabilityStatement: wat dit adresboek kan" },
    config: { access: organisationPolicy.access("list") },
    handler: async (_request, reply) => reply.type(FHIR_JSON).send(fhir.capabilityStatement(base(""))),
  });

  app.get("/fhir/Practitioner", {
    schema: {
      tags: ["fhir"],
      summary: "FHIR Practitioner zoeken (name, identifier, _lastUpdated, _count)",
      querystring: searchQuery,
    },
    config: { access: personPolicy.access("list") },
    handler: async (request, reply) =>
      reply
        .type(FHIR_JSON)
        .send(await request.ctx((ctx) => fhir.searchPractitioners(ctx, request.query, base("Practitioner")))),
  });

  app.get("/fhir/Practitioner/:id", {
    schema: { tags: ["fhir"], summary: "Eén FHIR Practitioner", params: idParams },
    config: {
      access: personPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("person") } }),
    },
    handler: async (request, reply) =>
      reply.type(FHIR_JSON).send(await request.ctx((ctx) => fhir.readPractitioner(ctx, request.params.id))),
  });

  app.get("/fhir/PractitionerRole", {
    schema: {
      tags: ["fhir"],
      summary: "FHIR PractitionerRole zoeken (practitioner, organization, _count)",
      querystring: z
        .object({
          practitioner: z
            .string()
            .regex(/^(Practitioner\/)?[0-9a-f-]{36}$/)
            .optional(),
          organization: z
            .string()
            .regex(/^(Organization\/)?[0-9a-f-]{36}$/)
            .optional(),
          _count: z.coerce.number().int().min(1).max(200).default(50),
          _cursor: z.string().max(1000).optional(),
        })
        .strict(),
    },
    config: { access: workRelationPolicy.access("list") },
    handler: async (request, reply) =>
      reply
        .type(FHIR_JSON)
        .send(
          await request.ctx((ctx) =>
            fhir.searchPractitionerRoles(ctx, request.query, base("PractitionerRole")),
          ),
        ),
  });

  app.get("/fhir/Bundle/directory", {
    schema: { tags: ["fhir"], summary: "Het hele adresboek van de regio als één FHIR Bundle (collection)" },
    config: { access: organisationPolicy.access("export") },
    handler: async (request, reply) =>
      reply
        .type(FHIR_JSON)
        .header("content-disposition", 'attachment; filename="adresboek.fhir.json"')
        .send(
          await request.ctx((ctx) => fhir.directoryBundle(ctx, `${app.deps.config.publicUrl}/api/v1/fhir`)),
        ),
  });

  // FHIR clients send application/fhir+json; it is JSON.
  app.addContentTypeParser(
    "application/fhir+json",
    { parseAs: "string" },
    app.getDefaultJsonParser("error", "error"),
  );

  app.post("/fhir/Bundle", {
    schema: {
      tags: ["fhir"],
      summary:
        "Importeren uit een FHIR Bundle: de Organization-, Practitioner- of PractitionerRole-entries (resource=…); dryRun=true controleert alleen; verder als de spreadsheetimport (mode, voortgang, ongedaan maken)",
      querystring: z
        .object({
          resource: z
            .enum(Object.keys(BUNDLE_READERS) as [BundleResource, ...BundleResource[]])
            .default("Organization")
            .describe("Welke entries worden geïmporteerd; stuur een Bundle per soort, organisaties eerst"),
          mode: z.enum(["valid", "all"]).default("all"),
          dryRun: z.stringbool().default(false),
        })
        .strict(),
      // The Bundle's own elements (R4), strictly; the resources inside vary and are read loosely.
      body: z
        .object({
          resourceType: z.literal("Bundle"),
          id: z.string().max(64).optional(),
          meta: z.unknown().optional(),
          implicitRules: z.string().max(1000).optional(),
          language: z.string().max(20).optional(),
          identifier: z.unknown().optional(),
          type: z
            .enum([
              "document",
              "message",
              "transaction",
              "transaction-response",
              "batch",
              "batch-response",
              "history",
              "searchset",
              "collection",
            ])
            .optional(),
          timestamp: z.string().max(40).optional(),
          total: z.number().int().min(0).optional(),
          link: z.array(z.unknown()).max(10).optional(),
          entry: z
            .array(
              z.looseObject({ resource: z.looseObject({ resourceType: z.string().max(64) }).optional() }),
            )
            .max(100_000),
          signature: z.unknown().optional(),
        })
        .strict(),
    },
    bodyLimit: app.deps.config.UPLOAD_LIMIT_MB * 1024 * 1024,
    config: {
      access: importPolicy.access("create"),
      example: () => ({
        query: { dryRun: "true" },
        body: {
          resourceType: "Bundle",
          type: "collection",
          entry: [
            {
              resource: {
                resourceType: "Organization",
                name: "Praktijk",
                type: [{ coding: [{ code: "general_practice" }] }],
              },
            },
          ],
        },
      }),
    },
    handler: async (request, reply) => {
      const reader = BUNDLE_READERS[request.query.resource];
      const table = bundleToTable(request.body, request.query.resource);
      if (table.rows.length === 0) throw invalidField("body.entry", "field.fileEmpty");
      if (request.query.dryRun)
        return request.ctx((ctx) => previewImport(ctx, reader.kind, table, reader.columns));
      const run = await startImport(
        app.deps.database.db,
        request.actor!,
        { lang: request.lang, requestId: String(request.id) },
        {
          kind: reader.kind,
          table,
          fileName: `FHIR Bundle (${request.query.resource})`,
          mapping: reader.columns,
          mode: request.query.mode,
        },
      );
      return reply.code(202).send(run);
    },
  });
};
