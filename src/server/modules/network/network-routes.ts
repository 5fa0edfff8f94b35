import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ORGANISATION_KINDS, ORGANISATION_STATUSES } from "../../../shared/network.js";
import { idParams } from "./fields.js";
import { mergeOrganisation } from "./merge-service.js";
import * as service from "./network-service.js";
import { organisationSchema } from "./organisations-routes.js";
import { organisationPolicy } from "./policy.js";

const contact = z.object({
  id: z.uuid(),
  name: z.string(),
  function: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const networkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/network", {
    schema: {
      tags: ["netwerk"],
      summary: "Hoe de regio georganiseerd is: alle actieve organisaties met hun bovenliggende organisatie",
      response: {
        200: z.object({
          items: z.array(
            z.object({
              id: z.uuid(),
              name: z.string(),
              kind: z.enum(ORGANISATION_KINDS),
              status: z.enum(ORGANISATION_STATUSES),
              parentId: z.uuid().nullable(),
            }),
          ),
        }),
      },
    },
    config: { access: organisationPolicy.access("list") },
    handler: (request) => request.ctx(service.networkTree),
  });

  app.get("/organisations/:id/profile", {
    schema: {
      tags: ["netwerk"],
      summary:
        "Het profiel van een WSV op één pagina: praktijken, disciplines en aantallen, leden, wijken en inwoners, coördinator en contactpersonen",
      params: idParams,
      response: {
        200: z.object({
          organisation: organisationSchema,
          practices: z.array(
            z.object({
              id: z.uuid(),
              name: z.string(),
              kind: z.enum(ORGANISATION_KINDS),
              people: z.number().int(),
            }),
          ),
          people: z.number().int(),
          disciplines: z.array(
            z.object({ discipline: z.string(), people: z.number().int(), fte: z.number() }),
          ),
          members: z.object({
            date: z.string(),
            total: z.number().int(),
            byDiscipline: z.array(z.object({ discipline: z.string(), count: z.number().int() })),
          }),
          coverage: z.object({
            year: z.number().int().nullable(),
            inhabitants: z.number().int(),
            wijken: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                municipalityCode: z.string(),
                inhabitants: z.number().int().nullable(),
              }),
            ),
          }),
          coordinators: z.array(contact),
          contacts: z.array(contact),
        }),
      },
    },
    config: {
      access: organisationPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("membershipBody") } }),
    },
    handler: (request) => request.ctx((ctx) => service.networkProfile(ctx, request.params.id)),
  });

  app.post("/organisations/:id/merge", {
    schema: {
      tags: ["netwerk"],
      summary:
        "Organisatie laten opgaan in een andere (fusie): met dryRun=true eerst het overzicht van wat er verhuist",
      params: idParams,
      body: z
        .object({
          targetId: z.uuid(),
          version: z.number().int().positive(),
          date: z.iso.date().optional(),
          dryRun: z.boolean().default(false),
        })
        .strict(),
      response: {
        200: z.object({
          source: z.object({ id: z.uuid(), name: z.string() }),
          target: z.object({ id: z.uuid(), name: z.string() }),
          date: z.string(),
          children: z.array(z.object({ id: z.uuid(), name: z.string() })),
          workRelations: z.array(
            z.object({ personId: z.uuid(), name: z.string(), function: z.string().nullable() }),
          ),
          members: z.object({ moving: z.number().int(), alreadyInTarget: z.number().int() }),
          membershipsOfSource: z.object({ moving: z.number().int(), alreadyInTarget: z.number().int() }),
          wijken: z.number().int(),
          merged: z.boolean(),
        }),
      },
    },
    config: {
      access: organisationPolicy.access("merge"),
      example: async ({ create }) => ({
        params: { id: await create("organisation") },
        body: { targetId: await create("organisation"), version: 1 },
      }),
    },
    handler: (request) =>
      request.ctx((ctx) =>
        mergeOrganisation(ctx, request.params.id, {
          ...request.body,
          date: request.body.date ?? new Date().toISOString().slice(0, 10),
        }),
      ),
  });
};
