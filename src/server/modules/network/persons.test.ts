import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, World } from "../../../../tests/support/world.js";

let world: World;
let staff: Caller;
beforeAll(async () => {
  world = await World.create();
  staff = await world.as("a", "medewerker");
});
afterAll(() => world?.close());

const post = (url: string, payload: Record<string, unknown>, caller = staff) =>
  world.inject(caller, { method: "POST", url, payload });
const get = (url: string, caller = staff) => world.inject(caller, { method: "GET", url });

describe("persons and where they work", () => {
  it("keeps a person with disciplines and identifiers, sorted on the family name", async () => {
    const created = await post("/api/v1/persons", {
      givenName: "Joost",
      namePrefix: "van der",
      familyName: "Berg",
      disciplines: ["general_practitioner", "general_practitioner"],
      bigNumber: "123.456.789.01",
      agbCode: "01 234567",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: "Joost van der Berg",
      disciplines: ["general_practitioner"],
      bigNumber: "12345678901",
      agbCode: "01234567",
      visibility: "members",
    });
    await post("/api/v1/persons", { givenName: "Anna", familyName: "Aalders" });

    const names = (await get("/api/v1/persons?q=berg")).json().items.map((p: { name: string }) => p.name);
    expect(names).toContain("Joost van der Berg");
    const byBig = (await get("/api/v1/persons?q=12345678901")).json();
    expect(byBig.items.map((p: { familyName: string }) => p.familyName)).toEqual(["Berg"]);
    const gps = (await get("/api/v1/persons?discipline=general_practitioner")).json();
    expect(
      gps.items.every((p: { disciplines: string[] }) => p.disciplines.includes("general_practitioner")),
    ).toBe(true);

    const bad = await post("/api/v1/persons", { givenName: "X", familyName: "Y", bigNumber: "123" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: "body.bigNumber" });
  });

  it("shows members and partners only the entries shared with them", async () => {
    const make = async (familyName: string, visibility: string) =>
      (await post("/api/v1/persons", { givenName: "Zicht", familyName, visibility })).json().id as string;
    const bureauOnly = await make("Bureau", "bureau");
    await make("Leden", "members");
    await make("Partners", "partners");
    const seen = async (role: "bestuur" | "lid" | "partner") =>
      (await get("/api/v1/persons?q=Zicht", await world.as("a", role)))
        .json()
        .items.map((p: { familyName: string }) => p.familyName);
    expect(await seen("bestuur")).toEqual(["Bureau", "Leden", "Partners"]);
    expect(await seen("lid")).toEqual(["Leden", "Partners"]);
    expect(await seen("partner")).toEqual(["Partners"]);
    // A hidden entry is as absent as another region's.
    expect((await get(`/api/v1/persons/${bureauOnly}`, await world.as("a", "partner"))).statusCode).toBe(404);
  });

  it("records where someone works, checks the period, and lists the people of an organisation", async () => {
    const person = (await post("/api/v1/persons", { givenName: "Eva", familyName: "Werkt" })).json();
    const practice = (
      await post("/api/v1/organisations", { kind: "general_practice", name: "Praktijk Werk" })
    ).json();
    const pharmacy = (
      await post("/api/v1/organisations", { kind: "pharmacy", name: "Apotheek Werk" })
    ).json();

    const first = await post(`/api/v1/persons/${person.id}/work-relations`, {
      organisationId: practice.id,
      function: "Huisarts",
      fte: 0.6,
      fromDate: "2020-01-01",
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ organisationName: "Praktijk Werk", fte: 0.6 });
    await post(`/api/v1/persons/${person.id}/work-relations`, { organisationId: pharmacy.id, fte: 0.2 });

    const backwards = await post(`/api/v1/persons/${person.id}/work-relations`, {
      organisationId: pharmacy.id,
      fromDate: "2024-02-01",
      toDate: "2023-01-01",
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().errors[0].field).toBe("body.toDate");

    const foreign = (
      await post(
        "/api/v1/organisations",
        { kind: "hospital", name: "Elders" },
        await world.as("b", "medewerker"),
      )
    ).json();
    const elsewhere = await post(`/api/v1/persons/${person.id}/work-relations`, {
      organisationId: foreign.id,
    });
    expect(elsewhere.statusCode).toBe(404);

    const relations = (await get(`/api/v1/persons/${person.id}/work-relations`)).json().items;
    expect(relations.map((r: { organisationName: string }) => r.organisationName).sort()).toEqual([
      "Apotheek Werk",
      "Praktijk Werk",
    ]);
    const ended = await world.inject(staff, {
      method: "PATCH",
      url: `/api/v1/work-relations/${first.json().id}`,
      payload: { version: 1, toDate: "2025-12-31" },
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().toDate).toBe("2025-12-31");

    const atPractice = (await get(`/api/v1/persons?organisationId=${practice.id}`)).json();
    expect(atPractice.items.map((p: { name: string }) => p.name)).toEqual(["Eva Werkt"]);

    // An organisation where people work is not removed underneath them.
    const removed = await world.inject(await world.as("a", "beheerder"), {
      method: "DELETE",
      url: `/api/v1/organisations/${practice.id}`,
    });
    expect(removed.statusCode).toBe(422);
  });
});
