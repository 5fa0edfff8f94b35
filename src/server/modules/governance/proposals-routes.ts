import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  BALLOTS,
  MAJORITY_RULES,
  PROPOSAL_KINDS,
  PROPOSAL_STATUSES,
  VOTE_WEIGHTINGS,
  VOTING_MODES,
} from "../../../shared/voting.js";
import { type Column, EXPORT_LIMIT, sendExport } from "../../platform/export.js";
import { listQuerySchema, pageSchema } from "../../platform/pagination.js";
import { idParams } from "../network/fields.js";
import { decisionPolicy, proposalPolicy } from "./policy.js";
import { recordProposalDecision } from "./proposal-decision.js";
import * as service from "./proposals-service.js";
import * as votes from "./votes-service.js";
import { capitalised, dutchMoment, OUTCOME_WORDS, PROPOSAL_STATUS_WORDS } from "./words.js";

const moment = z.iso.datetime({ offset: true });
const tallySchema = z.object({
  electorate: z.number().int(),
  participated: z.number().int(),
  byProxy: z.number().int(),
  counts: z.array(z.number().int()).describe("Votes per option; the last is onthouding"),
  abstained: z.number().int(),
  cast: z.number().int().describe("Votes cast: all but the abstentions"),
  quorum: z.object({
    percent: z.number().int().nullable(),
    required: z.number().int().nullable(),
    reached: z.boolean(),
  }),
  majority: z.object({
    rule: z.enum(MAJORITY_RULES),
    option: z.number().int().nullable(),
    votes: z.number().int(),
    required: z.number().int(),
    reached: z.boolean(),
  }),
  outcome: z.enum(["adopted", "rejected", "chosen", "undecided", "no_quorum"]),
});
const proposalSchema = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  meetingId: z.uuid().nullable(),
  agendaItemId: z.uuid().nullable(),
  title: z.string(),
  text: z.string().nullable(),
  kind: z.enum(PROPOSAL_KINDS),
  choices: z.array(z.string()).nullable(),
  majority: z.enum(MAJORITY_RULES),
  quorumPercent: z.number().int().nullable(),
  weighting: z.enum(VOTE_WEIGHTINGS),
  maxProxies: z.number().int(),
  ballot: z.enum(BALLOTS),
  mode: z.enum(VOTING_MODES),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  status: z.enum(PROPOSAL_STATUSES),
  electorateOn: z.string().nullable(),
  result: tallySchema.nullable().describe("The result, fixed at closing"),
  decisionId: z.uuid().nullable().describe("The decision that records the result in the besluitenlijst"),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
const detailSchema = z.object({
  proposal: proposalSchema,
  electorate: z.number().int(),
  participated: z.number().int().describe("How many votes have been cast; no interim result"),
  myVotes: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      own: z.boolean().describe("False: held by proxy"),
      voted: z.boolean(),
      choice: z.number().int().nullable(),
      proxyHolderName: z.string().nullable().describe("Whom the voter gave a proxy"),
    }),
  ),
  canGrantProxy: z.boolean(),
  proxies: z.array(
    z.object({
      id: z.uuid(),
      unitId: z.uuid(),
      unitName: z.string().nullable(),
      grantedByName: z.string().nullable(),
      holderPersonId: z.uuid(),
      holderName: z.string().nullable(),
    }),
  ),
  votes: z
    .array(
      z.object({
        unitName: z.string(),
        choice: z.number().int().nullable(),
        byProxy: z.boolean(),
        castByName: z.string().nullable(),
      }),
    )
    .nullable()
    .describe("Who voted what: an open ballot, once closed"),
});

/** What a draft holds; creating fills in the usual rules, a change names only what changes. */
const editable = z.object({
  meetingId: z.uuid().nullable().optional(),
  agendaItemId: z.uuid().nullable().optional().describe("An item of the meeting's agenda"),
  title: z.string().trim().min(1).max(300),
  text: z.string().max(50_000).nullable().optional(),
  kind: z.enum(PROPOSAL_KINDS),
  choices: z.array(z.string().trim().min(1).max(200)).max(20).nullable().optional(),
  majority: z.enum(MAJORITY_RULES),
  quorumPercent: z.number().int().min(1).max(100).nullable().optional(),
  weighting: z.enum(VOTE_WEIGHTINGS),
  maxProxies: z.number().int().min(0).max(10),
  ballot: z.enum(BALLOTS),
  mode: z.enum(VOTING_MODES),
  closesAt: moment.nullable().optional(),
});
const createBody = editable
  .extend({
    bodyId: z.uuid(),
    kind: editable.shape.kind.default("for_against"),
    majority: editable.shape.majority.default("simple"),
    weighting: editable.shape.weighting.default("person"),
    maxProxies: editable.shape.maxProxies.default(1),
    ballot: editable.shape.ballot.default("open"),
    mode: editable.shape.mode.default("online"),
  })
  .strict();
const version = { version: z.number().int().positive() };
const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
const choice = z.number().int().min(0).max(20);

type ProposalRow = Awaited<ReturnType<typeof service.listProposals>>["items"][number];
const proposalColumns: Column<ProposalRow>[] = [
  { header: "Voorstel", value: (p) => p.title, width: 50 },
  { header: "Orgaan", value: (p) => p.bodyName, width: 28 },
  { header: "Status", value: (p) => capitalised(PROPOSAL_STATUS_WORDS[p.status]), width: 12 },
  { header: "Sluit", value: (p) => (p.closesAt ? dutchMoment(p.closesAt) : "in de vergadering"), width: 18 },
  {
    header: "Uitslag",
    value: (p) => (p.result ? capitalised(OUTCOME_WORDS[p.result.outcome]) : ""),
    width: 14,
  },
  { header: "Uitgebracht", value: (p) => p.result?.participated ?? null, width: 12 },
  { header: "Stemgerechtigd", value: (p) => p.result?.electorate ?? null, width: 14 },
];
const proposalFilter = z.object({
  bodyId: z.uuid().optional(),
  meetingId: z.uuid().optional(),
  status: z.enum(PROPOSAL_STATUSES).optional(),
});

export const proposalsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/proposals/export", {
    schema: {
      tags: ["governance"],
      summary: "De voorstellen exporteren (CSV of xlsx), met dezelfde filters als de lijst, met de uitslag",
      querystring: proposalFilter.extend({ format: z.enum(["csv", "xlsx"]).default("csv") }).strict(),
    },
    config: { access: proposalPolicy.access("list") },
    handler: async (request, reply) => {
      const { format, ...filter } = request.query;
      const { items } = await request.ctx((ctx) =>
        service.listProposals(ctx, { ...filter, limit: EXPORT_LIMIT }),
      );
      return sendExport(reply, {
        format,
        baseName: "stemmingen",
        sheetName: "Voorstellen",
        rows: items,
        columns: proposalColumns,
      });
    },
  });

  app.get("/proposals", {
    schema: {
      tags: ["governance"],
      summary: "Voorstellen en stemmingen, nieuwste eerst, per orgaan, vergadering of status",
      querystring: listQuerySchema.omit({ q: true }).extend(proposalFilter.shape).strict(),
      response: { 200: pageSchema(proposalSchema) },
    },
    config: { access: proposalPolicy.access("list") },
    handler: (request) => request.ctx((ctx) => service.listProposals(ctx, request.query)),
  });

  app.post("/proposals", {
    schema: {
      tags: ["governance"],
      summary:
        "Een voorstel opstellen (concept) met de regels van de stemming; zonder quorumPercent geldt dat van het orgaan",
      body: createBody,
      response: { 201: proposalSchema },
    },
    config: {
      access: proposalPolicy.access("create"),
      example: async ({ create }) => ({
        body: {
          bodyId: await create("body"),
          title: "Statutenwijziging",
          majority: "two_thirds",
          closesAt: inAWeek(),
        },
      }),
    },
    handler: async (request, reply) =>
      reply.code(201).send(await request.ctx((ctx) => service.createProposal(ctx, request.body))),
  });

  app.get("/proposals/:id", {
    schema: {
      tags: ["governance"],
      summary:
        "Eén voorstel: de regels, hoeveel er gestemd hebben, de eigen stem(men) en volmachten, en na sluiting de uitslag",
      params: idParams,
      response: { 200: detailSchema },
    },
    config: {
      access: proposalPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("proposal") } }),
    },
    handler: (request) => request.ctx((ctx) => votes.getProposal(ctx, request.params.id)),
  });

  app.patch("/proposals/:id", {
    schema: {
      tags: ["governance"],
      summary: "Een concept-voorstel wijzigen (stuur version mee); na opening liggen de regels vast",
      params: idParams,
      body: editable.partial().extend(version).strict(),
      response: { 200: proposalSchema },
    },
    config: {
      access: proposalPolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("proposal") },
        body: { version: 1, title: "Statutenwijziging artikel 12" },
      }),
    },
    handler: (request) => request.ctx((ctx) => service.updateProposal(ctx, request.params.id, request.body)),
  });

  app.post("/proposals/:id/open", {
    schema: {
      tags: ["governance"],
      summary: "De stemming openen: de stemgerechtigden van vandaag liggen vast; online tot closesAt",
      params: idParams,
      body: z.object({ ...version, closesAt: moment.optional() }).strict(),
      response: { 200: proposalSchema },
    },
    config: {
      access: proposalPolicy.access("open"),
      example: async ({ create }) => ({ params: { id: await create("proposal") }, body: { version: 1 } }),
    },
    handler: (request) => request.ctx((ctx) => service.openProposal(ctx, request.params.id, request.body)),
  });

  app.post("/proposals/:id/close", {
    schema: {
      tags: ["governance"],
      summary: "De stemming sluiten: de uitslag wordt berekend en ligt daarna vast",
      params: idParams,
      body: z.object(version).strict(),
      response: { 200: proposalSchema },
    },
    config: {
      access: proposalPolicy.access("close"),
      example: async ({ create }) => ({ params: { id: await create("meetingVote") }, body: { version: 2 } }),
    },
    handler: (request) => request.ctx((ctx) => service.closeProposal(ctx, request.params.id, request.body)),
  });

  app.post("/proposals/:id/decision", {
    schema: {
      tags: ["governance"],
      summary:
        "De uitslag van een gesloten stemming als besluit van haar vergadering vastleggen, met het volgende nummer van het orgaan",
      params: idParams,
      body: z.object(version).strict(),
      response: {
        201: z.object({
          id: z.uuid(),
          number: z.string(),
          text: z.string(),
          agendaItemId: z.uuid().nullable(),
        }),
      },
    },
    config: {
      access: decisionPolicy.access("create"),
      example: async ({ create }) => ({
        params: { id: await create("closedMeetingVote") },
        body: { version: 3 },
      }),
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await request.ctx((ctx) => recordProposalDecision(ctx, request.params.id, request.body))),
  });

  app.get("/proposals/:id/voters", {
    schema: {
      tags: ["governance"],
      summary: "De stemgerechtigden, wie al gestemd heeft (niet wat) en wie hun volmacht heeft",
      params: idParams,
      response: {
        200: z.array(
          z.object({
            unitId: z.uuid(),
            unitName: z.string(),
            voted: z.boolean(),
            proxyHolderName: z.string().nullable(),
          }),
        ),
      },
    },
    config: {
      access: proposalPolicy.access("record"),
      example: async ({ create }) => ({ params: { id: await create("openProposal") } }),
    },
    handler: (request) => request.ctx((ctx) => votes.listVoters(ctx, request.params.id)),
  });

  app.post("/proposals/:id/votes", {
    schema: {
      tags: ["governance"],
      summary:
        "Online stemmen: choice is de optie (bij voor/tegen 0 voor, 1 tegen, 2 onthouding); unitId alleen bij een volmacht",
      params: idParams,
      body: z.object({ unitId: z.uuid().optional(), choice }).strict(),
      response: { 201: z.object({ unitId: z.uuid(), voted: z.boolean() }) },
    },
    config: {
      access: proposalPolicy.access("vote"),
      // The fixture's voter is not the caller: refused at the field.
      example: async ({ create }) => ({
        params: { id: await create("openProposal") },
        body: { choice: 0 },
        expect: 422,
      }),
    },
    handler: async (request, reply) =>
      reply.code(201).send(await request.ctx((ctx) => votes.castVote(ctx, request.params.id, request.body))),
  });

  app.post("/proposals/:id/meeting-votes", {
    schema: {
      tags: ["governance"],
      summary:
        "De in de vergadering uitgebrachte stemmen vastleggen: open per stem met keuze, geheim als wie stemde plus de aantallen per optie",
      params: idParams,
      body: z
        .object({
          votes: z
            .array(z.object({ unitId: z.uuid(), choice }).strict())
            .max(5000)
            .optional(),
          secret: z
            .object({
              unitIds: z.array(z.uuid()).max(5000),
              counts: z.array(z.number().int().min(0)).max(21),
            })
            .strict()
            .optional(),
        })
        .strict(),
      response: { 200: z.object({ recorded: z.number().int() }) },
    },
    config: {
      access: proposalPolicy.access("record"),
      example: async ({ create }) => ({ params: { id: await create("meetingVote") }, body: { votes: [] } }),
    },
    handler: (request) =>
      request.ctx((ctx) => votes.recordMeetingVotes(ctx, request.params.id, request.body)),
  });

  app.post("/proposals/:id/proxies", {
    schema: {
      tags: ["governance"],
      summary:
        "Een volmacht geven aan een andere stemgerechtigde (de eigen stem; het bureau ook namens een ander met unitId)",
      params: idParams,
      body: z.object({ unitId: z.uuid().optional(), holderPersonId: z.uuid() }).strict(),
      response: {
        201: z.object({ id: z.uuid(), unitId: z.uuid(), holderPersonId: z.uuid() }),
      },
    },
    config: {
      access: proposalPolicy.access("proxy"),
      // The caller has no vote of their own in the fixture: refused at the field.
      example: async ({ create }) => ({
        params: { id: await create("openProposal") },
        body: { holderPersonId: await create("person") },
        expect: 422,
      }),
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await request.ctx((ctx) => votes.grantProxy(ctx, request.params.id, request.body))),
  });

  app.delete("/proposals/:id/proxies/:proxyId", {
    schema: {
      tags: ["governance"],
      summary: "Een volmacht intrekken zolang er niet mee gestemd is",
      params: z.object({ id: z.uuid(), proxyId: z.uuid() }).strict(),
    },
    config: {
      access: proposalPolicy.access("proxy"),
      example: async ({ create }) => ({
        params: { id: await create("openProposal"), proxyId: "00000000-0000-4000-8000-000000000000" },
        expect: 404,
      }),
    },
    handler: async (request, reply) => {
      await request.ctx((ctx) => votes.withdrawProxy(ctx, request.params.id, request.params.proxyId));
      return reply.code(204).send();
    },
  });
};
