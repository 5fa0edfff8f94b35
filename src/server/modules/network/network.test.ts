import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, World } from "../../../../tests/support/world.js";

let world: World;
let staff: Caller;
beforeAll(async () => {
  world = await World.create();
  staff = await world.as("a", "medewerker");
});
afterAll(() => world?.close());

const post = async (url: string, payload: Record<string, unknown>) =>
  (await world.inject(staff, { method: "POST", url, payload })).json();

describe("network view and WSV profile", () => {
  it("profiles a WSV: practices, head counts and FTE per discipline, members, coordinator", async () => {
    const coop = await post("/api/v1/organisations", { kind: "cooperative", name: "Coöperatie" });
    const wsv = await post("/api/v1/organisations", {
      kind: "neighbourhood_network",
      name: "WSV Oegstgeest",
      parentId: coop.id,
    });
    const practice = await post("/api/v1/organisations", {
      kind: "general_practice",
      name: "Huisartsen Haaswijk",
      parentId: wsv.id,
    });
    const pharmacy = await post("/api/v1/organisations", {
      kind: "pharmacy",
      name: "Apotheek",
      parentId: wsv.id,
    });
    await post("/api/v1/organisations", {
      kind: "pharmacy",
      name: "Gesloten",
      parentId: wsv.id,
      status: "ended",
    });
    const work = async (
      name: string,
      disciplines: string[],
      at: string,
      fn: string,
      fte: number,
      toDate?: string,
    ) => {
      const person = await post("/api/v1/persons", { givenName: name, familyName: "Test", disciplines });
      await post(`/api/v1/persons/${person.id}/work-relations`, {
        organisationId: at,
        function: fn,
        fte,
        fromDate: "2020-01-01",
        toDate,
      });
      return person;
    };
    const gp = await work("A", ["general_practitioner"], practice.id, "Huisarts", 0.8);
    await work("B", ["general_practitioner"], practice.id, "Huisarts", 0.6);
    await work("C", ["general_practitioner"], practice.id, "Huisarts", 1, "2021-01-01"); // left
    await work("D", ["pharmacist"], pharmacy.id, "Apotheker", 1);
    await work("E", ["other"], wsv.id, "Wijkcoördinator", 0.4);
    // The same huisarts also works in the pharmacy's building: counted once per discipline.
    await post(`/api/v1/persons/${gp.id}/work-relations`, { organisationId: pharmacy.id, fte: 0.1 });
    await post("/api/v1/memberships", {
      organisationId: wsv.id,
      memberPersonId: gp.id,
      startDate: "2020-01-01",
    });

    const response = await world.inject(staff, {
      method: "GET",
      url: `/api/v1/organisations/${wsv.id}/profile`,
    });
    expect(response.statusCode).toBe(200);
    const profile = response.json();
    expect(profile.practices).toEqual([
      { id: pharmacy.id, name: "Apotheek", kind: "pharmacy", people: 2 },
      { id: practice.id, name: "Huisartsen Haaswijk", kind: "general_practice", people: 2 },
    ]);
    expect(profile.people).toBe(3);
    expect(profile.disciplines).toEqual([
      { discipline: "general_practitioner", people: 2, fte: 1.5 },
      { discipline: "pharmacist", people: 1, fte: 1 },
    ]);
    expect(profile.members.total).toBe(1);
    expect(profile.coordinators.map((c: { name: string }) => c.name)).toEqual(["E Test"]);

    const tree = (await world.inject(staff, { method: "GET", url: "/api/v1/network" })).json();
    const byName = new Map(tree.items.map((o: { name: string }) => [o.name, o]));
    expect(byName.get("WSV Oegstgeest")).toMatchObject({ parentId: coop.id });
    expect(byName.has("Gesloten")).toBe(false);

    const other = await world.as("b", "beheerder");
    const fromB = await world.inject(other, {
      method: "GET",
      url: `/api/v1/organisations/${wsv.id}/profile`,
    });
    expect(fromB.statusCode).toBe(404);
  });
});
