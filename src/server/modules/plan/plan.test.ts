import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfText } from "../../../../tests/support/pdf-text.js";
import { type Caller, World } from "../../../../tests/support/world.js";

let world: World;
let staff: Caller;
let stuurgroep: string;
beforeAll(async () => {
  world = await World.create();
  staff = await world.as("a", "medewerker");
  const body = await call("POST", "/api/v1/bodies", { kind: "steering_group", name: "Stuurgroep" });
  stuurgroep = body.json().id;
});
afterAll(() => world?.close());

function call(method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: Record<string, unknown>) {
  return world.inject(staff, { method, url, ...(payload ? { payload } : {}) });
}

async function newPlan(title = "Regioplan Zuid-Holland Noord") {
  const res = await call("POST", "/api/v1/plans", {
    title,
    startYear: 2025,
    endYear: 2028,
    vision: "Samen.",
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; version: number };
}
async function addArea(url: string, name: string) {
  const res = await call("POST", url, { name });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; version: number; position: number };
}

describe("writing a regioplan", () => {
  it("holds beleidsterreinen with their resultaatgebieden, in the order the bureau gives them", async () => {
    const plan = await newPlan();
    const work = await addArea(`/api/v1/plans/${plan.id}/policy-areas`, "Arbeidsmarkt");
    const ict = await addArea(`/api/v1/plans/${plan.id}/policy-areas`, "ICT");
    const quality = await addArea(`/api/v1/plans/${plan.id}/policy-areas`, "Kwaliteit");
    expect([work.position, ict.position, quality.position]).toEqual([1, 2, 3]);
    await addArea(`/api/v1/policy-areas/${work.id}/result-areas`, "Minder verloop");
    await addArea(`/api/v1/policy-areas/${work.id}/result-areas`, "Meer stageplaatsen");

    // Kwaliteit moves to the front; the others shift along.
    const moved = await call("PATCH", `/api/v1/policy-areas/${quality.id}`, { version: 1, position: 1 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ position: 1, version: 2 });

    const page = (await call("GET", `/api/v1/plans/${plan.id}`)).json();
    expect(page.policyAreas.map((a: { name: string }) => a.name)).toEqual([
      "Kwaliteit",
      "Arbeidsmarkt",
      "ICT",
    ]);
    expect(page.policyAreas.map((a: { position: number }) => a.position)).toEqual([1, 2, 3]);
    expect(page.policyAreas[1].resultAreas.map((r: { name: string }) => r.name)).toEqual([
      "Minder verloop",
      "Meer stageplaatsen",
    ]);
    expect(page).toMatchObject({ status: "concept", revision: 1, vision: "Samen.", adoptedBy: null });
  });

  it("refuses a period that ends before it starts, and a name used twice under the same parent", async () => {
    const backwards = await call("POST", "/api/v1/plans", {
      title: "Achterstevoren",
      startYear: 2028,
      endYear: 2025,
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().errors[0].field).toBe("body.endYear");
    const tooLong = await call("POST", "/api/v1/plans", { title: "Te lang", startYear: 2025, endYear: 2045 });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().errors[0]).toMatchObject({
      field: "body.endYear",
      message: expect.stringMatching(/tien jaar/),
    });

    const plan = await newPlan("Dubbel");
    await addArea(`/api/v1/plans/${plan.id}/policy-areas`, "ICT");
    const twice = await call("POST", `/api/v1/plans/${plan.id}/policy-areas`, { name: "ICT" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors[0].field).toBe("body.name");
  });

  it("gives the second of two people editing the same plan a conflict with the current text", async () => {
    const plan = await newPlan("Samen schrijven");
    const first = await call("PATCH", `/api/v1/plans/${plan.id}`, { version: 1, ambitions: "Eerste" });
    expect(first.statusCode).toBe(200);
    const second = await call("PATCH", `/api/v1/plans/${plan.id}`, { version: 1, ambitions: "Tweede" });
    expect(second.statusCode).toBe(409);
    expect(second.json().current).toMatchObject({ ambitions: "Eerste", version: 2 });
  });
});

describe("vaststellen and new versions", () => {
  it("fixes an adopted plan, and a new version copies it into a concept that can change", async () => {
    const plan = await newPlan("Transitieagenda");
    const area = await addArea(`/api/v1/plans/${plan.id}/policy-areas`, "Zorgvernieuwing");
    await addArea(`/api/v1/policy-areas/${area.id}/result-areas`, "Zorg op afstand in elke WSV");

    const adopted = await call("POST", `/api/v1/plans/${plan.id}/adopt`, {
      version: 1,
      bodyId: stuurgroep,
      adoptedOn: "2026-03-12",
    });
    expect(adopted.statusCode).toBe(200);
    expect(adopted.json()).toMatchObject({
      status: "adopted",
      adoptedBy: { id: stuurgroep, name: "Stuurgroep" },
      adoptedOn: "2026-03-12",
    });

    // The record does not change any more: not the text, not its areas.
    const edit = await call("PATCH", `/api/v1/plans/${plan.id}`, { version: 2, title: "Anders" });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().errors[0].message).toMatch(/vastgesteld/);
    expect((await call("POST", `/api/v1/plans/${plan.id}/policy-areas`, { name: "Nieuw" })).statusCode).toBe(
      409,
    );
    expect((await call("DELETE", `/api/v1/policy-areas/${area.id}?version=1`)).statusCode).toBe(409);
    expect((await call("DELETE", `/api/v1/plans/${plan.id}?version=2`)).statusCode).toBe(409);

    const revised = await call("POST", `/api/v1/plans/${plan.id}/revisions`);
    expect(revised.statusCode).toBe(201);
    const copy = revised.json();
    expect(copy).toMatchObject({
      status: "concept",
      revision: 2,
      previousId: plan.id,
      title: "Transitieagenda",
    });
    expect(copy.policyAreas[0]).toMatchObject({
      name: "Zorgvernieuwing",
      resultAreas: [{ name: "Zorg op afstand in elke WSV" }],
    });
    expect(copy.policyAreas[0].id).not.toBe(area.id);
    const renamed = await call("PATCH", `/api/v1/policy-areas/${copy.policyAreas[0].id}`, {
      version: 1,
      name: "Zorgvernieuwing en e-health",
    });
    expect(renamed.statusCode).toBe(200);
    // The adopted plan still says what was adopted, and points at its successor; one at a time.
    const original = (await call("GET", `/api/v1/plans/${plan.id}`)).json();
    expect(original.policyAreas[0].name).toBe("Zorgvernieuwing");
    expect(original.nextRevision).toEqual({ id: copy.id, revision: 2 });
    expect((await call("POST", `/api/v1/plans/${plan.id}/revisions`)).statusCode).toBe(409);

    // The adopted version as a PDF: what was adopted, by whom, with the numbered work agenda.
    const pdf = await call("GET", `/api/v1/plans/${plan.id}/plan.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toContain("Transitieagenda_2025_2028_versie_1.pdf");
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, " ");
    expect(text).toContain("Versie 1 · Vastgesteld door Stuurgroep op 12 maart 2026");
    expect(text).toContain("1. Zorgvernieuwing");
    expect(text).toContain("1.1 Zorg op afstand in elke WSV");
    expect(text).not.toContain("e-health");
  });

  it("is vastgesteld only by a body of the region, and only with a beleidsterrein", async () => {
    const empty = await newPlan("Leeg");
    const none = await call("POST", `/api/v1/plans/${empty.id}/adopt`, {
      version: 1,
      bodyId: stuurgroep,
      adoptedOn: "2026-03-12",
    });
    expect(none.statusCode).toBe(422);

    await addArea(`/api/v1/plans/${empty.id}/policy-areas`, "Kwaliteit");
    const foreignStaff = await world.as("b", "medewerker");
    const foreignBody = await world.inject(foreignStaff, {
      method: "POST",
      url: "/api/v1/bodies",
      payload: { kind: "steering_group", name: "Stuurgroep elders" },
    });
    const foreign = await call("POST", `/api/v1/plans/${empty.id}/adopt`, {
      version: 1,
      bodyId: foreignBody.json().id,
      adoptedOn: "2026-03-12",
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().errors[0].field).toBe("body.bodyId");
    // Another region's plan does not exist for this one.
    expect(
      (await world.inject(foreignStaff, { method: "GET", url: `/api/v1/plans/${empty.id}` })).statusCode,
    ).toBe(404);
  });

  it("records every change in the logboek, including the resultaatgebieden a beleidsterrein takes along", async () => {
    const plan = await newPlan("Opruimen");
    const area = await addArea(`/api/v1/plans/${plan.id}/policy-areas`, "Transmurale afspraken");
    const result = await addArea(`/api/v1/policy-areas/${area.id}/result-areas`, "Eén verwijsroute");
    expect((await call("DELETE", `/api/v1/policy-areas/${area.id}?version=1`)).statusCode).toBe(204);
    const rows = await world.rows<{ entity_type: string; entity_id: string; action: string }>(
      sql`select entity_type, entity_id, action from audit_log where entity_id in (${area.id}, ${result.id}) order by id`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { entity_type: "policy_area", entity_id: area.id, action: "delete" },
        { entity_type: "result_area", entity_id: result.id, action: "delete" },
      ]),
    );
  });
});

describe("resultaatgebieden for projects", () => {
  it("offers those of the plans in force: a version replaces its predecessor once it is vastgesteld", async () => {
    const plan = await newPlan("Geldend plan");
    const area = await addArea(`/api/v1/plans/${plan.id}/policy-areas`, "GGZ");
    const result = await addArea(`/api/v1/policy-areas/${area.id}/result-areas`, "Wachttijd GGZ korter");
    const offered = async () =>
      ((await call("GET", "/api/v1/result-areas")).json().items as { id: string; name: string }[]).filter(
        (r) => r.name.startsWith("Wachttijd GGZ"),
      );
    // A concept is not in force.
    expect(await offered()).toEqual([]);
    await call("POST", `/api/v1/plans/${plan.id}/adopt`, {
      version: 1,
      bodyId: stuurgroep,
      adoptedOn: "2026-01-15",
    });
    expect((await offered()).map((r) => r.id)).toEqual([result.id]);
    const copy = (await call("POST", `/api/v1/plans/${plan.id}/revisions`)).json();
    expect((await offered()).map((r) => r.id)).toEqual([result.id]);
    await call("POST", `/api/v1/plans/${copy.id}/adopt`, {
      version: 1,
      bodyId: stuurgroep,
      adoptedOn: "2027-01-15",
    });
    const now = await offered();
    expect(now).toHaveLength(1);
    expect(now[0]!.id).toBe(copy.policyAreas[0].resultAreas[0].id);
  });

  it("moves the projects, KPIs and speerpunten of a resultaatgebied to its copy when the new version is vastgesteld", async () => {
    const plan = await newPlan("Plan met verwijzingen");
    const area = await addArea(`/api/v1/plans/${plan.id}/policy-areas`, "Kwaliteit");
    const kept = await addArea(`/api/v1/policy-areas/${area.id}/result-areas`, "Minder antibiotica");
    const dropped = await addArea(`/api/v1/policy-areas/${area.id}/result-areas`, "Vervalt");
    await call("POST", `/api/v1/plans/${plan.id}/adopt`, {
      version: 1,
      bodyId: stuurgroep,
      adoptedOn: "2026-01-15",
    });
    const programme = (
      await call("POST", "/api/v1/programmes", { name: "Farmacie", level: "region" })
    ).json();
    const project = (
      await call("POST", "/api/v1/projects", {
        programmeId: programme.id,
        name: "Antibioticastewardship",
        level: "region",
        resultAreaIds: [kept.id, dropped.id],
      })
    ).json();
    const kpi = (
      await call("POST", "/api/v1/kpis", {
        resultAreaId: kept.id,
        name: "Voorschriften per 1.000",
        unit: "aantal",
        baseline: 300,
        target: 250,
        direction: "down",
      })
    ).json();

    const copy = (await call("POST", `/api/v1/plans/${plan.id}/revisions`)).json();
    const copied = copy.policyAreas[0].resultAreas.find(
      (r: { name: string }) => r.name === "Minder antibiotica",
    );
    // The new version leaves one resultaatgebied out; until it is vastgesteld nothing moves.
    const dropCopy = copy.policyAreas[0].resultAreas.find((r: { name: string }) => r.name === "Vervalt");
    expect((await call("DELETE", `/api/v1/result-areas/${dropCopy.id}?version=1`)).statusCode).toBe(204);
    const linksOf = async () =>
      (await call("GET", `/api/v1/projects/${project.id}`))
        .json()
        .resultAreas.map((r: { id: string }) => r.id)
        .sort();
    expect(await linksOf()).toEqual([kept.id, dropped.id].sort());
    const adopted = await call("POST", `/api/v1/plans/${copy.id}/adopt`, {
      version: copy.version,
      bodyId: stuurgroep,
      adoptedOn: "2027-01-15",
    });
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect(await linksOf()).toEqual([copied.id, dropped.id].sort());
    expect((await call("GET", `/api/v1/kpis/${kpi.id}`)).json().resultArea.id).toBe(copied.id);
    // The plan in force reads from ambition to execution: its resultaatgebied names what serves it.
    const page = (await call("GET", `/api/v1/plans/${copy.id}`)).json();
    expect(page.policyAreas[0].resultAreas[0].work).toEqual({
      projects: [{ id: project.id, name: "Antibioticastewardship" }],
      priorities: [],
      kpis: [{ id: kpi.id, name: "Voorschriften per 1.000" }],
    });
    const pdf = await call("GET", `/api/v1/plans/${copy.id}/plan.pdf`);
    expect(pdfText(pdf.rawPayload).replace(/\s+/g, " ")).toContain(
      "Projecten: Antibioticastewardship · Indicatoren: Voorschriften per 1.000",
    );
    const audited = await world.rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where entity_id in (${project.id}, ${kpi.id}) and changes ? 'resultAreaId'`,
    );
    expect(audited[0]!.n).toBe(2);
  });
});

describe("who may", () => {
  it("lets every role read the plan and only the bureau write it", async () => {
    const plan = await newPlan("Voor iedereen");
    for (const role of ["lid", "partner", "projectleider"] as const) {
      const reader = await world.as("a", role);
      expect(
        (await world.inject(reader, { method: "GET", url: `/api/v1/plans/${plan.id}` })).statusCode,
      ).toBe(200);
      const write = await world.inject(reader, {
        method: "PATCH",
        url: `/api/v1/plans/${plan.id}`,
        payload: { version: 1, title: "Gekaapt" },
      });
      expect(write.statusCode).toBe(403);
    }
  });

  it("lists plans newest period first, searchable and filtered by status", async () => {
    await call("POST", "/api/v1/plans", { title: "Oud plan 2019", startYear: 2019, endYear: 2021 });
    const all = (await call("GET", "/api/v1/plans?limit=200")).json().items as { startYear: number }[];
    expect(all.at(-1)?.startYear).toBe(2019);
    const found = (await call("GET", "/api/v1/plans?q=oud%20plan")).json().items;
    expect(found.map((p: { title: string }) => p.title)).toEqual(["Oud plan 2019"]);
    const adopted = (await call("GET", "/api/v1/plans?status=adopted")).json().items;
    expect(adopted.every((p: { status: string }) => p.status === "adopted")).toBe(true);
    const paged = (await call("GET", "/api/v1/plans?limit=2")).json();
    const next = (await call("GET", `/api/v1/plans?limit=2&cursor=${paged.nextCursor}`)).json();
    expect(next.items[0].id).not.toBe(paged.items[1].id);
  });
});
