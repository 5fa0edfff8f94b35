import { randomInt } from "node:crypto";
import type { FixtureMakers } from "../../platform/fixtures.js";
import { areas } from "./areas-schema.js";
import { importRunItems, importRuns } from "./import-schema.js";
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

let nextWijk = randomInt(1_000_000);

export const networkFixtures: FixtureMakers = {
  organisation,
  /** A wijk with a code of its own (a counter, so two fixtures never share one); returns the code. */
  wijk: async (tx, regionId) => {
    const code = `WK${String(nextWijk++ % 1_000_000).padStart(6, "0")}`;
    await tx.insert(areas).values({
      regionId,
      code,
      kind: "wijk",
      name: "Fixture Wijk",
      municipalityCode: `GM${code.slice(2, 6)}`,
    });
    return code;
  },
  person,
  membershipBody,
  /** A finished import that created one organisation (so it can be undone). */
  importRun: async (tx, regionId, self) => {
    const [run] = await tx
      .insert(importRuns)
      .values({
        regionId,
        kind: "organisations",
        fileName: "fixture.csv",
        mode: "all",
        status: "imported",
        mapping: { name: "naam", kind: "soort" },
        totalRows: 1,
        processedRows: 1,
        importedRows: 1,
        createdBy: "Fixture",
      })
      .returning({ id: importRuns.id });
    await tx
      .insert(importRunItems)
      .values({ regionId, runId: run!.id, entityId: await organisation(tx, regionId, self) });
    return run!.id;
  },
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
