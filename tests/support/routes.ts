import type { RouteOptions } from "fastify";
import type { RouteExample } from "../../src/server/platform/http.js";
import { type Caller, PASSWORD, type World } from "./world.js";

export const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
export const methodOf = (r: RouteOptions) => String(r.method);
export const label = (r: RouteOptions) => `${methodOf(r)} ${r.url}`;
export const hasParams = (r: RouteOptions) => r.url.includes(":");

/**
 * The route's own example input. Resources it asks for are made in `owner`'s region (normally the
 * caller's; another region's to test isolation).
 */
export async function exampleFor(world: World, route: RouteOptions, caller: Caller, owner: Caller = caller) {
  const make = route.config?.example;
  let created = false;
  const example: RouteExample = make
    ? await make({
        create: (type) => {
          created = true;
          return world.create(type, owner);
        },
        self: { userId: caller.userId, password: PASSWORD },
      })
    : {};
  return { example, usesResource: created };
}

export function urlFor(route: RouteOptions, params: Record<string, string> = {}) {
  return route.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? "missing"));
}

/** The request body: JSON, or multipart when the example gives `{ multipart: { name, base64 } }`. */
export function payloadFor(body: unknown): { payload?: string | Buffer; headers: Record<string, string> } {
  const multipart = (body as { multipart?: { name: string; base64: string } } | undefined)?.multipart;
  if (multipart) {
    const boundary = "----regiotafel-test";
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${multipart.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(multipart.base64, "base64"),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
  }
  if (body === undefined) return { headers: {} };
  return { payload: JSON.stringify(body), headers: { "content-type": "application/json" } };
}

export async function callWithExample(
  world: World,
  route: RouteOptions,
  caller: Caller | null,
  owner?: Caller,
) {
  const actor = caller ?? owner ?? (await world.as("a", "beheerder"));
  const { example, usesResource } = await exampleFor(world, route, actor, owner ?? actor);
  const response = await send(world, route, caller, example);
  return { response, example, usesResource };
}

/** Calls `route` with the given params, query and body (or a raw, possibly malformed, JSON text). */
export function send(
  world: World,
  route: RouteOptions,
  caller: Caller | null,
  input: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown; raw?: string },
) {
  const { payload, headers } =
    input.raw !== undefined
      ? { payload: input.raw, headers: { "content-type": "application/json" } }
      : payloadFor(input.body);
  return world.inject(caller, {
    method: methodOf(route) as "GET",
    url: urlFor(route, input.params),
    query: input.query,
    payload,
    headers,
  });
}

export const isProblem = (res: { headers: Record<string, unknown> }) =>
  String(res.headers["content-type"]).startsWith("application/problem+json");

/** Asserts the status the example expects (2xx when it names none). */
export function expectedStatus(example: RouteExample, status: number): boolean {
  if (example.expect === undefined) return status >= 200 && status < 300;
  return Array.isArray(example.expect) ? example.expect.includes(status) : example.expect === status;
}
