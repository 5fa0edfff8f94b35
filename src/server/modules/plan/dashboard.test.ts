import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, World } from "../../../../tests/support/world.js";

let world: World;
let staff: Caller;

beforeAll(async () => {
  world = await World.create();
  staff = await world.as("a", "medewerker");
});
afterAll(() => world?.close());

describe("the stuurgroep's dashboard", () => {
  it("shows programmes with projects per phase, overdue actions, indicators behind and the latest successes", async () => {
    const post = async (url: string, payload: Record<string, unknown>) => {
      const r = await world.inject(staff, { method: "POST", url, payload });
      expect(r.statusCode, r.body).toBe(201);
      return r.json();
    };
    const programme = await post("/api/v1/programmes", { name: "GGZ", level: "region" });
    for (const [name, phase] of [
      ["A", "execution"],
      ["B", "execution"],
      ["C", "idea"],
    ])
      await post("/api/v1/projects", { programmeId: programme.id, name, level: "region", phase });
    const priority = await world.create("priority", staff);
    const organisation = await world.create("organisation", staff);
    const action = (title: string, dueDate: string) =>
      post("/api/v1/actions", { priorityId: priority, title, ownerOrganisationId: organisation, dueDate });
    await action("Te laat", "2020-01-01");
    await action("Op tijd", "2099-01-01");
    const kpi = await post("/api/v1/kpis", {
      resultAreaId: await world.create("resultArea", staff),
      name: "Wachttijd",
      unit: "dagen",
      baseline: 60,
      target: 30,
      direction: "down",
    });
    await post(`/api/v1/kpis/${kpi.id}/measurements`, { period: "2027", value: 58, unit: "dagen" });
    await post("/api/v1/successes", { title: "Gelukt", story: "Het werkte.", happenedOn: "2026-11-01" });

    const partner = await world.as("a", "partner");
    const r = await world.inject(partner, { method: "GET", url: "/api/v1/plan-dashboard" });
    expect(r.statusCode, r.body).toBe(200);
    const d = r.json();
    expect(d.programmes).toEqual([
      { id: programme.id, name: "GGZ", level: "region", phases: { execution: 2, idea: 1 }, projectCount: 3 },
    ]);
    expect(d.overdueActions.count).toBe(1);
    expect(d.overdueActions.items.map((a: { title: string }) => a.title)).toEqual(["Te laat"]);
    expect(d.kpisOffTarget.map((k: { name: string }) => k.name)).toEqual(["Wachttijd"]);
    expect(d.kpiCounts).toEqual({ achieved: 0, on_track: 0, off_target: 1, no_data: 0 });
    expect(d.successes.map((s: { title: string }) => s.title)).toEqual(["Gelukt"]);
  });

  it("counts the overdue actions of a region that has no programmes yet", async () => {
    const other = await world.as("b", "medewerker");
    const r = await world.inject(other, {
      method: "POST",
      url: "/api/v1/actions",
      payload: {
        priorityId: await world.create("priority", other),
        title: "Te laat",
        ownerOrganisationId: await world.create("organisation", other),
        dueDate: "2020-01-01",
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    const d = (await world.inject(other, { method: "GET", url: "/api/v1/plan-dashboard" })).json();
    expect([d.programmes, d.overdueActions.count]).toEqual([[], 1]);
  });
});
