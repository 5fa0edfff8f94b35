import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import * as fhir from "./fhir-service.js";
import { idParams } from "./fields.js";
import { organisationPolicy, personPolicy, workRelationPolicy } from "./policy.js";

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
};
