import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, World } from "../../../../tests/support/world.js";

let world: World;
let staff: Caller;
const ids: Record<string, string> = {};
beforeAll(async () => {
  world = await World.create();
  staff = await world.as("a", "medewerker");
  const post = async (url: string, payload: Record<string, unknown>) => {
    const response = await world.inject(staff, { method: "POST", url, payload });
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };
  ids.vereniging = await post("/api/v1/organisations", {
    kind: "professional_association",
    name: "Fysiotherapeutenvereniging Rijnland",
  });
  ids.anna = await post("/api/v1/persons", { givenName: "Anna", familyName: "Raad" });
  ids.bram = await post("/api/v1/persons", { givenName: "Bram", familyName: "Zetel" });
});
afterAll(() => world?.close());

const call = (method: "GET" | "POST" | "PATCH", url: string, payload?: Record<string, unknown>) =>
  world.inject(staff, { method, url, ...(payload ? { payload } : {}) });
const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("bodies, seats and terms", () => {
  it("sets up the medische raad with seats and terms, and shows its composition on any date", async () => {
    const body = (
      await call("POST", "/api/v1/bodies", { kind: "medical_council", name: "Medische raad" })
    ).json();
    const seat = (
      await call("POST", `/api/v1/bodies/${body.id}/seats`, {
        role: "member",
        representsOrganisationId: ids.vereniging,
        termYears: 3,
        maxTerms: 2,
      })
    ).json();
    expect(seat.representsOrganisationName).toBe("Fysiotherapeutenvereniging Rijnland");
    // A seat speaks for one organisation, one discipline or one constituency: not two at once.
    const both = await call("POST", `/api/v1/bodies/${body.id}/seats`, {
      role: "member",
      representsOrganisationId: ids.vereniging,
      representsDiscipline: "physiotherapist",
    });
    expect(both.statusCode).toBe(422);
    expect(both.json().errors[0].field).toBe("body.representsOrganisationId");

    // Without an end, a term lasts the seat's three years.
    const first = await call("POST", `/api/v1/seats/${seat.id}/terms`, {
      personId: ids.anna,
      startDate: "2020-01-01",
    });
    expect(first.json()).toMatchObject({ personName: "Anna Raad", endDate: "2022-12-31" });
    const overlap = await call("POST", `/api/v1/seats/${seat.id}/terms`, {
      personId: ids.bram,
      startDate: "2022-06-01",
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().errors[0].message).toContain("overlapt");
    // Once reappointable: a second term in a row is fine, a third is refused.
    expect(
      (await call("POST", `/api/v1/seats/${seat.id}/terms`, { personId: ids.anna, startDate: "2023-01-01" }))
        .statusCode,
    ).toBe(201);
    const third = await call("POST", `/api/v1/seats/${seat.id}/terms`, {
      personId: ids.anna,
      startDate: "2026-01-01",
    });
    expect(third.statusCode).toBe(422);
    expect(third.json().errors[0].field).toBe("body.personId");
    const successor = (
      await call("POST", `/api/v1/seats/${seat.id}/terms`, {
        personId: ids.bram,
        startDate: "2026-01-01",
        endDate: addDays(30),
      })
    ).json();

    const on = async (date?: string) =>
      (await call("GET", `/api/v1/bodies/${body.id}/seats${date ? `?date=${date}` : ""}`)).json().items[0];
    expect((await on("2019-06-01")).holder).toBeNull();
    expect((await on("2024-06-01")).holder.personName).toBe("Anna Raad");
    const now = await on();
    expect(now.holder.personName).toBe("Bram Zetel");
    expect(now.endingSoon).toBe(true);
    expect(now.terms).toHaveLength(3);

    const attention = (await call("GET", "/api/v1/governance/attention")).json();
    expect(attention.endingTerms.map((e: { term: { id: string } }) => e.term.id)).toContain(successor.id);

    // Bram steps down today: from tomorrow the seat is vacant and listed as such.
    const ended = await call("PATCH", `/api/v1/seat-terms/${successor.id}`, {
      version: successor.version,
      endDate: addDays(0),
    });
    expect(ended.json().endDate).toBe(addDays(0));
    expect((await on(addDays(1))).holder).toBeNull();
    const stale = await call("PATCH", `/api/v1/seat-terms/${successor.id}`, {
      version: successor.version,
      endDate: null,
    });
    expect(stale.statusCode).toBe(409);

    const list = (await call("GET", "/api/v1/bodies?kind=medical_council")).json().items;
    expect(list).toEqual([expect.objectContaining({ name: "Medische raad", seats: 1, filledSeats: 1 })]);
  });

  it("keeps other regions out: their bodies answer 404, their people cannot be appointed", async () => {
    const body = (
      await call("POST", "/api/v1/bodies", { kind: "steering_group", name: "Stuurgroep" })
    ).json();
    const seat = (await call("POST", `/api/v1/bodies/${body.id}/seats`, { role: "chair" })).json();
    const other = await world.as("b", "medewerker");
    expect((await world.inject(other, { method: "GET", url: `/api/v1/bodies/${body.id}` })).statusCode).toBe(
      404,
    );
    const stranger = (
      await world.inject(other, {
        method: "POST",
        url: "/api/v1/persons",
        payload: { givenName: "Vera", familyName: "Elders" },
      })
    ).json();
    const appoint = await call("POST", `/api/v1/seats/${seat.id}/terms`, {
      personId: stranger.id,
      startDate: "2026-01-01",
    });
    expect(appoint.statusCode).toBe(404);
    expect(appoint.json().errors[0].field).toBe("body.personId");
    // A partner may look at the bodies, not change them.
    const partner = await world.as("a", "partner");
    expect(
      (await world.inject(partner, { method: "GET", url: `/api/v1/bodies/${body.id}/seats` })).statusCode,
    ).toBe(200);
    expect(
      (
        await world.inject(partner, {
          method: "POST",
          url: "/api/v1/bodies",
          payload: { kind: "board", name: "Bestuur" },
        })
      ).statusCode,
    ).toBe(403);
  });
});
