import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { World } from "../../tests/support/world.js";

let world: World;
beforeAll(async () => {
  world = await World.create();
});
afterAll(() => world.close());

describe("security headers", () => {
  it("go with every answer: success, refusal and not found", async () => {
    const admin = await world.as("a", "beheerder");
    const answers = [
      await world.inject(admin, { method: "GET", url: "/api/v1/users?limit=1" }),
      await world.inject(null, { method: "GET", url: "/api/v1/users" }),
      await world.inject(null, { method: "GET", url: "/api/v1/nothing-here" }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 401, 404]);
    for (const { headers } of answers) {
      const csp = String(headers["content-security-policy"]);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(headers["referrer-policy"]).toBe("no-referrer");
      // Served over http in tests: no HSTS, which would lock browsers out of a plain-http install.
      expect(headers["strict-transport-security"]).toBeUndefined();
    }
  });
});
