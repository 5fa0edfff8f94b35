import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, World } from "../../../../tests/support/world.js";
import type { AuditEventDto } from "./service.js";

let world: World;
let admin: Caller;
let staff: Caller;
let organisationIds: string[];
beforeAll(async () => {
  world = await World.create();
  admin = await world.as("a", "beheerder");
  staff = await world.as("a", "medewerker");
  organisationIds = [];
  for (const name of ["Apotheek Noord", "Apotheek Zuid", "Apotheek Oost"]) {
    const res = await world.inject(staff, {
      method: "POST",
      url: "/api/v1/organisations",
      payload: { kind: "pharmacy", name },
    });
    organisationIds.push(res.json().id);
  }
  const [first] = organisationIds;
  const current = (
    await world.inject(staff, { method: "GET", url: `/api/v1/organisations/${first}` })
  ).json();
  await world.inject(staff, {
    method: "PATCH",
    url: `/api/v1/organisations/${first}`,
    payload: { phone: "071 123 4567", version: current.version },
  });
  // Another region's change, which region a's logboek never shows.
  const other = await world.as("b", "medewerker");
  await world.inject(other, {
    method: "POST",
    url: "/api/v1/organisations",
    payload: { kind: "pharmacy", name: "Apotheek Elders" },
  });
});
afterAll(() => world?.close());

const list = async (query: string) => {
  const res = await world.inject(admin, { method: "GET", url: `/api/v1/audit-events?${query}` });
  expect(res.statusCode).toBe(200);
  return res.json() as { items: AuditEventDto[]; nextCursor: string | null };
};

describe("logboek", () => {
  it("shows who changed what, newest first, with before and after of each changed field", async () => {
    const { items } = await list("entityType=organisation");
    expect(items.map((e) => e.action)).toEqual(["update", "create", "create", "create"]);
    const [update] = items;
    expect(update).toEqual({
      id: expect.any(Number),
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      actorId: staff.userId,
      actorName: "Test medewerker",
      entityType: "organisation",
      entityId: organisationIds[0],
      action: "update",
      changes: expect.objectContaining({ phone: [null, "071 123 4567"] }),
    });
    // Only the fields an event shows: not the region nor the request it came from.
    expect(Object.keys(update!).sort()).toEqual(
      ["action", "actorId", "actorName", "at", "changes", "entityId", "entityType", "id"].sort(),
    );
    expect(JSON.stringify(items)).not.toContain("Apotheek Elders");
  });

  it("pages with a cursor, without repeating or skipping an event", async () => {
    const all = await list("entityType=organisation&limit=100");
    const first = await list("entityType=organisation&limit=3");
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(`entityType=organisation&limit=3&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(all.items.map((e) => e.id));
    expect(second.nextCursor).toBeNull();
  });

  it("filters by person, entity and period", async () => {
    const byActor = await list(`actorId=${staff.userId}&entityType=organisation`);
    expect(byActor.items).toHaveLength(4);
    const byEntity = await list(`entityId=${organisationIds[0]}`);
    expect(byEntity.items.map((e) => e.action)).toEqual(["update", "create"]);
    const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Amsterdam" });
    expect((await list(`entityType=organisation&from=${today}&to=${today}`)).items).toHaveLength(4);
    expect((await list("entityType=organisation&to=2000-01-01")).items).toHaveLength(0);
  });

  it("exports what is filtered, oldest first", async () => {
    const res = await world.inject(admin, {
      method: "GET",
      url: `/api/v1/audit-events/export?entityId=${organisationIds[0]}&format=csv`,
    });
    expect(res.statusCode).toBe(200);
    // A row per event: time;who;type;id;action;changes (a cell with changes may span lines).
    const rows = [...res.body.matchAll(/^[\d-]+T[\d:.]+Z;([^;]*);organisation;([^;]*);(\w+);/gm)];
    expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual([
      ["Test medewerker", organisationIds[0], "create"],
      ["Test medewerker", organisationIds[0], "update"],
    ]);
    expect(res.body).toContain('phone: null → ""071 123 4567""');
    expect(res.body).not.toContain(organisationIds[1]);
  });

  it("is the beheerder's: a medewerker is refused, and a bad filter is named", async () => {
    const refused = await world.inject(staff, { method: "GET", url: "/api/v1/audit-events" });
    expect(refused.statusCode).toBe(403);
    const bad = await world.inject(admin, { method: "GET", url: "/api/v1/audit-events?from=gisteren" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("query.from");
  });
});
