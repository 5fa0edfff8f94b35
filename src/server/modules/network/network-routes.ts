import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ORGANISATION_KINDS, ORGANISATION_STATUSES } from "../../../shared/network.js";
import { idParams } from "./fields.js";
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
};
