import { randomUUID } from "node:crypto";
import type { FixtureMakers } from "../../platform/fixtures.js";
import { users } from "../../platform/identity-schema.js";
import { createApiToken } from "./auth-service.js";

const insertUser = async (
  tx: Parameters<FixtureMakers[string]>[0],
  regionId: string,
  status: "active" | "invited",
) => {
  const [u] = await tx
    .insert(users)
    .values({
      regionId,
      email: `fixture-${randomUUID()}@example.org`,
      name: "Fixture Persoon",
      role: "lid",
      status,
    })
    .returning({ id: users.id });
  return u!.id;
};

export const accountFixtures: FixtureMakers = {
  user: (tx, regionId) => insertUser(tx, regionId, "active"),
  invitedUser: (tx, regionId) => insertUser(tx, regionId, "invited"),
  ownApiToken: async (tx, regionId, self) =>
    (await createApiToken(tx, { regionId, userId: self.userId, name: "fixture", role: "lid" })).row.id,
};
