import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CBS_CODE } from "../../../shared/identifiers.js";
import { ACTION_STATUSES } from "../../../shared/plan.js";
import { invalidField } from "../../platform/errors.js";
import { attachment, type Column, EXPORT_LIMIT, sendExport } from "../../platform/export.js";
import { TINY_PDF } from "../../platform/files.js";
import { listQuerySchema, pageSchema } from "../../platform/pagination.js";
import { idParams, optionalText } from "../network/fields.js";
import * as service from "./actions-service.js";
import { actionPolicy } from "./policy.js";

const version = z.number().int().positive();
const named = z.object({ id: z.uuid(), name: z.string() });
const wijkCode = z.string().regex(CBS_CODE.wijk, "field.cbsWijk");

export const actionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  priority: named.nullable(),
  project: named.nullable(),
  ownerOrganisation: named.nullable(),
  ownerPerson: named.nullable(),
  dueDate: z.string(),
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean(),
  wijk: z.object({ code: z.string(), name: z.string() }).nullable(),
  waitingFor: z.number().int(),
  commentCount: z.number().int(),
  mine: z.boolean(),
  leading: z.boolean(),
  version: z.number().int(),
});
const linkedAction = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(ACTION_STATUSES),
  dueDate: z.string(),
});
const detailSchema = actionSchema.extend({ dependsOn: z.array(linkedAction), blocks: z.array(linkedAction) });
const fields = {
  priorityId: z.uuid().nullable().optional(),
  projectId: z.uuid().nullable().optional(),
  title: z.string().trim().min(1).max(300),
  description: optionalText(8000),
  ownerOrganisationId: z.uuid().nullable().optional(),
  ownerPersonId: z.uuid().nullable().optional(),
  dueDate: z.iso.date(),
  status: z.enum(ACTION_STATUSES).optional(),
  wijkCode: wijkCode.nullable().optional(),
  dependsOnIds: z.array(z.uuid()).max(50).optional(),
};
const flag = z.enum(["true", "false"]).optional();
const filter = z.object({
  priorityId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  open: flag,
  overdue: flag,
  ownerPersonId: z.uuid().optional(),
  ownerOrganisationId: z.uuid().optional(),
  wijkCode: wijkCode.optional(),
  mine: flag,
  myWijken: flag,
});
const filterOf = ({ open, overdue, mine, myWijken, ...rest }: z.infer<typeof filter>) => ({
  ...rest,
  open: open === "true",
  overdue: overdue === "true",
  mine: mine === "true",
  myWijken: myWijken === "true",
});

const STATUS_WORDS = { open: "Open", in_progress: "Bezig", done: "Klaar", cancelled: "Vervallen" } as const;
const columns: Column<service.Action>[] = [
  { header: "Actie", value: (a) => a.title, width: 44 },
  { header: "Speerpunt", value: (a) => a.priority?.name ?? null, width: 28 },
  { header: "Project", value: (a) => a.project?.name ?? null, width: 28 },
  { header: "Eigenaar (organisatie)", value: (a) => a.ownerOrganisation?.name ?? null, width: 30 },
  { header: "Eigenaar (persoon)", value: (a) => a.ownerPerson?.name ?? null, width: 24 },
  { header: "Uiterlijk", value: (a) => a.dueDate, width: 12 },
  { header: "Status", value: (a) => STATUS_WORDS[a.status], width: 10 },
  { header: "Over de datum", value: (a) => (a.overdue ? "ja" : "nee"), width: 8 },
  { header: "Wijk", value: (a) => a.wijk?.name ?? null, width: 24 },
];

export const actionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/actions", {
    schema: {
      tags: ["regioplan"],
      summary:
        "Acties (wie doet wat) op datum; mine=true voor 'mijn acties', myWijken=true voor de acties in de wijken van uw WSV, en filters op speerpunt, project, eigenaar, status en wijk",
      querystring: listQuerySchema
        .extend({ ...filter.shape, sort: z.enum(["due", "-due"]).optional() })
        .strict(),
      response: { 200: pageSchema(actionSchema) },
    },
    config: { access: actionPolicy.access("list") },
    handler: (request) =>
      request.ctx((ctx) => service.listActions(ctx, { ...request.query, ...filterOf(request.query) })),
  });

  app.get("/actions/export", {
    schema: {
      tags: ["regioplan"],
      summary: "De actielijst exporteren (CSV of xlsx), met dezelfde filters",
      querystring: filter
        .extend({ q: z.string().trim().max(200).optional(), format: z.enum(["csv", "xlsx"]).default("csv") })
        .strict(),
    },
    config: { access: actionPolicy.access("list") },
    handler: async (request, reply) => {
      const { format, q, ...rest } = request.query;
      const { items } = await request.ctx((ctx) =>
        service.listActions(ctx, { q, ...filterOf(rest), limit: EXPORT_LIMIT }),
      );
      return sendExport(reply, { format, baseName: "acties", sheetName: "Acties", rows: items, columns });
    },
  });

  app.post("/actions", {
    schema: {
      tags: ["regioplan"],
      summary:
        "Een actie toevoegen aan een speerpunt of project: wat, wie (organisatie en/of persoon, ook van een partner), wanneer, en waarop ze wacht",
      body: z.object(fields).strict(),
      response: { 201: detailSchema },
    },
    config: {
      access: actionPolicy.access("create"),
      example: async ({ create }) => ({
        body: {
          priorityId: await create("priority"),
          title: "Schuldhulp bespreekbaar maken in de huisartsenpraktijk",
          ownerOrganisationId: await create("organisation"),
          ownerPersonId: await create("person"),
          dueDate: "2027-04-01",
        },
        // A projectleider adds actions only to projects they lead.
        expect: [201, 403],
      }),
    },
    handler: async (request, reply) =>
      reply.code(201).send(await request.ctx((ctx) => service.createAction(ctx, request.body))),
  });

  app.get("/actions/:id", {
    schema: {
      tags: ["regioplan"],
      summary: "Eén actie, met de acties waarop ze wacht en die op haar wachten",
      params: idParams,
      response: { 200: detailSchema },
    },
    config: {
      access: actionPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("action") } }),
    },
    handler: (request) => request.ctx((ctx) => service.getAction(ctx, request.params.id)),
  });

  app.patch("/actions/:id", {
    schema: {
      tags: ["regioplan"],
      summary:
        "Een actie wijzigen; wie haar uitvoert, werkt de status bij; klaar kan pas als waarop ze wacht klaar is",
      params: idParams,
      body: z
        .object({ version, ...fields, title: fields.title.optional(), dueDate: fields.dueDate.optional() })
        .strict(),
      response: { 200: detailSchema },
    },
    config: {
      access: actionPolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("action") },
        body: { version: 1, status: "in_progress" },
        // Only the bureau, the project's leader and the owner person change an action.
        expect: [200, 403],
      }),
    },
    handler: (request) => request.ctx((ctx) => service.updateAction(ctx, request.params.id, request.body)),
  });

  app.get("/actions/:id/comments", {
    schema: {
      tags: ["regioplan"],
      summary: "De opmerkingen bij een actie, oudste eerst",
      params: idParams,
      response: {
        200: z.object({
          items: z.array(
            z.object({ id: z.uuid(), body: z.string(), authorName: z.string(), createdAt: z.string() }),
          ),
        }),
      },
    },
    config: {
      access: actionPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("action") } }),
    },
    handler: (request) => request.ctx((ctx) => service.listComments(ctx, request.params.id)),
  });

  app.post("/actions/:id/comments", {
    schema: {
      tags: ["regioplan"],
      summary: "Een opmerking plaatsen bij een actie",
      params: idParams,
      body: z.object({ body: z.string().trim().min(1).max(4000) }).strict(),
      response: {
        201: z.object({ id: z.uuid(), body: z.string(), authorName: z.string(), createdAt: z.string() }),
      },
    },
    config: {
      access: actionPolicy.access("comment"),
      example: async ({ create }) => ({
        params: { id: await create("action") },
        body: { body: "De gemeente levert de folders in week 12" },
      }),
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await request.ctx((ctx) => service.addComment(ctx, request.params.id, request.body.body))),
  });

  const attachmentSchema = z.object({
    id: z.uuid(),
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    createdAt: z.string(),
  });

  app.get("/actions/:id/attachments", {
    schema: {
      tags: ["regioplan"],
      summary: "De bijlagen van een actie",
      params: idParams,
      response: { 200: z.object({ items: z.array(attachmentSchema) }) },
    },
    config: {
      access: actionPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("action") } }),
    },
    handler: (request) => request.ctx((ctx) => service.listAttachments(ctx, request.params.id)),
  });

  app.post("/actions/:id/attachments", {
    schema: {
      tags: ["regioplan"],
      summary:
        "Een bijlage toevoegen aan een actie (PDF, Word, Excel, PNG, JPEG, CSV of tekst; multipart veld 'file')",
      params: idParams,
      consumes: ["multipart/form-data"],
      response: { 201: attachmentSchema },
    },
    config: {
      access: actionPolicy.access("comment"),
      example: async ({ create }) => ({
        params: { id: await create("action") },
        body: { multipart: { name: "plan.pdf", base64: TINY_PDF } },
      }),
    },
    handler: async (request, reply) => {
      const part = request.isMultipart() ? await request.file() : undefined;
      if (!part) throw invalidField("file", "problem.badRequest", 400);
      const data = await part.toBuffer();
      const stored = await request.ctx((ctx) =>
        service.addAttachment(ctx, app.deps.files, request.params.id, { name: part.filename, data }),
      );
      return reply.code(201).send(stored);
    },
  });

  app.get("/actions/:id/attachments/:fileId", {
    schema: {
      tags: ["regioplan"],
      summary: "Een bijlage van een actie downloaden",
      params: z.object({ id: z.uuid(), fileId: z.uuid() }).strict(),
    },
    // 404 for a file that is not this action's; actions.test.ts uploads and downloads one.
    config: {
      access: actionPolicy.access("read"),
      example: async ({ create }) => ({
        params: { id: await create("action"), fileId: crypto.randomUUID() },
        expect: 404,
      }),
    },
    handler: async (request, reply) => {
      const file = await request.ctx((ctx) =>
        service.getAttachment(ctx, app.deps.files, request.params.id, request.params.fileId),
      );
      return reply
        .type(file.meta.contentType)
        .header("content-disposition", attachment(file.meta.name))
        .header("x-content-type-options", "nosniff")
        .send(file.data);
    },
  });
};
