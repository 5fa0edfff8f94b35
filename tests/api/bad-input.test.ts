import type { RouteOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { allows } from "../../src/server/platform/policy.js";
import { ROLES } from "../../src/shared/roles.js";
import { exampleFor, isProblem, label, send } from "../support/routes.js";
import { type Caller, World } from "../support/world.js";

// For every /api/v1 route, generated invalid input must answer 4xx problem+json, never 5xx, and
// change no row. Routes are read from the app itself, so new routes are covered automatically.
let world: World;
beforeAll(async () => {
  world = await World.create();
});
afterAll(() => world?.close());

const SQL = "'; drop table users; --";
const HTML = '<script>alert("x")</script><img src=x onerror=alert(1)>';
const HUGE = "x".repeat(100_001);

interface Variant {
  name: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  raw?: string;
  /** Payloads that may legitimately be accepted as text: only "never 5xx" applies. */
  mayPass?: boolean;
}

function wrongType(value: unknown): unknown {
  if (typeof value === "string") return 12345;
  if (typeof value === "number") return "twaalf";
  if (typeof value === "boolean") return "ja";
  return "geen-object";
}

function variantsFor(
  route: RouteOptions,
  example: { params?: Record<string, string>; body?: unknown },
): Variant[] {
  const variants: Variant[] = [];
  const schema = route.schema as { body?: z.ZodObject; querystring?: z.ZodObject } | undefined;
  for (const name of Object.keys(example.params ?? {})) {
    for (const bad of ["niet-een-id", "1' OR '1'='1", "../../etc/passwd", "%00", "9".repeat(300)]) {
      variants.push({
        name: `param ${name}=${bad.slice(0, 20)}`,
        params: { ...example.params, [name]: bad },
      });
    }
  }
  if (schema?.querystring) {
    for (const [k, v] of Object.entries({
      limit: "-5",
      cursor: "@@not-a-cursor@@",
      onbekend: "1",
      sort: "nonsense",
    })) {
      if (k === "sort" && !("sort" in schema.querystring.shape)) continue;
      variants.push({ name: `query ${k}=${v}`, params: example.params, query: { [k]: v } });
    }
    variants.push({ name: "query limit=abc", params: example.params, query: { limit: "abc" } });
  }
  const body = example.body as Record<string, unknown> | undefined;
  if (schema?.body && body && !("multipart" in body)) {
    variants.push({ name: "malformed JSON", params: example.params, raw: '{"email": "a@b.nl",' });
    variants.push({ name: "array body", params: example.params, body: [] });
    variants.push({ name: "string body", params: example.params, body: "hallo" });
    variants.push({ name: "unknown field", params: example.params, body: { ...body, onbekendVeld: 1 } });
    for (const [key, value] of Object.entries(body)) {
      variants.push({
        name: `${key}: wrong type`,
        params: example.params,
        body: { ...body, [key]: wrongType(value) },
      });
      // Whether the body is still valid without the field: asked of the whole schema, so it also
      // holds for a union of bodies (one per status step, say).
      const { [key]: _, ...rest } = body;
      if (!schema.body.safeParse(rest).success)
        variants.push({ name: `${key}: missing`, params: example.params, body: rest });
      if (typeof value === "string") {
        variants.push({ name: `${key}: oversized`, params: example.params, body: { ...body, [key]: HUGE } });
        variants.push({
          name: `${key}: SQL`,
          params: example.params,
          body: { ...body, [key]: SQL },
          mayPass: true,
        });
        variants.push({
          name: `${key}: HTML`,
          params: example.params,
          body: { ...body, [key]: HTML },
          mayPass: true,
        });
      }
    }
  }
  return variants;
}

async function callerFor(route: RouteOptions): Promise<Caller | null> {
  const access = route.config!.access!;
  if (access.kind === "public") return null;
  const role = ROLES.find((r) => allows(access, r))!;
  return world.as("a", role);
}

describe("bad input", () => {
  it("never answers 5xx, answers 4xx problem+json and changes nothing", async () => {
    let tried = 0;
    for (const route of world.app.routeTable) {
      const caller = await callerFor(route);
      const actor = caller ?? (await world.as("a", "beheerder"));
      const { example } = await exampleFor(world, route, actor);
      for (const v of variantsFor(route, example)) {
        const before = await world.snapshot();
        const res = await send(world, route, caller, v);
        const where = `${label(route)} [${v.name}] → ${res.statusCode} ${res.body.slice(0, 200)}`;
        tried++;
        expect(res.statusCode, where).toBeLessThan(500);
        if (v.mayPass) continue;
        expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
        expect(isProblem(res), where).toBe(true);
        expect(await world.snapshot(), where).toEqual(before);
      }
    }
    expect(tried).toBeGreaterThan(100);
    // It walks every route of the API, so it grows with it.
  }, 300_000);

  it("names the invalid field in the request's language", async () => {
    const nl = await world.inject(null, {
      method: "POST",
      url: "/api/v1/auth/password-reset",
      payload: { email: "geen-adres" },
      remoteAddress: "127.0.0.3",
    });
    expect(nl.statusCode).toBe(400);
    expect(nl.json()).toMatchObject({
      status: 400,
      title: "Een of meer velden zijn ongeldig",
      errors: [{ field: "body.email" }],
    });
    const en = await world.inject(null, {
      method: "POST",
      url: "/api/v1/auth/password-reset",
      payload: { email: "not-an-address" },
      remoteAddress: "127.0.0.2",
      headers: { "accept-language": "en-GB,en;q=0.9" },
    });
    expect(en.json()).toMatchObject({
      title: "One or more fields are invalid",
      errors: [{ field: "body.email", message: "Invalid email address" }],
    });
  });
});
