import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, World } from "../../../../tests/support/world.js";
import { inRegion } from "../../platform/context.js";

let world: World;
let staff: Caller;
const ids: Record<string, string> = {};
beforeAll(async () => {
  world = await World.create();
  staff = await world.as("a", "medewerker");
  const post = async (url: string, payload: Record<string, unknown>) => {
    const response = await call("POST", url, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  ids.programme = (await post("/api/v1/programmes", { name: "Kwetsbare ouderen", level: "district" })).id;
  ids.sanne = (
    await post("/api/v1/persons", {
      givenName: "Sanne",
      familyName: "Projectleider",
      email: "sanne@example.org",
    })
  ).id;
  ids.practice = (
    await post("/api/v1/organisations", { kind: "general_practice", name: "Huisartsen De Duinen" })
  ).id;
  ids.group = (await post("/api/v1/bodies", { kind: "working_group", name: "Werkgroep Zorgvernieuwing" })).id;
  const plan = await post("/api/v1/plans", { title: "Regioplan", startYear: 2025, endYear: 2028 });
  const area = await post(`/api/v1/plans/${plan.id}/policy-areas`, { name: "Zorgvernieuwing" });
  ids.result = (
    await post(`/api/v1/policy-areas/${area.id}/result-areas`, { name: "Kwetsbare ouderen in beeld" })
  ).id;
});
afterAll(() => world?.close());

function call(method: "GET" | "POST" | "PATCH", url: string, payload?: Record<string, unknown>, as = staff) {
  return world.inject(as, { method, url, ...(payload ? { payload } : {}) });
}

const project = (extra: Record<string, unknown> = {}) => ({
  programmeId: ids.programme,
  name: "Valpreventie in de wijk",
  level: "district",
  leaderPersonId: ids.sanne,
  workingGroupId: ids.group,
  startDate: "2026-01-01",
  endDate: "2026-12-31",
  resultAreaIds: [ids.result],
  organisationIds: [ids.practice],
  ...extra,
});

describe("programmes and projects", () => {
  it("starts a project under a programme with its leader, werkgroep, period and resultaatgebieden", async () => {
    const created = await call("POST", "/api/v1/projects", project());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      programmeName: "Kwetsbare ouderen",
      phase: "idea",
      leader: { id: ids.sanne, name: "Sanne Projectleider" },
      workingGroup: { id: ids.group, name: "Werkgroep Zorgvernieuwing" },
      resultAreas: [
        { id: ids.result, name: "Kwetsbare ouderen in beeld", policyAreaName: "Zorgvernieuwing" },
      ],
      organisations: [{ id: ids.practice, name: "Huisartsen De Duinen" }],
    });
    const programmes = (await call("GET", "/api/v1/programmes")).json().items;
    expect(programmes).toEqual([expect.objectContaining({ name: "Kwetsbare ouderen", projectCount: 1 })]);
    const moved = await call("PATCH", `/api/v1/projects/${created.json().id}`, {
      version: 1,
      phase: "execution",
    });
    expect(moved.json()).toMatchObject({ phase: "execution", version: 2 });
    const inExecution = (await call("GET", "/api/v1/projects?phase=execution")).json().items;
    expect(inExecution.map((p: { id: string }) => p.id)).toContain(created.json().id);
  });

  it("refuses a project that ends before it starts, and links to another region's resources", async () => {
    const backwards = await call(
      "POST",
      "/api/v1/projects",
      project({ startDate: "2026-06-01", endDate: "2026-01-01" }),
    );
    expect([backwards.statusCode, backwards.json().errors[0].field]).toEqual([422, "body.endDate"]);

    const foreignStaff = await world.as("b", "medewerker");
    const foreignPerson = (
      await call("POST", "/api/v1/persons", { givenName: "Elders", familyName: "Persoon" }, foreignStaff)
    ).json().id;
    const foreignLeader = await call("POST", "/api/v1/projects", project({ leaderPersonId: foreignPerson }));
    expect([foreignLeader.statusCode, foreignLeader.json().errors[0].field]).toEqual([
      404,
      "body.leaderPersonId",
    ]);
    const foreignProgramme = (
      await call("POST", "/api/v1/programmes", { name: "Elders", level: "region" }, foreignStaff)
    ).json().id;
    const wrongProgramme = await call("POST", "/api/v1/projects", project({ programmeId: foreignProgramme }));
    expect([wrongProgramme.statusCode, wrongProgramme.json().errors[0].field]).toEqual([
      404,
      "body.programmeId",
    ]);
    const unknownArea = await call(
      "POST",
      "/api/v1/projects",
      project({ resultAreaIds: [ids.result, crypto.randomUUID()] }),
    );
    expect([unknownArea.statusCode, unknownArea.json().errors[0].field]).toEqual([
      404,
      "body.resultAreaIds.1",
    ]);
    const before = await world.rows<{ n: number }>(sql`select count(*)::int as n from projects`);
    expect(before[0]!.n).toBe(1);
  });

  it("works in wijken of the werkgebied, and the list shows a wijk's projects", async () => {
    const centrum = await world.create("wijk", staff);
    const noord = await world.create("wijk", staff);
    const created = await call(
      "POST",
      "/api/v1/projects",
      project({ name: "In de wijk", wijkCodes: [centrum, noord] }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(
      created
        .json()
        .wijken.map((w: { code: string }) => w.code)
        .sort(),
    ).toEqual([centrum, noord].sort());
    const inCentrum = (await call("GET", `/api/v1/projects?wijkCode=${centrum}`)).json().items;
    expect(inCentrum.map((p: { name: string }) => p.name)).toEqual(["In de wijk"]);
    // A wijk that is not in the werkgebied, or not a wijk code at all, is refused.
    const unknown = await call("POST", "/api/v1/projects", project({ wijkCodes: ["WK999999"] }));
    expect([unknown.statusCode, unknown.json().errors[0].field]).toEqual([422, "body.wijkCodes"]);
    const malformed = await call("POST", "/api/v1/projects", project({ wijkCodes: ["Centrum"] }));
    expect(malformed.statusCode).toBe(400);
    // Changing the wijken replaces them.
    const moved = await call("PATCH", `/api/v1/projects/${created.json().id}`, {
      version: 1,
      wijkCodes: [noord],
    });
    expect(moved.json().wijken.map((w: { code: string }) => w.code)).toEqual([noord]);
  });

  it("gives the second of two people editing a project a conflict", async () => {
    const created = (await call("POST", "/api/v1/projects", project({ name: "Samen bewerken" }))).json();
    expect(
      (await call("PATCH", `/api/v1/projects/${created.id}`, { version: 1, goals: "Eerste" })).statusCode,
    ).toBe(200);
    const second = await call("PATCH", `/api/v1/projects/${created.id}`, { version: 1, goals: "Tweede" });
    expect(second.statusCode).toBe(409);
    expect(second.json().current).toMatchObject({ goals: "Eerste" });
  });

  it("lets a projectleider move the projects they lead, and only those", async () => {
    const leader = await world.as("a", "projectleider");
    // The account is Sanne's: her person record has the account's e-mail address.
    await world.linkPerson(leader, ids.sanne!);
    const own = (await call("POST", "/api/v1/projects", project({ name: "Van Sanne" }))).json();
    const other = (
      await call("POST", "/api/v1/projects", project({ name: "Van een ander", leaderPersonId: null }))
    ).json();

    const mine = (await call("GET", "/api/v1/projects?mine=true", undefined, leader)).json().items;
    expect(mine.map((p: { name: string }) => p.name)).toContain("Van Sanne");
    expect(mine.every((p: { mine: boolean }) => p.mine)).toBe(true);
    const asSeen = (await call("GET", `/api/v1/projects/${other.id}`, undefined, leader)).json();
    expect(asSeen.mine).toBe(false);
    expect(mine.map((p: { name: string }) => p.name)).not.toContain("Van een ander");

    const moved = await call(
      "PATCH",
      `/api/v1/projects/${own.id}`,
      { version: 1, phase: "preparation" },
      leader,
    );
    expect(moved.statusCode, moved.body).toBe(200);
    const handOver = await call(
      "PATCH",
      `/api/v1/projects/${own.id}`,
      { version: 2, leaderPersonId: null },
      leader,
    );
    expect([handOver.statusCode, handOver.json().errors[0].field]).toEqual([403, "body.leaderPersonId"]);
    expect(
      (await call("PATCH", `/api/v1/projects/${other.id}`, { version: 1, phase: "preparation" }, leader))
        .statusCode,
    ).toBe(403);
    // A member reads projects but changes none.
    const member = await world.as("a", "lid");
    expect((await call("GET", `/api/v1/projects/${own.id}`, undefined, member)).statusCode).toBe(200);
    expect(
      (await call("PATCH", `/api/v1/projects/${own.id}`, { version: 2, phase: "closed" }, member)).statusCode,
    ).toBe(403);
  });

  it("keeps programme names unique and records every change in the logboek", async () => {
    const twice = await call("POST", "/api/v1/programmes", { name: "Kwetsbare ouderen", level: "region" });
    expect([twice.statusCode, twice.json().errors[0].field]).toEqual([409, "body.name"]);
    const created = (await call("POST", "/api/v1/projects", project({ name: "Gelogd" }))).json();
    await call("PATCH", `/api/v1/projects/${created.id}`, { version: 1, phase: "closed" });
    const rows = await inRegion(world.db, staff.regionId, (tx) =>
      tx.execute(
        sql`select action from audit_log where entity_type = 'project' and entity_id = ${created.id} order by id`,
      ),
    );
    expect((rows as unknown as { rows: { action: string }[] }).rows.map((r) => r.action)).toEqual([
      "create",
      "update",
    ]);
  });
});
