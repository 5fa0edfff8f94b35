import type { FixtureMakers } from "../../platform/fixtures.js";
import { organisations } from "./schema.js";

export const networkFixtures: FixtureMakers = {
  organisation: async (tx, regionId) => {
    const [row] = await tx
      .insert(organisations)
      .values({ regionId, kind: "general_practice", name: "Fixture Praktijk" })
      .returning({ id: organisations.id });
    return row!.id;
  },
};
