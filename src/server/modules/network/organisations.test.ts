import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, World } from "../../../../tests/support/world.js";

let world: World;
let staff: Caller;
beforeAll(async () => {
  world = await World.create();
  staff = await world.as("a", "medewerker");
});
afterAll(() => world?.close());

const create = async (payload: Record<string, unknown>, caller = staff) =>
  world.inject(caller, { method: "POST", url: "/api/v1/organisations", payload });
const patch = (id: string, payload: Record<string, unknown>) =>
  world.inject(staff, { method: "PATCH", url: `/api/v1/organisations/${id}`, payload });
const list = (query: string, caller = staff) =>
  world.inject(caller, { method: "GET", url: `/api/v1/organisations?${query}` });

describe("organisations", () => {
  it("stores Dutch identifiers in their canonical form and refuses invalid ones by field", async () => {
    const ok = await create({
      kind: "pharmacy",
      name: "  Apotheek De Vliet ",
      visitPostcode: "2311ab",
      agbCode: "06.12.34.56",
      kvkNumber: "1234 5678",
      municipalityCode: "GM0546",
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      name: "Apotheek De Vliet",
      visitPostcode: "2311 AB",
      agbCode: "06123456",
      kvkNumber: "12345678",
      status: "active",
      version: 1,
    });

    const bad = await world.inject(staff, {
      method: "POST",
      url: "/api/v1/organisations",
      headers: { "accept-language": "nl" },
      payload: {
        kind: "pharmacy",
        name: "X",
        visitPostcode: "0123 AB",
        agbCode: "123",
        municipalityCode: "Leiden",
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    expect(bad.json().errors).toEqual(
      expect.arrayContaining([
        { field: "body.visitPostcode", message: "Vul een postcode in als 1234 AB" },
        { field: "body.agbCode", message: "Een AGB-code heeft 8 cijfers" },
        { field: "body.municipalityCode", message: "Een CBS-gemeentecode is GM gevolgd door 4 cijfers" },
      ]),
    );
  });

  it("builds the structure with parents, refuses cycles and parents from another region", async () => {
    const coop = (await create({ kind: "cooperative", name: "Coöperatie Test" })).json();
    const wsv = (await create({ kind: "neighbourhood_network", name: "WSV Test", parentId: coop.id })).json();
    const practice = (
      await create({ kind: "general_practice", name: "Praktijk Test", parentId: wsv.id })
    ).json();
    expect(practice.parentName).toBe("WSV Test");

    // The coöperatie under its own practice would make the structure endless.
    const cycle = await patch(coop.id, { version: coop.version, parentId: practice.id });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().errors[0].field).toBe("body.parentId");
    const self = await patch(coop.id, { version: coop.version, parentId: coop.id });
    expect(self.statusCode).toBe(422);

    const foreign = (
      await create({ kind: "care_group", name: "Elders" }, await world.as("b", "medewerker"))
    ).json();
    const elsewhere = await create({
      kind: "general_practice",
      name: "Praktijk Grens",
      parentId: foreign.id,
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().errors[0].field).toBe("body.parentId");

    const children = (await list(`parentId=${wsv.id}`)).json();
    expect(children.items.map((o: { name: string }) => o.name)).toEqual(["Praktijk Test"]);

    // Something still hangs under the WSV: it cannot be removed, only ended.
    const admin = await world.as("a", "beheerder");
    const removeWsv = await world.inject(admin, { method: "DELETE", url: `/api/v1/organisations/${wsv.id}` });
    expect(removeWsv.statusCode).toBe(422);
    const removePractice = await world.inject(admin, {
      method: "DELETE",
      url: `/api/v1/organisations/${practice.id}`,
    });
    expect(removePractice.statusCode).toBe(204);
    const [audit] = await world.rows<{ action: string }>(
      sql`select action from audit_log where entity_id = ${practice.id} order by id desc limit 1`,
    );
    expect(audit?.action).toBe("delete");
  });

  it("answers a stale version with 409 and the current state", async () => {
    const org = (await create({ kind: "hospital", name: "Ziekenhuis Test" })).json();
    expect((await patch(org.id, { version: 1, phone: "071 123 45 67" })).statusCode).toBe(200);
    const stale = await patch(org.id, { version: 1, phone: "071 000 00 00" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ phone: "071 123 45 67", version: 2 });
  });

  it("searches, filters and pages through the list without gaps or repeats", async () => {
    for (let i = 0; i < 7; i++)
      await create({ kind: "physiotherapy", name: `Fysio Paging ${i}`, visitCity: "Lisse" });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { name: string }[]; nextCursor: string | null; total: number } = (
        await list(`q=paging&kind=physiotherapy&limit=3${cursor ? `&cursor=${cursor}` : ""}`)
      ).json();
      expect(page.total).toBe(7);
      seen.push(...page.items.map((o) => o.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `Fysio Paging ${i}`));

    const descending = (await list("q=Fysio%20Paging&sort=-name&limit=2")).json();
    expect(descending.items.map((o: { name: string }) => o.name)).toEqual([
      "Fysio Paging 6",
      "Fysio Paging 5",
    ]);
    // A partner reads the directory too; another region sees none of it.
    expect((await list("q=paging", await world.as("a", "partner"))).json().total).toBe(7);
    expect((await list("q=paging", await world.as("b", "beheerder"))).json().total).toBe(0);
  });

  it("finds organisations from words typed with typos, in any order", async () => {
    await create({ kind: "physiotherapy", name: "Fysiotherapie Katwijk", visitCity: "Katwijk" });
    await create({ kind: "pharmacy", name: "Apotheek Noordwijk", visitCity: "Noordwijk" });
    const found = async (q: string) =>
      (await list(`q=${encodeURIComponent(q)}`)).json().items.map((o: { name: string }) => o.name);
    expect(await found("fysioterapie Katwjk")).toContain("Fysiotherapie Katwijk");
    expect(await found("katwijk fysio")).toContain("Fysiotherapie Katwijk");
    expect(await found("apoteek")).toContain("Apotheek Noordwijk");
    // Every word must match: a fysio in Noordwijk does not exist.
    expect(await found("fysiotherapie Noordwijk")).not.toContain("Fysiotherapie Katwijk");
  });

  it("exports what the filter selects, with formula cells neutralised", async () => {
    await create({ kind: "other", name: '=HYPERLINK("x") Export' });
    const csv = await world.inject(staff, { method: "GET", url: "/api/v1/organisations/export?q=Export" });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-disposition"]).toMatch(/organisaties-.*\.csv/);
    expect(csv.body).toContain(`'=HYPERLINK`);
    expect(csv.body.split("\r\n").filter(Boolean)).toHaveLength(2);
  });
});
