import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, World } from "../../../../tests/support/world.js";
import { remindActionOwners } from "./action-reminders.js";

let world: World;
let staff: Caller;
let owner: Caller;
let colleague: Caller;
const ids: Record<string, string> = {};

const call = (caller: Caller, method: "GET" | "POST" | "PATCH" | "PUT", url: string, payload?: unknown) =>
  world.inject(caller, { method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });

beforeAll(async () => {
  world = await World.create();
  staff = await world.as("a", "medewerker");
  owner = await world.as("a", "lid");
  colleague = await world.as("a", "lid");
  const post = async (url: string, payload: Record<string, unknown>) => {
    const response = await call(staff, "POST", url, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  const [user] = await world.rows<{ email: string }>(sql`select email from users where id = ${owner.userId}`);
  ids.owner = await post("/api/v1/persons", {
    givenName: "Olga",
    familyName: "Eigenaar",
    email: user!.email,
  });
  ids.body = await post("/api/v1/bodies", { kind: "steering_group", name: "Stuurgroep" });
  const meeting = (startsAt: string) =>
    post("/api/v1/meetings", {
      bodyId: ids.body,
      title: "Stuurgroep",
      startsAt,
      endsAt: startsAt.replace("T16:00", "T18:00"),
    });
  ids.march = await meeting("2026-03-02T16:00:00+01:00");
  ids.april = await meeting("2026-04-06T16:00:00+02:00");
  ids.january = await meeting("2027-01-11T16:00:00+01:00");
});
afterAll(() => world?.close());

describe("decisions, actions and minutes", () => {
  it("numbers decisions per body per year, also when recorded at the same time", async () => {
    const decide = (meetingId: string, text: string) =>
      call(staff, "POST", `/api/v1/meetings/${meetingId}/decisions`, { text });
    expect((await decide(ids.march!, "Het transitieplan wordt vastgesteld.")).json().number).toBe(
      "ST-2026-001",
    );
    expect((await decide(ids.march!, "De begroting 2026 wordt vastgesteld.")).json().number).toBe(
      "ST-2026-002",
    );
    expect((await decide(ids.january!, "Eerste besluit van het nieuwe jaar.")).json().number).toBe(
      "ST-2027-001",
    );
    const together = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => decide(ids.april!, `Gelijktijdig besluit ${n}`)),
    );
    expect(together.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(together.map((r) => r.json().number).sort()).toEqual([
      "ST-2026-003",
      "ST-2026-004",
      "ST-2026-005",
      "ST-2026-006",
      "ST-2026-007",
    ]);

    // The besluitenlijst: newest number first, searchable, per year.
    const list = (await call(owner, "GET", `/api/v1/decisions?bodyId=${ids.body}&limit=3`)).json();
    expect(list.items.map((d: { number: string }) => d.number)).toEqual([
      "ST-2027-001",
      "ST-2026-007",
      "ST-2026-006",
    ]);
    const next = (
      await call(owner, "GET", `/api/v1/decisions?bodyId=${ids.body}&limit=3&cursor=${list.nextCursor}`)
    ).json();
    expect(next.items.map((d: { number: string }) => d.number)).toEqual([
      "ST-2026-005",
      "ST-2026-004",
      "ST-2026-003",
    ]);
    const found = (await call(owner, "GET", "/api/v1/decisions?q=begroting&year=2026")).json();
    expect(found.items.map((d: { number: string }) => d.number)).toEqual(["ST-2026-002"]);
    // Exported as the list filters it, for the minutes archive.
    const csv = await call(owner, "GET", `/api/v1/decisions/export?format=csv&bodyId=${ids.body}&year=2027`);
    expect(csv.headers["content-disposition"]).toMatch(/besluitenlijst.*\.csv/);
    expect(
      csv.body
        .replace(/^\uFEFF/, "")
        .split("\r\n")
        .slice(0, 2),
    ).toEqual([
      "Nummer;Besluit;Orgaan;Vergadering;Datum",
      "ST-2027-001;Eerste besluit van het nieuwe jaar.;Stuurgroep;Stuurgroep;11-01-2027 16:00",
    ]);
  });

  it("keeps an actielijst whose owner moves the status of their own action, and nothing else", async () => {
    const created = await call(staff, "POST", `/api/v1/meetings/${ids.march}/action-items`, {
      description: "Conceptbrief aan de leden over de fusie",
      ownerPersonId: ids.owner,
      dueDate: "2026-03-20",
    });
    expect(created.statusCode).toBe(201);
    const action = created.json();
    expect(action).toMatchObject({ ownerName: "Olga Eigenaar", status: "open", bodyName: "Stuurgroep" });

    const mine = (await call(owner, "GET", "/api/v1/action-items?mine=true&open=true")).json();
    expect(mine.items.map((a: { id: string }) => a.id)).toEqual([action.id]);
    expect((await call(colleague, "GET", "/api/v1/action-items?mine=true")).json().items).toEqual([]);

    // The owner may only move the status; a colleague may not touch it.
    expect(
      (await call(owner, "PATCH", `/api/v1/action-items/${action.id}`, { version: 1, dueDate: "2026-06-01" }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call(colleague, "PATCH", `/api/v1/action-items/${action.id}`, { version: 1, status: "done" }))
        .statusCode,
    ).toBe(403);
    const started = await call(owner, "PATCH", `/api/v1/action-items/${action.id}`, {
      version: 1,
      status: "in_progress",
    });
    expect(started.json()).toMatchObject({ status: "in_progress", version: 2 });
    // A stale version (the bureau's screen still showed version 1): a conflict with the current action.
    const stale = await call(staff, "PATCH", `/api/v1/action-items/${action.id}`, {
      version: 1,
      status: "done",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.status).toBe("in_progress");

    const foreign = await world.as("b", "beheerder");
    expect(
      (await call(foreign, "PATCH", `/api/v1/action-items/${action.id}`, { version: 2, status: "done" }))
        .statusCode,
    ).toBe(404);
  });

  it("approves the minutes in a later meeting, after which they and the decisions are locked", async () => {
    const save = (minutesVersion: number, text: string) =>
      call(staff, "PUT", `/api/v1/meetings/${ids.march}/minutes`, { minutesVersion, text });
    expect(
      (
        await call(staff, "POST", `/api/v1/meetings/${ids.march}/minutes/approve`, {
          approvedInMeetingId: ids.april,
        })
      ).statusCode,
    ).toBe(422);
    const saved = await save(1, "## Opening\n\nDe voorzitter opent de vergadering om 16.00 uur.");
    expect(saved.json()).toMatchObject({ minutesVersion: 2, minutesApprovedAt: null });
    // A second writer with the old version gets a conflict, not an overwrite.
    const stale = await save(1, "Andere notulen");
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.minutes).toContain("De voorzitter opent");

    // Approved in a later meeting of the same body only.
    const earlier = await call(staff, "POST", `/api/v1/meetings/${ids.april}/minutes/approve`, {
      approvedInMeetingId: ids.march,
    });
    expect(earlier.statusCode).toBe(422);
    const approved = await call(staff, "POST", `/api/v1/meetings/${ids.march}/minutes/approve`, {
      approvedInMeetingId: ids.april,
    });
    expect(approved.json()).toMatchObject({ minutesApprovedIn: { id: ids.april } });

    const locked = await save(2, "Achteraf gewijzigd");
    expect(locked.statusCode).toBe(409);
    expect(locked.json().errors[0].message).toContain("vastgesteld");
    const decision = (await call(staff, "GET", `/api/v1/decisions?meetingId=${ids.march}`)).json().items[0];
    expect(
      (
        await call(staff, "PATCH", `/api/v1/decisions/${decision.id}`, {
          version: decision.version,
          text: "Anders",
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await call(staff, "POST", `/api/v1/meetings/${ids.march}/decisions`, { text: "Nagekomen besluit" }))
        .statusCode,
    ).toBe(409);
    expect((await call(staff, "GET", `/api/v1/meetings/${ids.march}`)).json().minutes).toContain(
      "De voorzitter opent",
    );

    // The minutes and the agenda as PDFs, for the archive and the members.
    for (const kind of ["minutes", "agenda"]) {
      const pdf = await call(owner, "GET", `/api/v1/meetings/${ids.march}/${kind}.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
      expect(pdf.headers["content-disposition"]).toMatch(/(notulen|agenda)_Stuurgroep_2026-03-02\.pdf/);
    }
  });

  it("reminds an action's owner once before the due date and once when it has passed", async () => {
    const action = (
      await call(staff, "POST", `/api/v1/meetings/${ids.april}/action-items`, {
        description: "Begroting nalopen",
        ownerPersonId: ids.owner,
        dueDate: "2026-05-10",
      })
    ).json();
    const mails = () =>
      world.rows<{ subject: string }>(
        sql`select subject from mail_outbox where text like '%Begroting nalopen%' order by created_at`,
      );
    const url = "https://regiotafel.example.org";
    await remindActionOwners(world.db, url, "2026-04-20");
    expect(await mails()).toEqual([]);
    await remindActionOwners(world.db, url, "2026-05-05");
    await remindActionOwners(world.db, url, "2026-05-06");
    expect((await mails()).map((m) => m.subject)).toEqual(["Herinnering: actiepunt Stuurgroep"]);
    await remindActionOwners(world.db, url, "2026-05-11");
    await remindActionOwners(world.db, url, "2026-05-12");
    expect((await mails()).map((m) => m.subject)).toEqual([
      "Herinnering: actiepunt Stuurgroep",
      "Over de datum: actiepunt Stuurgroep",
    ]);
    // Done actions are left alone, even with a new date.
    await call(staff, "PATCH", `/api/v1/action-items/${action.id}`, {
      version: 1,
      dueDate: "2026-06-01",
      status: "done",
    });
    await remindActionOwners(world.db, url, "2026-06-20");
    expect(await mails()).toHaveLength(2);
  });

  it("numbers a body's decisions with its own code, which no other body of the region may use", async () => {
    const create = (name: string, code?: string) =>
      call(staff, "POST", "/api/v1/bodies", {
        kind: "working_group",
        name,
        ...(code !== undefined && { code }),
      });
    const ict = (await create("Werkgroep ICT", "WGICT")).json();
    expect(ict.code).toBe("WGICT");
    const taken = await create("Werkgroep ICT 2", "WGICT");
    expect([taken.statusCode, taken.json().errors[0].field]).toEqual([409, "body.code"]);
    const bad = await create("Werkgroep x", "wg ict");
    expect([bad.statusCode, bad.json().errors[0].field]).toEqual([400, "body.code"]);
    const meeting = await call(staff, "POST", "/api/v1/meetings", {
      bodyId: ict.id,
      title: "Werkgroep ICT",
      startsAt: "2026-05-04T16:00:00+02:00",
      endsAt: "2026-05-04T17:00:00+02:00",
    });
    const decide = () =>
      call(staff, "POST", `/api/v1/meetings/${meeting.json().id}/decisions`, {
        text: "Het ICT-plan wordt vastgesteld.",
      });
    expect((await decide()).json().number).toBe("WGICT-2026-001");
    // Cleared, the kind's code numbers the next one.
    const cleared = await call(staff, "PATCH", `/api/v1/bodies/${ict.id}`, {
      version: ict.version,
      code: "",
    });
    expect(cleared.json().code).toBeNull();
    expect((await decide()).json().number).toBe("WG-2026-002");
    // The bodies list exports as filtered, with the code each body numbers with.
    const csv = await call(staff, "GET", "/api/v1/bodies/export?kind=working_group&q=ICT");
    expect(csv.headers["content-disposition"]).toMatch(/organen.*\.csv/);
    expect(csv.body.replace(/^\uFEFF/, "").split("\r\n")).toEqual([
      "Orgaan;Soort;Beleidsterrein;Code besluiten;Quorum (%);Zetels;Bezet vandaag;Doel",
      "Werkgroep ICT;Werkgroep;;WG;;0;0;",
    ]);
  });
});
