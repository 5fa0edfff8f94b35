import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { PRIORITISATION_STATUSES } from "../../../shared/plan.js";
import { listQuerySchema, pageSchema } from "../../platform/pagination.js";
import { idParams, optionalText } from "../network/fields.js";
import { prioritisationPolicy } from "./policy.js";
import * as service from "./priorities-service.js";

const version = z.number().int().positive();
const versionQuery = z.object({ version: z.coerce.number().int().positive() }).strict();
const named = z.object({ id: z.uuid(), name: z.string() });

const prioritisationSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  body: named.nullable(),
  pointsPerParticipant: z.number().int(),
  priorityCount: z.number().int(),
  status: z.enum(PRIORITISATION_STATUSES),
  decidedOn: z.string().nullable(),
  topicCount: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
});
const detailSchema = prioritisationSchema.extend({
  topics: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      description: z.string().nullable(),
      proposedBy: named.nullable(),
      mine: z.boolean(),
      points: z.number().int(),
      supporters: z.number().int(),
      version: z.number().int(),
    }),
  ),
  participants: z.array(
    z.object({ person: named, points: z.record(z.string(), z.number().int()), total: z.number().int() }),
  ),
  myPersonId: z.uuid().nullable(),
  priorities: z.array(
    z.object({
      id: z.uuid(),
      topicId: z.uuid(),
      title: z.string(),
      description: z.string().nullable(),
      resultArea: z.object({ id: z.uuid(), name: z.string(), policyAreaName: z.string() }).nullable(),
      position: z.number().int(),
      actionCount: z.number().int(),
      openActionCount: z.number().int(),
      version: z.number().int(),
    }),
  ),
});
const fields = {
  title: z.string().trim().min(1).max(200),
  description: optionalText(8000),
  bodyId: z.uuid().nullable().optional(),
  pointsPerParticipant: z.number().int().min(1).max(100).optional(),
  priorityCount: z.number().int().min(1).max(20).optional(),
};
const topicSchema = z.object({
  id: z.uuid(),
  prioritisationId: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  proposedByOrganisationId: z.uuid().nullable(),
  version: z.number().int(),
});
const topicFields = {
  title: z.string().trim().min(1).max(200),
  description: optionalText(4000),
  proposedByOrganisationId: z.uuid().nullable().optional(),
};
const prioritySchema = z.object({
  id: z.uuid(),
  prioritisationId: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  resultAreaId: z.uuid().nullable(),
  position: z.number().int(),
  version: z.number().int(),
});

export const prioritiesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/prioritisations", {
    schema: {
      tags: ["regioplan"],
      summary: "Prioriteringen (onderwerpen verzamelen en speerpunten kiezen), nieuwste eerst",
      querystring: listQuerySchema.extend({ status: z.enum(PRIORITISATION_STATUSES).optional() }).strict(),
      response: { 200: pageSchema(prioritisationSchema) },
    },
    config: { access: prioritisationPolicy.access("list") },
    handler: (request) => request.ctx((ctx) => service.listPrioritisations(ctx, request.query)),
  });

  app.post("/prioritisations", {
    schema: {
      tags: ["regioplan"],
      summary: "Een prioritering beginnen: onderwerpen verzamelen met de partners",
      body: z.object(fields).strict(),
      response: { 201: detailSchema },
    },
    config: {
      access: prioritisationPolicy.access("create"),
      example: () => ({ body: { title: "Alliantie Gezond Katwijk 2026", priorityCount: 4 } }),
    },
    handler: async (request, reply) =>
      reply.code(201).send(await request.ctx((ctx) => service.createPrioritisation(ctx, request.body))),
  });

  app.get("/prioritisations/:id", {
    schema: {
      tags: ["regioplan"],
      summary:
        "Een prioritering: de onderwerpen op volgorde van punten, wie welke punten gaf, en de gekozen speerpunten",
      params: idParams,
      response: { 200: detailSchema },
    },
    config: {
      access: prioritisationPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("prioritisation") } }),
    },
    handler: (request) => request.ctx((ctx) => service.getPrioritisation(ctx, request.params.id)),
  });

  app.patch("/prioritisations/:id", {
    schema: {
      tags: ["regioplan"],
      summary:
        "Een prioritering wijzigen, of van onderwerpen verzamelen naar punten verdelen zetten (status scoring) en terug",
      params: idParams,
      body: z
        .object({
          version,
          ...fields,
          title: fields.title.optional(),
          status: z.enum(["gathering", "scoring"]).optional(),
        })
        .strict(),
      response: { 200: detailSchema },
    },
    config: {
      access: prioritisationPolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("prioritisation") },
        body: { version: 1, status: "scoring" },
      }),
    },
    handler: (request) =>
      request.ctx((ctx) => service.updatePrioritisation(ctx, request.params.id, request.body)),
  });

  app.post("/prioritisations/:id/topics", {
    schema: {
      tags: ["regioplan"],
      summary: "Een onderwerp aandragen (ook als lid of partner), zolang de onderwerpen worden verzameld",
      params: idParams,
      body: z.object(topicFields).strict(),
      response: { 201: topicSchema },
    },
    config: {
      access: prioritisationPolicy.access("propose"),
      example: async ({ create }) => ({
        params: { id: await create("prioritisation") },
        body: {
          title: `Gezond rondkomen ${crypto.randomUUID()}`,
          proposedByOrganisationId: await create("organisation"),
        },
      }),
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await request.ctx((ctx) => service.addTopic(ctx, request.params.id, request.body))),
  });

  app.patch("/topics/:id", {
    schema: {
      tags: ["regioplan"],
      summary: "Een onderwerp wijzigen (het bureau elk onderwerp, anderen hun eigen)",
      params: idParams,
      body: z
        .object({
          version,
          title: topicFields.title.optional(),
          description: topicFields.description,
          proposedByOrganisationId: topicFields.proposedByOrganisationId,
        })
        .strict(),
      response: { 200: topicSchema },
    },
    config: {
      access: prioritisationPolicy.access("propose"),
      example: async ({ create }) => ({
        params: { id: await create("topic") },
        body: { version: 1, description: "Schulden en armoede raken de gezondheid" },
      }),
    },
    handler: (request) => request.ctx((ctx) => service.updateTopic(ctx, request.params.id, request.body)),
  });

  app.delete("/topics/:id", {
    schema: {
      tags: ["regioplan"],
      summary: "Een onderwerp weghalen zolang de onderwerpen worden verzameld",
      params: idParams,
      querystring: versionQuery,
    },
    config: {
      access: prioritisationPolicy.access("propose"),
      example: async ({ create }) => ({ params: { id: await create("topic") }, query: { version: 1 } }),
    },
    handler: async (request, reply) => {
      await request.ctx((ctx) => service.deleteTopic(ctx, request.params.id, request.query.version));
      return reply.code(204).send();
    },
  });

  app.put("/prioritisations/:id/scores/:personId", {
    schema: {
      tags: ["regioplan"],
      summary:
        "De punten van één deelnemer over de onderwerpen verdelen (vervangt wat hij eerder gaf); een deelnemer geeft zijn eigen punten, het bureau legt die van elke deelnemer vast",
      params: z.object({ id: z.uuid(), personId: z.uuid() }).strict(),
      body: z
        .object({
          scores: z
            .array(z.object({ topicId: z.uuid(), points: z.number().int().min(0).max(100) }).strict())
            .max(200),
        })
        .strict(),
      response: { 200: detailSchema },
    },
    config: {
      access: prioritisationPolicy.access("score"),
      example: async ({ create }) => {
        const id = await create("scoringPrioritisation");
        return {
          params: { id, personId: await create("person") },
          body: { scores: [{ topicId: id, points: 3 }] },
          // Others than the bureau divide only their own points.
          expect: [200, 403],
        };
      },
    },
    handler: (request) =>
      request.ctx((ctx) =>
        service.setScores(ctx, request.params.id, request.params.personId, request.body.scores),
      ),
  });

  app.post("/prioritisations/:id/decide", {
    schema: {
      tags: ["regioplan"],
      summary:
        "De speerpunten kiezen uit de onderwerpen, in de gegeven volgorde; daarna ligt de prioritering vast",
      params: idParams,
      body: z.object({ version, topicIds: z.array(z.uuid()).min(1).max(20) }).strict(),
      response: { 200: detailSchema },
    },
    config: {
      access: prioritisationPolicy.access("decide"),
      // The fixture's one topic has the prioritisation's own id.
      example: async ({ create }) => {
        const id = await create("scoringPrioritisation");
        return { params: { id }, body: { version: 1, topicIds: [id] } };
      },
    },
    handler: (request) => request.ctx((ctx) => service.decide(ctx, request.params.id, request.body)),
  });

  app.get("/priorities", {
    schema: {
      tags: ["regioplan"],
      summary: "Alle speerpunten van de regio, om een actie aan te hangen",
      response: {
        200: z.object({
          items: z.array(z.object({ id: z.uuid(), title: z.string(), prioritisationTitle: z.string() })),
        }),
      },
    },
    config: { access: prioritisationPolicy.access("list") },
    handler: (request) => request.ctx(service.listPriorityOptions),
  });

  app.patch("/priorities/:id", {
    schema: {
      tags: ["regioplan"],
      summary: "Een speerpunt wijzigen: naam, toelichting en het resultaatgebied waaraan het bijdraagt",
      params: idParams,
      body: z
        .object({
          version,
          title: z.string().trim().min(1).max(200).optional(),
          description: optionalText(8000),
          resultAreaId: z.uuid().nullable().optional(),
        })
        .strict(),
      response: { 200: prioritySchema },
    },
    config: {
      access: prioritisationPolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("priority") },
        body: { version: 1, resultAreaId: await create("resultArea") },
      }),
    },
    handler: (request) => request.ctx((ctx) => service.updatePriority(ctx, request.params.id, request.body)),
  });
};
