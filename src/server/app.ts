import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { sql } from "drizzle-orm";
import Fastify, { type FastifyInstance, LogController, type RouteOptions } from "fastify";
import { jsonSchemaTransform, validatorCompiler } from "fastify-type-provider-zod";
import helmet from "helmet";
import { modules } from "./modules/index.js";
import { resolveActor, SESSION_COOKIE } from "./platform/auth.js";
import { keepCallers } from "./platform/caller-cache.js";
import type { Config } from "./platform/config.js";
import { withCtx } from "./platform/context.js";
import type { Database } from "./platform/db.js";
import { problemHandler, sendProblem } from "./platform/error-handler.js";
import { forbidden, Problem, unauthorized } from "./platform/errors.js";
import type { FileStore } from "./platform/files.js";
import "./platform/http.js";
import { langFrom } from "./platform/i18n.js";
import type { MailWorker } from "./platform/mail.js";
import { fromRoot } from "./platform/paths.js";
import { type Access, allows } from "./platform/policy.js";
import { responseSerializer } from "./platform/serializer.js";

export interface AppDeps {
  database: Database;
  config: Config;
  files: FileStore;
  mail?: MailWorker;
}

declare module "fastify" {
  interface FastifyInstance {
    deps: AppDeps;
    /** Every /api/v1 route with what it needs: read by the generated test suites. */
    routeTable: RouteOptions[];
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const webDist = fromRoot("dist/web");

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger:
      config.LOG_LEVEL === "silent"
        ? false
        : {
            level: config.LOG_LEVEL,
            // Credentials never reach the log.
            redact: ["req.headers.authorization", "req.headers.cookie", "req.headers['x-csrf-token']"],
          },
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    // One access-log line per request (onResponse below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: true,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { strict: false } },
    // Errors the router raises before any route runs (too long a parameter, bad URL encoding).
    frameworkErrors: (error, request, reply) => problemHandler(error, request, reply),
  });
  // Callers a read may skip looking up, forgotten on every change (docs/decisions/0008).
  const callers = await keepCallers(deps.database, config.DATABASE_LISTEN_URL);
  app.addHook("onClose", async () => callers?.close());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(config.RESPONSE_CHECK === "1"));
  app.decorate("deps", deps);
  app.decorate("routeTable", [] as RouteOptions[]);
  app.decorateRequest("actor", null);
  app.decorateRequest("lang", "nl");
  app.decorateRequest("csrfToken", undefined);
  app.decorateRequest("transaction", undefined);
  app.decorateRequest("ctx", function (this: import("fastify").FastifyRequest, fn) {
    if (!this.actor) throw unauthorized();
    const meta = { lang: this.lang, requestId: String(this.id) };
    // The first call takes the read the caller's lookup already opened; a later one begins a transaction.
    const begun = this.transaction;
    this.transaction = undefined;
    if (begun) return begun.run((tx) => fn({ tx, actor: this.actor!, ...meta }));
    return withCtx(deps.database.db, this.actor, meta, fn);
  });
  /** A begun transaction that no handler took (refused, invalid, failed, or the caller left). */
  const closeUnused = async (request: import("fastify").FastifyRequest) => {
    const begun = request.transaction;
    request.transaction = undefined;
    await begun?.close();
  };
  app.addHook("onResponse", closeUnused);
  app.addHook("onRequestAbort", closeUnused);

  app.addHook("onResponse", async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      "request",
    );
  });

  // Deny by default: an API route that does not say who may call it is a programming error.
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/v1/") || route.method === "HEAD") return;
    if (!route.config?.access)
      throw new Error(`Route ${route.method} ${route.url} declares no access policy`);
    app.routeTable.push(route as RouteOptions);
  });

  // Security headers, built once: @fastify/helmet rebuilt helmet's middleware on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes its CSS variables into a <style> element; scripts stay strictly 'self'.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.publicUrl.startsWith("https:") ? [] : null,
      },
    },
    strictTransportSecurity: config.publicUrl.startsWith("https:"),
  });
  app.addHook("onRequest", (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (err) => done(err as Error | undefined)),
  );
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: config.UPLOAD_LIMIT_MB * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Regiotafel API", version: "1", description: "De API van Regiotafel. Zie docs/api.md." },
      components: {
        securitySchemes: {
          bearer: {
            type: "http",
            scheme: "bearer",
            description: "API-token (rt_…), aan te maken in uw profiel",
          },
          session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });

  app.addHook("onRequest", async (request) => {
    request.lang = langFrom(request.headers["accept-language"]);
    if (!request.url.startsWith("/api/v1/")) return;
    const auth = request.headers.authorization;
    const bearer = auth?.toLowerCase().startsWith("bearer ") ? auth.slice(7).trim() : undefined;
    // A read that only a signed-in caller may make is opened with the lookup, without a
    // transaction (docs/decisions/0007). Not for mutations, whose bodies may take long to arrive
    // and which need their transaction, nor for public routes, whose handlers open their own.
    const access: Access | undefined = request.routeOptions.config?.access;
    const read = request.method === "GET" && access !== undefined && access.kind !== "public";
    const resolved = await resolveActor(
      deps.database.db,
      { bearer, sessionToken: request.cookies[SESSION_COOKIE] },
      { read },
    );
    if (!resolved) return;
    request.actor = resolved.actor;
    request.csrfToken = resolved.csrfToken;
    request.transaction = resolved.transaction;
    // A cookie is sent by the browser on its own; a mutation must also prove it came from our page.
    if (resolved.actor.kind === "session" && !SAFE_METHODS.has(request.method)) {
      if (request.headers["x-csrf-token"] !== resolved.csrfToken) throw new Problem(403, "problem.csrf");
    }
  });

  app.addHook("preValidation", async (request) => {
    const access: Access | undefined = request.routeOptions.config?.access;
    if (!access || access.kind === "public") return;
    if (!request.actor) throw unauthorized();
    if (!allows(access, request.actor.role)) throw forbidden();
  });

  app.setErrorHandler(problemHandler);
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || !existsSync(webDist)) {
      return sendProblem(request, reply, new Problem(404, "problem.notFound"));
    }
    // The web app routes on the client: every other path gets its shell.
    return reply.type("text/html").sendFile("index.html");
  });

  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));
  app.get("/readyz", { schema: { hide: true } }, async (_req, reply) => {
    try {
      await deps.database.db.execute(sql`select 1`);
      return { status: "ready" };
    } catch {
      return reply.code(503).send({ status: "unavailable" });
    }
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  for (const mod of modules) await app.register(mod, { prefix: "/api/v1" });

  if (existsSync(webDist)) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      // Hashed assets never change; the shell must always be fresh.
      setHeaders: (res, path) =>
        res.setHeader(
          "cache-control",
          path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
        ),
    });
  }
  return app;
}
