import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payloadFor } from "../../../../tests/support/routes.js";
import { type Caller, fieldOf, World } from "../../../../tests/support/world.js";

let world: World;
let staff: Caller;
const ids: Record<string, string> = {};

function call(method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: unknown, as = staff) {
  return world.inject(as, { method, url, ...(payload ? { payload } : {}) });
}
async function ok(method: "POST" | "PATCH", url: string, payload: unknown, status = 200) {
  const response = await call(method, url, payload);
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}
/** A multipart upload of `csv` as the field `file`. */
function upload(query: string, csv: string) {
  const { payload, headers } = payloadFor({
    multipart: { name: "metingen.csv", base64: Buffer.from(csv).toString("base64") },
  });
  return world.inject(staff, { method: "POST", url: `/api/v1/kpis/import?${query}`, payload, headers });
}

beforeAll(async () => {
  world = await World.create();
  staff = await world.as("a", "medewerker");
  const plan = await ok("POST", "/api/v1/plans", { title: "Regioplan", startYear: 2025, endYear: 2028 }, 201);
  const area = await ok("POST", `/api/v1/plans/${plan.id}/policy-areas`, { name: "Arbeidsmarkt" }, 201);
  ids.result = (
    await ok("POST", `/api/v1/policy-areas/${area.id}/result-areas`, { name: "Minder verloop" }, 201)
  ).id;
  ids.wijk = await world.create("wijk", staff);
});
afterAll(() => world?.close());

const kpi = (extra: Record<string, unknown> = {}) => ({
  resultAreaId: ids.result,
  name: "Verloop huisartsen",
  definition: "Huisartsen die in het jaar vertrokken, als deel van alle huisartsen",
  unit: "%",
  baseline: 20,
  target: 10,
  direction: "down",
  ...extra,
});

describe("KPIs", () => {
  it("measures a KPI per period and derives its status from baseline, target and the plan's time", async () => {
    const created = await ok("POST", "/api/v1/kpis", kpi(), 201);
    expect(created).toMatchObject({
      resultArea: { name: "Minder verloop", policyAreaName: "Arbeidsmarkt" },
      plan: { startYear: 2025, endYear: 2028 },
      latest: null,
      status: "no_data",
    });
    const measure = (body: Record<string, unknown>) =>
      call("POST", `/api/v1/kpis/${created.id}/measurements`, body);
    // Half the plan's time gone at the end of 2026, 40% of the way from 20 to 10: behind.
    expect((await measure({ period: "2026", value: 16, unit: "%" })).json()).toMatchObject({
      latest: { period: "2026", value: 16 },
      status: "off_target",
    });
    // Three quarters gone at the end of 2027, 80% of the way: on course.
    expect((await measure({ period: "2027", value: 12, unit: "%" })).json().status).toBe("on_track");
    // Per wijk too; that does not change the region's status.
    const inWijk = await measure({ period: "2027", value: 9, unit: "%", wijkCode: ids.wijk });
    expect(inWijk.statusCode, inWijk.body).toBe(201);
    expect(inWijk.json().status).toBe("on_track");
    const reached = (await measure({ period: "2028-Q2", value: 9.5, unit: "%" })).json();
    expect(reached.status).toBe("achieved");
    expect(reached.measurements.map((m: { period: string; value: number }) => [m.period, m.value])).toEqual([
      ["2026", 16],
      ["2027", 12],
      ["2027", 9],
      ["2028-Q2", 9.5],
    ]);

    // Bad measurements, each named at its field; nothing is written.
    const before = await world.snapshot();
    expect(fieldOf(await measure({ period: "2027", value: 3, unit: "aantal" }))).toEqual([422, "body.unit"]);
    expect(fieldOf(await measure({ period: "2030", value: 3, unit: "%" }))).toEqual([422, "body.period"]);
    expect(fieldOf(await measure({ period: "Q1 2026", value: 3, unit: "%" }))).toEqual([400, "body.period"]);
    expect(fieldOf(await measure({ period: "2027", value: 3, unit: "%" }))).toEqual([409, "body.period"]);
    expect(fieldOf(await measure({ period: "2026-Q3", value: 3, unit: "%", wijkCode: "WK999999" }))).toEqual([
      422,
      "body.wijkCode",
    ]);
    await expect(world.snapshot()).resolves.toEqual(before);

    // The unit is fixed once measured; a foreign region's KPI is not found.
    expect(
      fieldOf(await call("PATCH", `/api/v1/kpis/${created.id}`, { version: 1, unit: "aantal" })),
    ).toEqual([409, "body.unit"]);
    const foreign = await world.as("b", "medewerker");
    expect((await call("GET", `/api/v1/kpis/${created.id}`, undefined, foreign)).statusCode).toBe(404);

    // A mistaken measurement is removed; the logboek keeps it.
    const wrong = reached.measurements.find((m: { period: string }) => m.period === "2028-Q2");
    const removed = await call("DELETE", `/api/v1/kpi-measurements/${wrong.id}?version=1`);
    expect(removed.statusCode).toBe(204);
    expect((await call("GET", `/api/v1/kpis/${created.id}`)).json().status).toBe("on_track");
    const audited = await world.rows<{ action: string }>(
      sql`select action from audit_log where entity_type = 'kpi_measurement' and entity_id = ${wrong.id} order by id`,
    );
    expect(audited.map((a) => a.action)).toEqual(["create", "delete"]);
  });

  it("imports measurements from a CSV: each bad row named, nothing or only the good rows, as chosen", async () => {
    await ok(
      "POST",
      "/api/v1/kpis",
      kpi({ name: "Wachttijd GGZ", unit: "dagen", baseline: 60, target: 30 }),
      201,
    );
    const csv = [
      "indicator;periode;waarde;eenheid;wijk",
      "Wachttijd GGZ;2026-Q1;52,5;dagen;",
      `Wachttijd GGZ;2026-Q1;48;dagen;${ids.wijk}`,
      "Wachttijd GGZ;2031;40;dagen;",
      "Onbekende indicator;2026;1;dagen;",
      "Wachttijd GGZ;2026-Q2;veel;dagen;",
      "Wachttijd GGZ;2026-Q2;44;weken;",
    ].join("\n");
    const all = await upload("mode=all", csv);
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json()).toMatchObject({ rows: 6, validRows: 2, imported: false });
    expect(all.json().errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [4, "periode"],
      [5, "indicator"],
      [6, "waarde"],
      [7, "eenheid"],
    ]);
    const list = async () => (await call("GET", "/api/v1/kpis?q=wachttijd")).json().items[0];
    expect((await list()).latest).toBeNull();

    const valid = await upload("mode=valid", csv);
    expect(valid.json()).toMatchObject({ validRows: 2, imported: true });
    expect((await list()).latest).toEqual({ period: "2026-Q1", value: 52.5 });
    // Measured again: the file's value replaces the earlier one.
    await upload("mode=valid", "indicator;periode;waarde\nWachttijd GGZ;2026-Q1;50\n");
    expect((await list()).latest).toEqual({ period: "2026-Q1", value: 50 });
    const exported = await call("GET", "/api/v1/kpis/export?format=csv&q=wachttijd");
    expect(exported.body).toContain("Wachttijd GGZ");
  });
});
