import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AGENDA_ITEM_KINDS,
  ATTENDANCE_STATUSES,
  BODY_KINDS,
  SEAT_ROLES,
} from "../../../shared/governance.js";
import type { Ctx } from "../../platform/context.js";
import { forbidden, notFound } from "../../platform/errors.js";
import { attachment } from "../../platform/export.js";
import { listQuerySchema, pageSchema } from "../../platform/pagination.js";
import { PUBLIC, SELF } from "../../platform/policy.js";
import { idParams, optionalText } from "../network/fields.js";
import * as pdfs from "./meeting-pdfs.js";
import * as calendar from "./meetings-calendar.js";
import * as service from "./meetings-service.js";
import { meetingPolicy } from "./policy.js";

const moment = z.iso.datetime({ offset: true });
const meetingSchema = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  cancelled: z.boolean(),
  sentAt: z.string().nullable(),
  agendaVersion: z.number().int(),
  version: z.number().int(),
});
const detailSchema = meetingSchema.extend({
  bodyKind: z.enum(BODY_KINDS),
  day: z.string(),
  agenda: z.array(
    z.object({
      id: z.uuid(),
      number: z.number().int(),
      title: z.string().nullable().describe("Null for a confidential item the caller may not see"),
      kind: z.enum(AGENDA_ITEM_KINDS),
      description: z.string().nullable(),
      presenterPersonId: z.uuid().nullable(),
      presenterName: z.string().nullable(),
      minutesAllotted: z.number().int().nullable(),
      confidential: z.boolean(),
    }),
  ),
  members: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      roles: z.array(z.enum(SEAT_ROLES)),
      voting: z.boolean(),
      attendance: z.enum(ATTENDANCE_STATUSES).nullable(),
    }),
  ),
  quorum: z.object({
    members: z.number().int(),
    present: z.number().int(),
    required: z.number().int().nullable(),
    reached: z.boolean(),
  }),
  minutes: z.string().nullable().describe("Markdown; render it sanitised"),
  minutesVersion: z.number().int(),
  minutesApprovedAt: z.string().nullable(),
  minutesApprovedIn: z.object({ id: z.uuid(), title: z.string(), startsAt: z.string() }).nullable(),
});

const url = z.url({ protocol: /^https?$/ }).max(500);
const meetingFields = {
  title: z.string().trim().min(1).max(200),
  startsAt: moment,
  endsAt: moment,
  location: optionalText(300),
  onlineUrl: url.nullable().optional(),
};
const itemFields = {
  title: z.string().trim().min(1).max(300),
  kind: z.enum(AGENDA_ITEM_KINDS),
  description: optionalText(10_000),
  presenterPersonId: z.uuid().nullable().optional(),
  minutesAllotted: z.number().int().min(1).max(600).nullable().optional(),
  confidential: z.boolean().optional(),
};
const agendaVersion = z.number().int().positive();
const newMeeting = async ({ create }: { create: (kind: string) => Promise<string> }) =>
  ({ id: await create("meeting") }) as const;

export const meetingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const publicUrl = () => app.deps.config.publicUrl;

  app.get("/meetings", {
    schema: {
      tags: ["governance"],
      summary:
        "Vergaderingen, eerstvolgende eerst: van één orgaan, in een periode, of met mine=true de eigen vergaderingen",
      querystring: listQuerySchema
        .omit({ q: true })
        .extend({
          bodyId: z.uuid().optional(),
          from: z.iso.date().optional(),
          to: z.iso.date().optional(),
          mine: z.stringbool().optional(),
          sort: z.enum(["startsAt", "-startsAt"]).optional(),
        })
        .strict(),
      response: { 200: pageSchema(meetingSchema) },
    },
    config: { access: meetingPolicy.access("list") },
    handler: (request) => request.ctx((ctx) => service.listMeetings(ctx, request.query)),
  });

  app.post("/meetings", {
    schema: {
      tags: ["governance"],
      summary: "Een vergadering van een orgaan plannen",
      body: z.object({ bodyId: z.uuid(), ...meetingFields }).strict(),
      response: { 201: detailSchema },
    },
    config: {
      access: meetingPolicy.access("create"),
      example: async ({ create }) => ({
        body: {
          bodyId: await create("body"),
          title: "Vergadering",
          startsAt: "2026-12-08T19:30:00+01:00",
          endsAt: "2026-12-08T21:30:00+01:00",
          location: "Regiokantoor, Leiden",
        },
      }),
    },
    handler: async (request, reply) =>
      reply.code(201).send(await request.ctx((ctx) => service.createMeeting(ctx, request.body))),
  });

  app.get("/meetings/:id", {
    schema: {
      tags: ["governance"],
      summary: "Eén vergadering met agenda, leden op de vergaderdatum, aanwezigheid en quorum",
      params: idParams,
      response: { 200: detailSchema },
    },
    config: {
      access: meetingPolicy.access("read"),
      example: async (x) => ({ params: await newMeeting(x) }),
    },
    handler: (request) => request.ctx((ctx) => service.getMeeting(ctx, request.params.id)),
  });

  app.patch("/meetings/:id", {
    schema: {
      tags: ["governance"],
      summary: "Titel, tijd of plaats van een vergadering wijzigen (stuur version mee)",
      params: idParams,
      body: z
        .object({
          version: z.number().int().positive(),
          title: meetingFields.title.optional(),
          startsAt: moment.optional(),
          endsAt: moment.optional(),
          location: meetingFields.location,
          onlineUrl: meetingFields.onlineUrl,
        })
        .strict(),
      response: { 200: detailSchema },
    },
    config: {
      access: meetingPolicy.access("update"),
      example: async (x) => ({
        params: await newMeeting(x),
        body: { version: 1, location: "Online", onlineUrl: "https://meet.example.org/mr" },
      }),
    },
    handler: (request) => request.ctx((ctx) => service.updateMeeting(ctx, request.params.id, request.body)),
  });

  app.post("/meetings/:id/cancel", {
    schema: {
      tags: ["governance"],
      summary: "Een vergadering afgelasten (wie de uitnodiging kreeg, krijgt een afzegging)",
      params: idParams,
      body: z.object({ version: z.number().int().positive() }).strict(),
      response: { 200: detailSchema },
    },
    config: {
      access: meetingPolicy.access("update"),
      example: async (x) => ({ params: await newMeeting(x), body: { version: 1 } }),
    },
    handler: (request) =>
      request.ctx(async (ctx) => {
        await service.cancelMeeting(ctx, request.params.id, request.body.version);
        await calendar.announceCancellation(ctx, request.params.id, publicUrl());
        return service.getMeeting(ctx, request.params.id);
      }),
  });

  app.post("/meetings/:id/agenda-items", {
    schema: {
      tags: ["governance"],
      summary: "Een agendapunt toevoegen (stuur agendaVersion mee: wie tegelijk bouwt, krijgt 409)",
      params: idParams,
      body: z.object({ agendaVersion, ...itemFields }).strict(),
      response: { 201: detailSchema },
    },
    config: {
      access: meetingPolicy.access("update"),
      example: async (x) => ({
        params: await newMeeting(x),
        body: { agendaVersion: 1, title: "Regioplan 2027", kind: "decision", minutesAllotted: 30 },
      }),
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await request.ctx((ctx) => service.addAgendaItem(ctx, request.params.id, request.body))),
  });

  app.patch("/agenda-items/:id", {
    schema: {
      tags: ["governance"],
      summary: "Een agendapunt wijzigen (stuur agendaVersion mee)",
      params: idParams,
      body: z
        .object({
          agendaVersion,
          title: itemFields.title.optional(),
          kind: itemFields.kind.optional(),
          description: itemFields.description,
          presenterPersonId: itemFields.presenterPersonId,
          minutesAllotted: itemFields.minutesAllotted,
          confidential: itemFields.confidential,
        })
        .strict(),
      response: { 200: detailSchema },
    },
    config: {
      access: meetingPolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("agendaItem") },
        body: { agendaVersion: 1, confidential: true },
      }),
    },
    handler: (request) =>
      request.ctx((ctx) => service.updateAgendaItem(ctx, request.params.id, request.body)),
  });

  app.delete("/agenda-items/:id", {
    schema: {
      tags: ["governance"],
      summary: "Een agendapunt schrappen (agendaVersion in de query)",
      params: idParams,
      querystring: z.object({ agendaVersion: z.coerce.number().int().positive() }).strict(),
      response: { 200: detailSchema },
    },
    config: {
      access: meetingPolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("agendaItem") },
        query: { agendaVersion: "1" },
      }),
    },
    handler: (request) =>
      request.ctx((ctx) => service.removeAgendaItem(ctx, request.params.id, request.query.agendaVersion)),
  });

  app.put("/meetings/:id/agenda-order", {
    schema: {
      tags: ["governance"],
      summary: "De volgorde van de agenda vastleggen (elk agendapunt precies één keer)",
      params: idParams,
      body: z.object({ agendaVersion, itemIds: z.array(z.uuid()).max(200) }).strict(),
      response: { 200: detailSchema },
    },
    config: {
      access: meetingPolicy.access("update"),
      example: async (x) => ({ params: await newMeeting(x), body: { agendaVersion: 1, itemIds: [] } }),
    },
    handler: (request) => request.ctx((ctx) => service.reorderAgenda(ctx, request.params.id, request.body)),
  });

  app.put("/meetings/:id/attendance", {
    schema: {
      tags: ["governance"],
      summary: "Aanwezigheid vastleggen (aanwezig, afwezig, afgemeld); het antwoord geeft het quorum",
      params: idParams,
      body: z
        .object({
          items: z
            .array(z.object({ personId: z.uuid(), status: z.enum(ATTENDANCE_STATUSES) }).strict())
            .max(5000),
        })
        .strict(),
      response: { 200: detailSchema },
    },
    config: {
      access: meetingPolicy.access("attendance"),
      example: async (x) => ({ params: await newMeeting(x), body: { items: [] } }),
    },
    handler: (request) =>
      request.ctx((ctx) => service.recordAttendance(ctx, request.params.id, request.body.items)),
  });

  app.post("/meetings/:id/send", {
    schema: {
      tags: ["governance"],
      summary:
        "De agenda naar de leden mailen met een iCalendar-uitnodiging (opnieuw sturen: 'Gewijzigd', zelfde afspraak)",
      params: idParams,
      response: {
        200: z.object({ recipients: z.number().int(), withoutEmail: z.array(z.string()) }),
      },
    },
    config: {
      access: meetingPolicy.access("send"),
      example: async ({ create }) => ({ params: { id: await create("meetingWithMember") } }),
    },
    handler: (request) =>
      request.ctx((ctx) => calendar.sendMeeting(ctx, request.params.id, publicUrl(), app.deps.files)),
  });

  app.put("/meetings/:id/minutes", {
    schema: {
      tags: ["governance"],
      summary: "De notulen (Markdown) opslaan; stuur minutesVersion mee. Vastgestelde notulen: 409",
      params: idParams,
      body: z.object({ minutesVersion: z.number().int().positive(), text: z.string().max(100_000) }).strict(),
      response: { 200: detailSchema },
    },
    config: {
      access: meetingPolicy.access("minutes"),
      example: async (x) => ({
        params: await newMeeting(x),
        body: { minutesVersion: 1, text: "## Opening\n\nDe voorzitter opent de vergadering." },
      }),
    },
    handler: (request) => request.ctx((ctx) => service.saveMinutes(ctx, request.params.id, request.body)),
  });

  app.post("/meetings/:id/minutes/approve", {
    schema: {
      tags: ["governance"],
      summary: "De notulen vaststellen in een latere vergadering van hetzelfde orgaan; daarna liggen ze vast",
      params: idParams,
      body: z.object({ approvedInMeetingId: z.uuid() }).strict(),
      response: { 200: detailSchema },
    },
    config: {
      access: meetingPolicy.access("minutes"),
      // Needs minutes and a later meeting; meetings.test.ts approves real ones.
      example: async (x) => ({
        params: await newMeeting(x),
        body: { approvedInMeetingId: (await newMeeting(x)).id },
        expect: 422,
      }),
    },
    handler: (request) => request.ctx((ctx) => service.approveMinutes(ctx, request.params.id, request.body)),
  });

  for (const [kind, render, summary] of [
    [
      "agenda",
      (ctx: Ctx, id: string) => pdfs.agendaPdf(ctx, id, app.deps.files),
      "De agenda met de stukken als één PDF: tijd en plaats, de agendapunten met hun stukken en de leden, dan elk PDF-stuk",
    ],
    [
      "minutes",
      pdfs.minutesPdf,
      "De notulen als PDF: aanwezigheid en quorum, het verslag, de besluiten en de actiepunten",
    ],
  ] as const)
    app.get(`/meetings/:id/${kind}.pdf`, {
      schema: { tags: ["governance"], summary, params: idParams },
      config: {
        access: meetingPolicy.access("read"),
        example: async (x) => ({ params: await newMeeting(x) }),
      },
      handler: async (request, reply) => {
        const { meeting, pdf } = await request.ctx((ctx) => render(ctx, request.params.id));
        const name = `${kind === "agenda" ? "agenda" : "notulen"} ${meeting.bodyName} ${meeting.day}.pdf`;
        return reply.type("application/pdf").header("content-disposition", attachment(name)).send(pdf);
      },
    });

  // ── the personal iCalendar feed ──────────────────────────────────────────────────────────
  const feedSchema = z.object({ active: z.boolean(), createdAt: z.string().nullable() });
  const userOnly = <T>(fn: (ctx: Parameters<typeof calendar.feedStatus>[0]) => Promise<T>) =>
    ((ctx) => {
      if (!ctx.actor.userId) throw forbidden();
      return fn(ctx);
    }) as typeof fn;

  app.get("/me/calendar-feed", {
    schema: {
      tags: ["governance"],
      summary: "Of ik een agenda-abonnement heb",
      response: { 200: feedSchema },
    },
    config: { access: SELF },
    handler: (request) => request.ctx(userOnly(calendar.feedStatus)),
  });

  app.post("/me/calendar-feed", {
    schema: {
      tags: ["governance"],
      summary:
        "Een (nieuwe) geheime agenda-URL maken met mijn vergaderingen; een eerdere URL werkt daarna niet meer",
      response: { 200: z.object({ url: z.string() }) },
    },
    config: { access: SELF, example: () => ({}) },
    handler: (request) => request.ctx(userOnly((ctx) => calendar.resetFeed(ctx, publicUrl()))),
  });

  app.delete("/me/calendar-feed", {
    schema: { tags: ["governance"], summary: "Mijn agenda-abonnement opheffen", response: { 204: z.null() } },
    config: { access: SELF, example: () => ({ expect: 204 }) },
    handler: async (request, reply) => {
      await request.ctx(userOnly(calendar.removeFeed));
      return reply.code(204).send(null);
    },
  });

  app.get("/calendar/:token", {
    schema: {
      tags: ["governance"],
      summary:
        "Een persoonlijke agenda (iCalendar) achter een geheime URL, voor agenda-apps; zonder inloggen",
      params: z.object({ token: z.string().regex(/^cal_[\w-]{43}\.ics$/) }).strict(),
    },
    config: {
      access: PUBLIC,
      rateLimit: { max: 120, timeWindow: "1 minute" },
      example: () => ({ params: { token: `cal_${"x".repeat(43)}.ics` }, expect: 404 }),
    },
    handler: async (request, reply) => {
      const feed = await calendar.feedFor(
        app.deps.database.db,
        request.params.token.replace(/\.ics$/, ""),
        publicUrl(),
      );
      if (feed === null) throw notFound();
      return reply
        .type("text/calendar; charset=utf-8")
        .header("cache-control", "private, max-age=300")
        .send(feed);
    },
  });
};
