import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, World } from "../../../../tests/support/world.js";

let world: World;
let staff: Caller;
let slug: string;
beforeAll(async () => {
  world = await World.create();
  staff = await world.as("a", "medewerker");
  slug = (await world.inject(staff, { method: "GET", url: "/api/v1/region" })).json().slug;

  const organisation = async (payload: Record<string, unknown>) =>
    (await world.inject(staff, { method: "POST", url: "/api/v1/organisations", payload })).json()
      .id as string;
  const person = async (payload: Record<string, unknown>, at: string, fn: string) => {
    const id = (await world.inject(staff, { method: "POST", url: "/api/v1/persons", payload })).json().id;
    await world.inject(staff, {
      method: "POST",
      url: `/api/v1/persons/${id}/work-relations`,
      payload: { organisationId: at, function: fn, fromDate: "2020-01-01" },
    });
  };
  const wsv = await organisation({ kind: "neighbourhood_network", name: "WSV Katwijk" });
  await organisation({
    kind: "physiotherapy",
    name: "Fysiotherapie Katwijk",
    visitCity: "Katwijk",
    parentId: wsv,
  });
  await organisation({ kind: "physiotherapy", name: "Praktijk Beweegwijs", visitCity: "Leiden" });
  await organisation({ kind: "pharmacy", name: "Apotheek Rijnsburg", visitCity: "Katwijk", parentId: wsv });
  await organisation({ kind: "general_practice", name: "Oude Praktijk Katwijk", status: "ended" });
  const gp = await organisation({
    kind: "general_practice",
    name: "Huisartsen Duinzicht",
    visitCity: "Katwijk",
  });
  await person(
    { givenName: "Eva", familyName: "Open", disciplines: ["general_practitioner"], visibility: "partners" },
    gp,
    "Huisarts",
  );
  await person(
    { givenName: "Jan", familyName: "Leden", disciplines: ["practice_nurse_somatic"], visibility: "members" },
    gp,
    "POH-S",
  );
  await person(
    { givenName: "Kees", familyName: "Bureau", disciplines: ["general_practitioner"], visibility: "bureau" },
    gp,
    "Huisarts",
  );
});
afterAll(() => world?.close());

interface Entry {
  name: string;
  disciplines: { discipline: string; count: number }[];
  people: { name: string }[];
}
const search = async (caller: Caller | null, query: string, url = "/api/v1/social-map") => {
  const response = caller
    ? await world.inject(caller, { method: "GET", url: `${url}?${query}` })
    : await world.app.inject({ method: "GET", url: `${url}?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: Entry[]; nextCursor: string | null; total: number };
};
const names = async (caller: Caller | null, query: string) =>
  (await search(caller, query)).items.map((e) => e.name);

describe("sociale kaart", () => {
  it("finds with typos, Dutch word forms and the words people use for a kind, best match first", async () => {
    expect((await names(staff, "q=fysioterapie%20Katwjk"))[0]).toBe("Fysiotherapie Katwijk");
    // "fysiotherapeut" is nowhere in the name: the kind's words find the practice.
    expect(await names(staff, "q=fysiotherapeut")).toEqual(["Fysiotherapie Katwijk", "Praktijk Beweegwijs"]);
    expect(await names(staff, "q=apotheken")).toEqual(["Apotheek Rijnsburg"]);
    // In the name weighs more than in the town; an ended organisation is not on the map.
    const katwijk = await names(staff, "q=katwijk");
    expect(katwijk.slice(0, 2)).toEqual(["Fysiotherapie Katwijk", "WSV Katwijk"]);
    expect(katwijk).toContain("Apotheek Rijnsburg");
    expect(katwijk).not.toContain("Oude Praktijk Katwijk");
  });

  it("filters by kind, WSV and discipline, and pages without gaps or repeats", async () => {
    expect(await names(staff, "kind=physiotherapy")).toEqual([
      "Fysiotherapie Katwijk",
      "Praktijk Beweegwijs",
    ]);
    const wsv = (await search(staff, "kind=neighbourhood_network")).items[0] as unknown as { id: string };
    expect(await names(staff, `networkId=${wsv.id}&kind=pharmacy`)).toEqual(["Apotheek Rijnsburg"]);
    expect(await names(staff, "discipline=practice_nurse_somatic")).toEqual(["Huisartsen Duinzicht"]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof search>> = await search(
        staff,
        `sort=wijk&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...page.items.map((e) => e.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    // The first page says how many match in all; later pages do not count again.
    expect((await search(staff, "sort=wijk&limit=2")).total).toBe(5);
    expect(new Set(seen).size).toBe(5);

    const ranked: string[] = [];
    cursor = null;
    do {
      const page: Awaited<ReturnType<typeof search>> = await search(
        staff,
        `q=katwijk&limit=1${cursor ? `&cursor=${cursor}` : ""}`,
      );
      ranked.push(...page.items.map((e) => e.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ranked).toEqual(await names(staff, "q=katwijk"));
  });

  it("shows each viewer the people shared with them, and counts only those", async () => {
    const at = async (caller: Caller) => (await search(caller, "q=Duinzicht")).items[0]!;
    expect((await at(staff)).people.map((p) => p.name)).toEqual(["Kees Bureau", "Jan Leden", "Eva Open"]);
    const member = await at(await world.as("a", "lid"));
    expect(member.people.map((p) => p.name)).toEqual(["Jan Leden", "Eva Open"]);
    const partner = await world.as("a", "partner");
    expect((await at(partner)).people.map((p) => p.name)).toEqual(["Eva Open"]);
    expect((await at(partner)).disciplines).toEqual([{ discipline: "general_practitioner", count: 1 }]);
    // A partner does not find a practice by a discipline only members see there.
    expect(await names(partner, "discipline=practice_nurse_somatic")).toEqual([]);
  });

  it("is public only when a beheerder publishes it, and then without names", async () => {
    const url = `/api/v1/public/${slug}/social-map`;
    expect((await world.app.inject({ method: "GET", url })).statusCode).toBe(404);

    const member = await world.as("a", "lid");
    const put = (caller: Caller, payload: Record<string, unknown>) =>
      world.inject(caller, { method: "PUT", url: "/api/v1/social-map/settings", payload });
    expect((await put(member, { public: true, version: 0 })).statusCode).toBe(403);
    const beheerder = await world.as("a", "beheerder");
    const published = await put(beheerder, { public: true, version: 0 });
    expect(published.json()).toEqual({ public: true, version: 1 });

    const entry = (await search(null, "q=duinzicht", url)).items[0]!;
    expect(entry.people).toEqual([]);
    expect(entry.disciplines).toEqual([{ discipline: "general_practitioner", count: 1 }]);
    const options = (await world.app.inject({ method: "GET", url: `${url}/options` })).json();
    expect(options.networks.map((n: { name: string }) => n.name)).toEqual(["WSV Katwijk"]);

    // Region b never published; withdrawing closes a's map again.
    const other = await world.as("b", "beheerder");
    const slugB = (await world.inject(other, { method: "GET", url: "/api/v1/region" })).json().slug;
    expect(
      (await world.app.inject({ method: "GET", url: `/api/v1/public/${slugB}/social-map` })).statusCode,
    ).toBe(404);
    expect((await put(beheerder, { public: false, version: 1 })).statusCode).toBe(200);
    expect((await world.app.inject({ method: "GET", url })).statusCode).toBe(404);
  });
});
