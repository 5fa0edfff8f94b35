import type { FixtureMakers } from "../../platform/fixtures.js";
import { organisations, persons, workRelations } from "./schema.js";

const organisation: FixtureMakers[string] = async (tx, regionId) => {
  const [row] = await tx
    .insert(organisations)
    .values({ regionId, kind: "general_practice", name: "Fixture Praktijk" })
    .returning({ id: organisations.id });
  return row!.id;
};
// Visible to everyone who may read people, so the generated suites see it in every role.
const person: FixtureMakers[string] = async (tx, regionId) => {
  const [row] = await tx
    .insert(persons)
    .values({ regionId, givenName: "Fixture", familyName: "Persoon", visibility: "partners" })
    .returning({ id: persons.id });
  return row!.id;
};

export const networkFixtures: FixtureMakers = {
  organisation,
  person,
  workRelation: async (tx, regionId, self) => {
    const [row] = await tx
      .insert(workRelations)
      .values({
        regionId,
        personId: await person(tx, regionId, self),
        organisationId: await organisation(tx, regionId, self),
      })
      .returning({ id: workRelations.id });
    return row!.id;
  },
};
