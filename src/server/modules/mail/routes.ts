import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { files } from "../../platform/files-schema.js";
import { mailOutbox } from "../../platform/mail-schema.js";
import { keyset, listQuerySchema, pageSchema } from "../../platform/pagination.js";
import { definePolicy } from "../../platform/policy.js";

/** Mail the region sent or kept (no SMTP configured): beheerders read it here. */
export const mailPolicy = definePolicy("mail", { list: ["beheerder"] });

const mailSchema = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(["queued", "sent", "kept", "failed"]),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** The name of the file sent along (an agenda bundle), if any. */
  attachmentName: z.string().nullable(),
});

export const mailRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/mails", {
    schema: {
      tags: ["mail"],
      summary: "Verstuurde en bewaarde e-mails van de regio, nieuwste eerst",
      querystring: listQuerySchema.omit({ q: true }).strict(),
      response: { 200: pageSchema(mailSchema) },
    },
    config: { access: mailPolicy.access("list") },
    handler: (request) =>
      request.ctx(async (ctx) => {
        const { cursor, limit } = request.query;
        const page = keyset({
          sorts: { createdAt: [mailOutbox.createdAt, mailOutbox.id] },
          sort: "-createdAt",
          defaultSort: "-createdAt",
          cursor,
          limit,
        });
        const rows = await ctx.tx
          .select({ m: mailOutbox, attachmentName: files.name })
          .from(mailOutbox)
          .leftJoin(
            files,
            and(eq(files.regionId, mailOutbox.regionId), eq(files.id, mailOutbox.attachmentFileId)),
          )
          .where(and(eq(mailOutbox.regionId, ctx.actor.regionId), page.where))
          .orderBy(...page.orderBy)
          .limit(page.take);
        const { items, nextCursor } = page.page(rows, ({ m }) => [m.createdAt, m.id]);
        return {
          nextCursor,
          items: items.map(({ m, attachmentName }) => ({
            id: m.id,
            to: m.to,
            subject: m.subject,
            text: m.text,
            status: m.status,
            createdAt: m.createdAt.toISOString(),
            sentAt: m.sentAt?.toISOString() ?? null,
            attachmentName,
          })),
        };
      }),
  });
};
