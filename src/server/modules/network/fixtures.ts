import type { FixtureMakers } from "../../platform/fixtures.js";
import { memberships, organisations, persons, workRelations } from "./schema.js";

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

const membershipBody: FixtureMakers[string] = async (tx, regionId) => {
  const [row] = await tx
    .insert(organisations)
    .values({ regionId, kind: "neighbourhood_network", name: "Fixture WSV" })
    .returning({ id: organisations.id });
  return row!.id;
};

export const networkFixtures: FixtureMakers = {
  organisation,
  person,
  membershipBody,
  membership: async (tx, regionId, self) => {
    const [row] = await tx
      .insert(memberships)
      .values({
        regionId,
        organisationId: await membershipBody(tx, regionId, self),
        memberPersonId: await person(tx, regionId, self),
        startDate: "2025-01-01",
      })
      .returning({ id: memberships.id });
    return row!.id;
  },
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
