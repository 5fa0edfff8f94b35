import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ROLES } from "../../../shared/roles.js";
import { SESSION_COOKIE } from "../../platform/auth.js";
import { listQuerySchema, pageSchema } from "../../platform/pagination.js";
import { PUBLIC, permissionsOf, SELF } from "../../platform/policy.js";
import { regionName } from "../regions/service.js";
import * as auth from "./auth-service.js";
import { userPolicy } from "./policy.js";
import { presentUser, userSchema } from "./presenters.js";
import * as service from "./users-service.js";

const password = z.string().min(10, { message: "field.passwordTooWeak" }).max(200);
const email = z.email().max(254);
const ok = z.object({ ok: z.literal(true) });
const sessionSchema = z.object({
  user: userSchema,
  csrfToken: z.string(),
  permissions: z.record(z.string(), z.boolean()),
});
const idParams = z.object({ id: z.uuid() });
/** The body of both e-mailed-link routes (accept invitation, confirm reset). */
const tokenAndPassword = z.object({ token: z.string().min(10).max(200), password }).strict();
// An unknown token: the generated suites see the refusal; accounts.test.ts follows real links.
const unknownTokenExample = () => ({
  body: { token: "0123456789abcdef", password: "lang-genoeg-wachtwoord" },
  expect: 400,
});

function sessionMeta(request: FastifyRequest) {
  const config = request.server.deps.config;
  return {
    hours: config.SESSION_HOURS,
    userAgent: request.headers["user-agent"],
    ip: request.ip,
    requestId: String(request.id),
  };
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, s: auth.NewSession) {
  reply.setCookie(SESSION_COOKIE, s.token, {
    httpOnly: true,
    sameSite: "lax",
    secure: request.server.deps.config.publicUrl.startsWith("https:"),
    path: "/",
    expires: s.expiresAt,
  });
  return { user: s.user, csrfToken: s.csrfToken, permissions: permissionsOf(s.user.role) };
}

export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, config } = app.deps;
  const db = database.db;
  // 10 tries a minute per address and account: a bureau behind one office IP is not locked out
  // together, while guessing one account's password stays slow (and locks it after 5 failures).
  // Counted after validation (preHandler), so the e-mail in the body is known.
  const loginLimit = {
    rateLimit: {
      max: 10,
      timeWindow: "1 minute",
      hook: "preHandler" as const,
      keyGenerator: (request: FastifyRequest) => {
        const email = (request.body as { email?: unknown } | undefined)?.email;
        return typeof email === "string" ? `${request.ip}:${email.toLowerCase()}` : request.ip;
      },
    },
  };

  // ── login and e-mailed links (no session yet) ─────────────────────────────────────────────
  app.post("/auth/login", {
    schema: {
      tags: ["auth"],
      summary: "Inloggen met e-mail en wachtwoord (en TOTP-code als die aan staat)",
      body: z
        .object({ email, password: z.string().min(1).max(200), totp: z.string().max(10).optional() })
        .strict(),
      response: { 200: sessionSchema },
    },
    config: {
      access: PUBLIC,
      ...loginLimit,
      example: () => ({ body: { email: "nobody@example.org", password: "x" }, expect: 401 }),
    },
    handler: async (request, reply) =>
      setSessionCookie(request, reply, await auth.login(db, request.body, sessionMeta(request))),
  });

  app.post("/auth/invitations/accept", {
    schema: {
      tags: ["auth"],
      summary: "Uitnodiging aannemen en een wachtwoord kiezen",
      body: tokenAndPassword,
      response: { 200: sessionSchema },
    },
    config: {
      access: PUBLIC,
      ...loginLimit,
      example: unknownTokenExample,
    },
    handler: async (request, reply) =>
      setSessionCookie(request, reply, await auth.acceptInvitation(db, request.body, sessionMeta(request))),
  });

  app.post("/auth/password-reset", {
    schema: {
      tags: ["auth"],
      summary: "Een link om het wachtwoord opnieuw in te stellen laten mailen",
      body: z.object({ email }).strict(),
      response: { 202: ok },
    },
    config: { access: PUBLIC, ...loginLimit, example: () => ({ body: { email: "nobody@example.org" } }) },
    handler: async (request, reply) => {
      await auth.requestPasswordReset(db, request.body.email, config.publicUrl, String(request.id));
      void app.deps.mail?.kick();
      return reply.code(202).send({ ok: true });
    },
  });

  app.post("/auth/password-reset/confirm", {
    schema: {
      tags: ["auth"],
      summary: "Nieuw wachtwoord instellen met de gemailde link",
      body: tokenAndPassword,
      response: { 200: ok },
    },
    config: {
      access: PUBLIC,
      ...loginLimit,
      example: unknownTokenExample,
    },
    handler: async (request) => {
      await auth.confirmPasswordReset(db, request.body, String(request.id));
      return { ok: true as const };
    },
  });

  // ── own account ────────────────────────────────────────────────────────────────────────────
  app.get("/auth/session", {
    schema: { tags: ["auth"], summary: "Wie ben ik", response: { 200: sessionSchema } },
    config: { access: SELF },
    handler: async (request) => {
      const user = await request.ctx(auth.getMe);
      return {
        user: presentUser(user),
        csrfToken: request.csrfToken ?? "",
        permissions: permissionsOf(user.role),
      };
    },
  });

  app.post("/auth/logout", {
    schema: { tags: ["auth"], summary: "Uitloggen", response: { 200: ok } },
    config: { access: SELF, example: () => ({}) },
    handler: async (request, reply) => {
      await request.ctx(auth.logout);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  });

  app.patch("/me", {
    schema: {
      tags: ["profile"],
      summary: "Eigen naam en taal wijzigen",
      body: z
        .object({
          name: z.string().trim().min(1).max(200).optional(),
          language: z.enum(["nl", "en"]).optional(),
        })
        .strict(),
      response: { 200: userSchema },
    },
    config: { access: SELF, example: () => ({ body: { language: "en" } }) },
    handler: (request) => request.ctx((ctx) => auth.updateProfile(ctx, request.body)),
  });

  app.post("/me/password", {
    schema: {
      tags: ["profile"],
      summary: "Eigen wachtwoord wijzigen (andere sessies worden beëindigd)",
      body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: password }).strict(),
      response: { 200: ok },
    },
    config: {
      access: SELF,
      example: ({ self }) => ({
        body: { currentPassword: self.password, newPassword: "een-nieuw-wachtwoord-1" },
      }),
    },
    handler: async (request) => {
      await request.ctx((ctx) => auth.changePassword(ctx, request.body));
      return { ok: true as const };
    },
  });

  app.get("/me/sessions", {
    schema: {
      tags: ["profile"],
      summary: "Eigen sessies",
      response: {
        200: z.object({
          items: z.array(
            z.object({
              id: z.string(),
              current: z.boolean(),
              userAgent: z.string().nullable(),
              ip: z.string().nullable(),
              createdAt: z.string(),
              lastSeenAt: z.string(),
              expiresAt: z.string(),
            }),
          ),
        }),
      },
    },
    config: { access: SELF },
    handler: async (request) => ({ items: await request.ctx(auth.listSessions) }),
  });

  app.delete("/me/sessions/:id", {
    schema: {
      tags: ["profile"],
      summary: "Een eigen sessie beëindigen",
      params: z.object({ id: z.string().regex(/^[0-9a-f]{16}$/) }),
      response: { 200: ok },
    },
    config: { access: SELF, example: () => ({ params: { id: "0000000000000000" }, expect: 404 }) },
    handler: async (request) => {
      await request.ctx((ctx) => auth.endSession(ctx, request.params.id));
      return { ok: true as const };
    },
  });

  app.post("/me/totp", {
    schema: {
      tags: ["profile"],
      summary: "Tweestapsverificatie (TOTP) instellen: nieuw geheim",
      response: { 200: z.object({ secret: z.string(), uri: z.string() }) },
    },
    config: { access: SELF, example: () => ({}) },
    handler: (request) => request.ctx(auth.startTotp),
  });

  app.post("/me/totp/enable", {
    schema: {
      tags: ["profile"],
      summary: "Tweestapsverificatie aanzetten met een code",
      body: z.object({ code: z.string().regex(/^\d{6}$/) }).strict(),
      response: { 200: ok },
    },
    config: { access: SELF, example: () => ({ body: { code: "000000" }, expect: 422 }) },
    handler: async (request) => {
      await request.ctx((ctx) => auth.enableTotp(ctx, request.body.code));
      return { ok: true as const };
    },
  });

  app.post("/me/totp/disable", {
    schema: {
      tags: ["profile"],
      summary: "Tweestapsverificatie uitzetten",
      body: z.object({ password: z.string().min(1).max(200) }).strict(),
      response: { 200: ok },
    },
    config: { access: SELF, example: ({ self }) => ({ body: { password: self.password } }) },
    handler: async (request) => {
      await request.ctx((ctx) => auth.disableTotp(ctx, request.body.password));
      return { ok: true as const };
    },
  });

  const tokenSchema = z.object({
    id: z.uuid(),
    name: z.string(),
    role: z.enum(ROLES),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  });

  app.get("/me/tokens", {
    schema: {
      tags: ["profile"],
      summary: "Eigen API-tokens",
      response: { 200: z.object({ items: z.array(tokenSchema) }) },
    },
    config: { access: SELF },
    handler: async (request) => ({ items: await request.ctx(auth.listOwnTokens) }),
  });

  app.post("/me/tokens", {
    schema: {
      tags: ["profile"],
      summary: "API-token aanmaken (de waarde wordt één keer getoond)",
      body: z
        .object({
          name: z.string().trim().min(1).max(100),
          expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
        })
        .strict(),
      response: { 201: tokenSchema.extend({ token: z.string() }) },
    },
    config: { access: SELF, example: () => ({ body: { name: "Rapportage-script" } }) },
    handler: async (request, reply) =>
      reply.code(201).send(await request.ctx((ctx) => auth.createOwnToken(ctx, request.body))),
  });

  app.delete("/me/tokens/:id", {
    schema: {
      tags: ["profile"],
      summary: "API-token intrekken",
      params: idParams,
      response: { 200: tokenSchema },
    },
    config: {
      access: SELF,
      example: async ({ create }) => ({ params: { id: await create("ownApiToken") } }),
    },
    handler: (request) => request.ctx((ctx) => auth.revokeOwnToken(ctx, request.params.id)),
  });

  // ── accounts of the region (beheerder) ────────────────────────────────────────────────────
  app.get("/users", {
    schema: {
      tags: ["users"],
      summary: "Accounts van de regio",
      querystring: listQuerySchema
        .extend({
          role: z.enum(ROLES).optional(),
          status: z.enum(["invited", "active", "deactivated"]).optional(),
          sort: z.enum(["name", "-name", "email", "-email", "createdAt", "-createdAt"]).optional(),
        })
        .strict(),
      response: { 200: pageSchema(userSchema) },
    },
    config: { access: userPolicy.access("list") },
    handler: (request) => request.ctx((ctx) => service.listUsers(ctx, request.query)),
  });

  app.post("/users", {
    schema: {
      tags: ["users"],
      summary: "Iemand uitnodigen (er gaat een e-mail met een link)",
      body: z.object({ email, name: z.string().trim().min(1).max(200), role: z.enum(ROLES) }).strict(),
      response: { 201: userSchema },
    },
    config: {
      access: userPolicy.access("invite"),
      example: () => ({
        body: { email: `nieuw-${crypto.randomUUID()}@example.org`, name: "Nieuwe Collega", role: "lid" },
      }),
    },
    handler: async (request, reply) => {
      const user = await request.ctx(async (ctx) =>
        service.inviteUser(ctx, request.body, config.publicUrl, await regionName(ctx)),
      );
      void app.deps.mail?.kick();
      return reply.code(201).send(user);
    },
  });

  app.get("/users/:id", {
    schema: { tags: ["users"], summary: "Eén account", params: idParams, response: { 200: userSchema } },
    config: {
      access: userPolicy.access("read"),
      example: async ({ create }) => ({ params: { id: await create("user") } }),
    },
    handler: async (request) =>
      presentUser(await request.ctx((ctx) => service.getUser(ctx, request.params.id))),
  });

  app.patch("/users/:id", {
    schema: {
      tags: ["users"],
      summary: "Naam, rol of status (actief/gedeactiveerd) van een account wijzigen",
      params: idParams,
      body: z
        .object({
          version: z.number().int().positive(),
          name: z.string().trim().min(1).max(200).optional(),
          role: z.enum(ROLES).optional(),
          status: z.enum(["active", "deactivated"]).optional(),
        })
        .strict(),
      response: { 200: userSchema },
    },
    config: {
      access: userPolicy.access("update"),
      example: async ({ create }) => ({
        params: { id: await create("user") },
        body: { version: 1, role: "medewerker" },
      }),
    },
    handler: (request) => request.ctx((ctx) => service.updateUser(ctx, request.params.id, request.body)),
  });

  app.post("/users/:id/invitation", {
    schema: {
      tags: ["users"],
      summary: "Uitnodiging opnieuw sturen",
      params: idParams,
      response: { 202: ok },
    },
    config: {
      access: userPolicy.access("invite"),
      example: async ({ create }) => ({ params: { id: await create("invitedUser") } }),
    },
    handler: async (request, reply) => {
      await request.ctx(async (ctx) =>
        service.resendInvitation(ctx, request.params.id, config.publicUrl, await regionName(ctx)),
      );
      void app.deps.mail?.kick();
      return reply.code(202).send({ ok: true });
    },
  });
};
