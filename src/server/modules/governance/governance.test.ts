import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, World } from "../../../../tests/support/world.js";
import { announceSeatNotices } from "./notices.js";

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

const call = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: Record<string, unknown>) =>
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
    const ending = (a: { endingTerms: { term: { id: string } }[] }) => a.endingTerms.map((e) => e.term.id);
    expect(ending(attention)).toContain(successor.id);
    // Once the next term is arranged, the ending one needs no attention any more.
    const next = await call("POST", `/api/v1/seats/${seat.id}/terms`, {
      personId: ids.anna,
      startDate: addDays(31),
    });
    expect(next.statusCode).toBe(201);
    expect(ending((await call("GET", "/api/v1/governance/attention")).json())).not.toContain(successor.id);

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

  it("deletes a seat set up by mistake, but keeps one somebody held", async () => {
    const body = (
      await call("POST", "/api/v1/bodies", { kind: "working_group", name: "Werkgroep tijdelijk" })
    ).json();
    const seat = (await call("POST", `/api/v1/bodies/${body.id}/seats`, { role: "member" })).json();
    expect((await call("DELETE", `/api/v1/seats/${seat.id}?version=2`)).statusCode).toBe(409);
    expect((await call("DELETE", `/api/v1/seats/${seat.id}?version=1`)).statusCode).toBe(204);
    expect((await call("GET", `/api/v1/bodies/${body.id}/seats`)).json().items).toEqual([]);
    const audited = await world.rows<{ action: string }>(
      sql`select action from audit_log where entity_type = 'seat' and entity_id = ${seat.id} order by id`,
    );
    expect(audited.map((a) => a.action)).toEqual(["create", "delete"]);

    const held = (await call("POST", `/api/v1/bodies/${body.id}/seats`, { role: "chair" })).json();
    await call("POST", `/api/v1/seats/${held.id}/terms`, { personId: ids.anna, startDate: "2020-01-01" });
    const refused = await call("DELETE", `/api/v1/seats/${held.id}?version=1`);
    expect([refused.statusCode, refused.json().errors[0].field]).toEqual([409, "params.id"]);
  });

  it("abolishes a seat with history as of a date: its term ends the day before, earlier dates keep it", async () => {
    const body = (
      await call("POST", "/api/v1/bodies", { kind: "working_group", name: "Werkgroep opgeheven" })
    ).json();
    const seat = (
      await call("POST", `/api/v1/bodies/${body.id}/seats`, { role: "member", termYears: 10 })
    ).json();
    const term = await call("POST", `/api/v1/seats/${seat.id}/terms`, {
      personId: ids.bram,
      startDate: "2024-01-01",
    });
    expect(term.statusCode).toBe(201);
    const from = addDays(30);
    const dayBefore = addDays(29);

    expect(
      (await call("POST", `/api/v1/seats/${seat.id}/abolish`, { version: 2, abolishedOn: from })).statusCode,
    ).toBe(409);
    const abolished = await call("POST", `/api/v1/seats/${seat.id}/abolish`, {
      version: 1,
      abolishedOn: from,
    });
    expect(abolished.statusCode).toBe(200);
    expect(abolished.json()).toMatchObject({ abolishedOn: from, version: 2 });

    // Today it is still there, its holder's term now ending the day before; from then on it is gone.
    const today = (await call("GET", `/api/v1/bodies/${body.id}/seats`)).json().items;
    expect(today).toEqual([
      expect.objectContaining({ id: seat.id, holder: expect.objectContaining({ endDate: dayBefore }) }),
    ]);
    expect((await call("GET", `/api/v1/bodies/${body.id}/seats?date=${from}`)).json().items).toEqual([]);
    expect((await call("GET", `/api/v1/bodies/${body.id}/seats?date=2024-06-01`)).json().items).toHaveLength(
      1,
    );
    // Nobody can be appointed to it from then on, and it is not abolished twice.
    const late = await call("POST", `/api/v1/seats/${seat.id}/terms`, {
      personId: ids.anna,
      startDate: from,
    });
    expect([late.statusCode, late.json().errors[0].field]).toEqual([409, "body.startDate"]);
    const again = await call("POST", `/api/v1/seats/${seat.id}/abolish`, { version: 2, abolishedOn: from });
    expect(again.statusCode).toBe(409);
    const audited = await world.rows<{ entity_type: string; action: string }>(
      sql`select entity_type, action from audit_log where entity_id in (${seat.id}, ${term.json().id}) order by id`,
    );
    expect(audited).toEqual([
      { entity_type: "seat", action: "create" },
      { entity_type: "seatTerm", action: "create" },
      { entity_type: "seatTerm", action: "update" },
      { entity_type: "seat", action: "abolish" },
    ]);
  });

  it("refuses to abolish a seat as of a date someone is already appointed from", async () => {
    const body = (
      await call("POST", "/api/v1/bodies", { kind: "working_group", name: "Werkgroep later" })
    ).json();
    const seat = (await call("POST", `/api/v1/bodies/${body.id}/seats`, { role: "member" })).json();
    await call("POST", `/api/v1/seats/${seat.id}/terms`, { personId: ids.anna, startDate: addDays(60) });
    const refused = await call("POST", `/api/v1/seats/${seat.id}/abolish`, {
      version: 1,
      abolishedOn: addDays(30),
    });
    expect([refused.statusCode, refused.json().errors[0].field]).toEqual([409, "body.abolishedOn"]);
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

  it("announces a term ending within 90 days to the holder and the bureau, and a seat fallen vacant, once each", async () => {
    const body = (
      await call("POST", "/api/v1/bodies", { kind: "supervisory_board", name: "Raad van toezicht" })
    ).json();
    const holder = (
      await call("POST", "/api/v1/persons", {
        givenName: "Hanna",
        familyName: "Toezicht",
        email: "hanna@example.org",
      })
    ).json();
    const appointOn = async (payload: Record<string, unknown>) => {
      const seat = (
        await call("POST", `/api/v1/bodies/${body.id}/seats`, {
          role: "member",
          representsOrganisationId: ids.vereniging,
        })
      ).json();
      expect((await call("POST", `/api/v1/seats/${seat.id}/terms`, payload)).statusCode).toBe(201);
    };
    await appointOn({ personId: holder.id, startDate: "2024-01-01", endDate: addDays(10) });
    await appointOn({ personId: ids.bram, startDate: "2024-01-01", endDate: addDays(-5) });
    // Ended long ago: history, not news.
    await appointOn({ personId: ids.anna, startDate: "2020-01-01", endDate: addDays(-200) });

    const queued = await announceSeatNotices(world.db, "https://regiotafel.test");
    expect(queued).toBeGreaterThan(0);
    const mails = () =>
      world.rows<{ to: string; subject: string; text: string }>(
        sql`select "to", subject, text from mail_outbox where subject like ${"%Raad van toezicht"} order by subject, "to"`,
      );
    const sent = await mails();
    const ending = sent.filter((m) => m.subject.startsWith("Termijn loopt af"));
    expect(ending.map((m) => m.to)).toContain("hanna@example.org");
    // The bureau of region a (the medewerker of this test) hears of it too; region b's does not.
    expect(ending.length).toBeGreaterThanOrEqual(2);
    expect(ending[0]!.text).toContain("Hanna Toezicht als lid namens Fysiotherapeutenvereniging Rijnland");
    expect(ending[0]!.text).toContain(`https://regiotafel.test/organen/${body.id}`);
    const vacancies = sent.filter((m) => m.subject.startsWith("Vacature"));
    expect(vacancies.length).toBeGreaterThanOrEqual(1);
    expect(vacancies.every((m) => m.text.includes("Bram Zetel"))).toBe(true);

    // Once each: a second run adds nothing.
    await announceSeatNotices(world.db, "https://regiotafel.test");
    expect(await mails()).toHaveLength(sent.length);
  });
});
