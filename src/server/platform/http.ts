import type { Actor, Ctx } from "./context.js";
import type { OpenTransaction } from "./db.js";
import type { Lang } from "./i18n.js";
import type { Access } from "./policy.js";

/**
 * What the generated test suites need to call a route with valid input. `create(type)` makes a
 * fresh resource of that type in the caller's region (modules register the makers in their
 * `fixtures.ts`), so every call acts on its own target.
 */
export interface ExampleKit {
  create(type: string): Promise<string>;
  /** The acting user's id and password (for routes on one's own account). */
  self: { userId: string; password: string };
}
export interface RouteExample {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** The expected status when it is not 2xx, or the statuses that depend on earlier calls. */
  expect?: number | number[];
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
    /** Valid input for the generated suites; required on every mutating /api/v1 route. */
    example?: (kit: ExampleKit) => Promise<RouteExample> | RouteExample;
  }
  interface FastifyRequest {
    actor: Actor | null;
    lang: Lang;
    /** The session's CSRF token (cookie sessions only), echoed to the web app. */
    csrfToken?: string;
    /** The region-scoped transaction begun with the caller's lookup, until `ctx` takes it. */
    transaction?: OpenTransaction;
    /** Runs `fn` in a region-scoped transaction as the request's actor. */
    ctx<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T>;
  }
}
