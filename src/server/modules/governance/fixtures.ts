import type { FixtureMakers } from "../../platform/fixtures.js";
import { persons } from "../network/schema.js";
import { bodies, seats, seatTerms } from "./schema.js";

const body: FixtureMakers[string] = async (tx, regionId) => {
  const [row] = await tx
    .insert(bodies)
    .values({ regionId, kind: "medical_council", name: "Fixture Medische raad" })
    .returning({ id: bodies.id });
  return row!.id;
};

const seat: FixtureMakers[string] = async (tx, regionId, self) => {
  const [row] = await tx
    .insert(seats)
    .values({ regionId, bodyId: await body(tx, regionId, self), role: "member", termYears: 3 })
    .returning({ id: seats.id });
  return row!.id;
};

export const governanceFixtures: FixtureMakers = {
  body,
  seat,
  /** A term on a fresh seat, held by a fresh person, from 2026. */
  seatTerm: async (tx, regionId, self) => {
    const [person] = await tx
      .insert(persons)
      .values({ regionId, givenName: "Fixture", familyName: "Zetelhouder", visibility: "partners" })
      .returning({ id: persons.id });
    const [row] = await tx
      .insert(seatTerms)
      .values({
        regionId,
        seatId: await seat(tx, regionId, self),
        personId: person!.id,
        startDate: "2026-01-01",
      })
      .returning({ id: seatTerms.id });
    return row!.id;
  },
};
