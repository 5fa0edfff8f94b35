import type { RouteOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allows } from "../../src/server/platform/policy.js";
import { ROLES } from "../../src/shared/roles.js";
import { callWithExample, expectedStatus, hasParams, isProblem, label } from "../support/routes.js";
import { World } from "../support/world.js";

// Walks every /api/v1 route the app registered (its own route table, so new routes are covered
// without editing this file) for every role, without a session, and against another region.
let world: World;
let routes: RouteOptions[];
beforeAll(async () => {
  world = await World.create();
  routes = world.app.routeTable;
});
afterAll(() => world?.close());

describe("authorisation matrix", () => {
  it("covers every API route, and every route with an id parameter has an example", () => {
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      if (hasParams(route))
        expect(route.config?.example, `${label(route)} needs an example`).toBeTypeOf("function");
    }
  });

  it("answers 401 problem+json without a session, except on public routes", async () => {
    for (const route of routes) {
      const { response, example } = await callWithExample(world, route, null);
      if (route.config!.access!.kind === "public") {
        expect(expectedStatus(example, response.statusCode), `${label(route)}: ${response.statusCode}`).toBe(
          true,
        );
      } else {
        expect(response.statusCode, label(route)).toBe(401);
        expect(isProblem(response), label(route)).toBe(true);
      }
    }
  });

  for (const role of ROLES) {
    it(`gives ${role} exactly what the policies allow`, async () => {
      for (const route of routes) {
        const caller = await world.as("a", role);
        const { response, example } = await callWithExample(world, route, caller);
        const where = `${label(route)} as ${role}: ${response.body.slice(0, 300)}`;
        if (allows(route.config!.access!, role)) {
          expect(expectedStatus(example, response.statusCode), `${response.statusCode} ${where}`).toBe(true);
        } else {
          expect(response.statusCode, where).toBe(403);
          expect(isProblem(response), where).toBe(true);
        }
      }
    });
  }

  it("answers 404 for another region's resources, to every role that may act on its own", async () => {
    let checked = 0;
    for (const route of routes) {
      for (const role of ROLES) {
        if (!allows(route.config!.access!, role)) continue;
        const caller = await world.as("a", role);
        const foreignOwner = await world.as("b", "beheerder");
        const { response, usesResource } = await callWithExample(world, route, caller, foreignOwner);
        if (!usesResource) continue;
        checked++;
        expect(
          response.statusCode,
          `${label(route)} as ${role} on region b: ${response.body.slice(0, 200)}`,
        ).toBe(404);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
