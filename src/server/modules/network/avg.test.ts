import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, World } from "../../../../tests/support/world.js";

let world: World;
let staff: Caller;
let beheerder: Caller;
beforeAll(async () => {
  world = await World.create();
  staff = await world.as("a", "medewerker");
  beheerder = await world.as("a", "beheerder");
});
afterAll(() => world?.close());

const send = (
  caller: Caller,
  method: "GET" | "POST" | "PATCH",
  url: string,
  payload?: Record<string, unknown>,
) => world.inject(caller, { method, url, payload });

describe("AVG", () => {
  it("exports everything about a person, then erases the personal data but keeps counts and the logbook's shape", async () => {
    const wsv = (
      await send(staff, "POST", "/api/v1/organisations", { kind: "neighbourhood_network", name: "WSV Lisse" })
    ).json();
    const person = (
      await send(staff, "POST", "/api/v1/persons", {
        givenName: "Ingrid",
        familyName: "Zwanenburg",
        disciplines: ["general_practitioner"],
        bigNumber: "12345678901",
        email: "ingrid@praktijk.example",
      })
    ).json();
    await send(staff, "POST", `/api/v1/persons/${person.id}/work-relations`, {
      organisationId: wsv.id,
      function: "Huisarts",
    });
    await send(staff, "POST", "/api/v1/memberships", {
      organisationId: wsv.id,
      memberPersonId: person.id,
      startDate: "2020-01-01",
    });
    await send(staff, "PATCH", `/api/v1/persons/${person.id}`, { version: 1, phone: "071 123 4567" });

    const dossier = (await send(staff, "GET", `/api/v1/persons/${person.id}/dossier`)).json();
    expect(dossier.person).toMatchObject({ name: "Ingrid Zwanenburg", email: "ingrid@praktijk.example" });
    expect(dossier.workRelations).toHaveLength(1);
    expect(dossier.memberships).toHaveLength(1);
    expect(
      dossier.auditTrail.map((r: { entityType: string; action: string }) => `${r.entityType} ${r.action}`),
    ).toEqual(["person create", "work_relation create", "membership create", "person update"]);
    const xlsx = await world.inject(staff, {
      method: "GET",
      url: `/api/v1/persons/${person.id}/dossier?format=xlsx`,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Persoon",
      "Werkrelaties",
      "Lidmaatschappen",
      "Logboek",
    ]);

    // Only a beheerder erases.
    expect((await send(staff, "POST", `/api/v1/persons/${person.id}/erase`, { version: 2 })).statusCode).toBe(
      403,
    );
    const erased = await send(beheerder, "POST", `/api/v1/persons/${person.id}/erase`, { version: 2 });
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toMatchObject({
      name: "Verwijderde persoon",
      bigNumber: null,
      email: null,
      phone: null,
      disciplines: ["general_practitioner"],
    });
    expect(erased.json().erasedAt).toBeTruthy();

    // The logbook keeps every row and which fields changed, but no personal value.
    const after = (await send(beheerder, "GET", `/api/v1/persons/${person.id}/dossier`)).json();
    expect(after.auditTrail).toHaveLength(5);
    const logbook = JSON.stringify(after.auditTrail);
    for (const value of ["Ingrid", "Zwanenburg", "12345678901", "ingrid@praktijk", "071 123 4567"])
      expect(logbook).not.toContain(value);
    expect(after.auditTrail[3].changes.phone).toEqual([null, "[verwijderd]"]);
    // Counts still add up: the membership and work relation stay.
    const counts = (
      await send(staff, "GET", `/api/v1/organisations/${wsv.id}/member-counts?date=2025-01-01`)
    ).json();
    expect(counts.total).toBe(1);

    expect(
      (await send(beheerder, "POST", `/api/v1/persons/${person.id}/erase`, { version: 3 })).statusCode,
    ).toBe(422);
  });
});
