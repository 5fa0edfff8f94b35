import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allows } from "../../src/server/platform/policy.js";
import { ROLES } from "../../src/shared/roles.js";
import { exampleFor, expectedStatus, label, MUTATING, methodOf, send } from "../support/routes.js";
import { World } from "../support/world.js";

// Every mutating route, exercised with its example, must leave audit rows whenever it changed
// anything, in the same transaction (so a 2xx without audit, or audit without change, fails).
let world: World;
beforeAll(async () => {
  world = await World.create();
});
afterAll(() => world?.close());

const auditCount = async () =>
  (await world.rows<{ n: number }>(sql`select count(*)::int as n from audit_log`))[0]!.n;

describe("audit coverage", () => {
  it("every mutating route declares an example, and every change it makes is audited", async () => {
    let audited = 0;
    for (const route of world.app.routeTable.filter((r) => MUTATING.has(methodOf(r)))) {
      expect(route.config?.example, `${label(route)} needs an example`).toBeTypeOf("function");
      const access = route.config!.access!;
      const role = ROLES.find((r) => allows(access, r))!;
      const caller = access.kind === "public" ? null : await world.as("a", role);
      const owner = caller ?? (await world.as("a", "beheerder"));
      // The example's fixture rows are made first, so only what the request changed counts.
      const { example } = await exampleFor(world, route, owner, owner);
      const before = await world.snapshot();
      const auditBefore = await auditCount();
      const response = await send(world, route, caller, example);
      const where = `${label(route)} → ${response.statusCode} ${response.body.slice(0, 200)}`;
      expect(expectedStatus(example, response.statusCode), where).toBe(true);
      const after = await world.snapshot();
      const changed = Object.keys(after).filter((t) => t !== "audit_log" && after[t] !== before[t]);
      const newAudit = (await auditCount()) - auditBefore;
      if (changed.length) {
        expect(newAudit, `${where} changed ${changed.join(", ")} without audit`).toBeGreaterThan(0);
        audited++;
      }
    }
    expect(audited).toBeGreaterThan(5);
  });
});
