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
  world.inject(staff, { method: "POST", url, payload });
const id = async (url: string, payload: Record<string, unknown>) =>
  (await post(url, payload)).json().id as string;

describe("memberships", () => {
  it("counts the members of a WSV per discipline on a date", async () => {
    const wsv = await id("/api/v1/organisations", { kind: "neighbourhood_network", name: "WSV Oegstgeest" });
    const gp = (name: string) =>
      id("/api/v1/persons", {
        givenName: name,
        familyName: "Huisarts",
        disciplines: ["general_practitioner"],
      });
    const [a, b, c] = [await gp("A"), await gp("B"), await gp("C")];
    const poh = await id("/api/v1/persons", {
      givenName: "D",
      familyName: "Poh",
      disciplines: ["practice_nurse_somatic"],
    });
    const join = (personId: string, startDate: string, endDate?: string) =>
      post("/api/v1/memberships", { organisationId: wsv, memberPersonId: personId, startDate, endDate });
    expect((await join(a, "2020-01-01")).statusCode).toBe(201);
    await join(b, "2025-06-01");
    await join(c, "2019-01-01", "2024-12-31");
    await join(poh, "2023-03-01");

    const on = async (date: string) =>
      (
        await world.inject(staff, {
          method: "GET",
          url: `/api/v1/organisations/${wsv}/member-counts?date=${date}`,
        })
      ).json();
    // 1 January 2025: A (since 2020) and the POH; C left on 31 December, B came in June.
    expect(await on("2025-01-01")).toEqual({
      date: "2025-01-01",
      total: 2,
      byDiscipline: [
        { discipline: "general_practitioner", count: 1 },
        { discipline: "practice_nurse_somatic", count: 1 },
      ],
    });
    expect((await on("2024-12-31")).byDiscipline).toContainEqual({
      discipline: "general_practitioner",
      count: 2,
    });
    expect((await on("2026-01-01")).total).toBe(3);

    const members = (
      await world.inject(staff, {
        method: "GET",
        url: `/api/v1/memberships?organisationId=${wsv}&activeOn=2025-01-01`,
      })
    ).json().items;
    expect(members.map((m: { memberName: string }) => m.memberName).sort()).toEqual(["A Huisarts", "D Poh"]);
  });

  it("refuses a membership without exactly one member, in a body that has no members, or ending before it starts", async () => {
    const wsv = await id("/api/v1/organisations", { kind: "neighbourhood_network", name: "WSV Regels" });
    const practice = await id("/api/v1/organisations", { kind: "general_practice", name: "Praktijk Regels" });
    const person = await id("/api/v1/persons", { givenName: "E", familyName: "Regels" });

    const both = await post("/api/v1/memberships", {
      organisationId: wsv,
      memberPersonId: person,
      memberOrganisationId: practice,
      startDate: "2025-01-01",
    });
    expect(both.statusCode).toBe(422);
    expect(both.json().errors[0].field).toBe("body.memberPersonId");

    const notABody = await post("/api/v1/memberships", {
      organisationId: practice,
      memberPersonId: person,
      startDate: "2025-01-01",
    });
    expect(notABody.statusCode).toBe(422);
    expect(notABody.json().errors[0].field).toBe("body.organisationId");

    const backwards = await post("/api/v1/memberships", {
      organisationId: wsv,
      memberOrganisationId: practice,
      startDate: "2025-01-01",
      endDate: "2024-01-01",
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().errors[0].field).toBe("body.endDate");

    const practiceJoins = await post("/api/v1/memberships", {
      organisationId: wsv,
      memberOrganisationId: practice,
      type: "aspirant",
      startDate: "2025-01-01",
    });
    expect(practiceJoins.statusCode).toBe(201);
    expect(practiceJoins.json()).toMatchObject({ memberName: "Praktijk Regels", type: "aspirant" });
  });

  it("tables the members of every body on a date, per discipline", async () => {
    const body = (name: string, kind = "neighbourhood_network") =>
      id("/api/v1/organisations", { kind, name });
    const [north, south] = [await body("WSV Tabel Noord"), await body("WSV Tabel Zuid")];
    const practice = await id("/api/v1/organisations", { kind: "general_practice", name: "Tabelpraktijk" });
    const gp = await id("/api/v1/persons", {
      givenName: "T",
      familyName: "Arts",
      disciplines: ["general_practitioner"],
    });
    const pharmacist = await id("/api/v1/persons", {
      givenName: "T",
      familyName: "Apo",
      disciplines: ["pharmacist"],
    });
    await post("/api/v1/memberships", { organisationId: north, memberPersonId: gp, startDate: "2020-01-01" });
    await post("/api/v1/memberships", {
      organisationId: north,
      memberPersonId: pharmacist,
      startDate: "2020-01-01",
    });
    await post("/api/v1/memberships", {
      organisationId: north,
      memberOrganisationId: practice,
      startDate: "2020-01-01",
    });
    await post("/api/v1/memberships", { organisationId: south, memberPersonId: gp, startDate: "2027-01-01" });

    const table = async (date: string) =>
      (
        await world.inject(staff, {
          method: "GET",
          url: `/api/v1/memberships/counts?date=${date}&kind=neighbourhood_network`,
        })
      ).json();
    const now = await table("2026-06-01");
    const row = now.rows.find((r: { name: string }) => r.name === "WSV Tabel Noord");
    expect(row).toMatchObject({
      total: 3,
      byDiscipline: { general_practitioner: 1, pharmacist: 1, organisation: 1 },
    });
    expect(now.rows.some((r: { name: string }) => r.name === "WSV Tabel Zuid")).toBe(false);
    expect(
      (await table("2027-01-01")).rows.find((r: { name: string }) => r.name === "WSV Tabel Zuid")?.total,
    ).toBe(1);
  });
});
