import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, World } from "../../../../tests/support/world.js";

let world: World;
let staff: Caller;
beforeAll(async () => {
  world = await World.create();
  staff = await world.as("a", "medewerker");
});
afterAll(() => world?.close());

const call = (method: "GET" | "POST", url: string, payload?: Record<string, unknown>) =>
  world.inject(staff, { method, url, payload });
const create = async (url: string, payload: Record<string, unknown>) =>
  (await call("POST", url, payload)).json();

describe("merging organisations", () => {
  it("previews, then moves parts, people and members while both histories stay", async () => {
    const source = await create("/api/v1/organisations", {
      kind: "care_group",
      name: "Zorggroep Rijn en Duin",
    });
    const target = await create("/api/v1/organisations", {
      kind: "care_group",
      name: "Zorggroep Bollenstreek",
    });
    const practice = await create("/api/v1/organisations", {
      kind: "general_practice",
      name: "Huisartsen De Duinen",
      parentId: source.id,
    });
    const person = (name: string) => create("/api/v1/persons", { givenName: name, familyName: "Lid" });
    const [both, only, later] = [await person("Both"), await person("Only"), await person("Later")];
    const join = (organisationId: string, member: Record<string, string>, startDate: string) =>
      create("/api/v1/memberships", { organisationId, ...member, startDate });
    await join(source.id, { memberPersonId: both.id }, "2015-01-01");
    await join(target.id, { memberPersonId: both.id }, "2020-01-01");
    await join(source.id, { memberPersonId: only.id }, "2016-01-01");
    await join(source.id, { memberPersonId: later.id }, "2027-01-01");
    await join(source.id, { memberOrganisationId: practice.id }, "2019-01-01");
    await create(`/api/v1/persons/${only.id}/work-relations`, {
      organisationId: source.id,
      function: "Kwaliteitsfunctionaris",
      fte: 0.5,
      fromDate: "2018-01-01",
    });

    const merge = (body: Record<string, unknown>, id = source.id) =>
      call("POST", `/api/v1/organisations/${id}/merge`, body);
    const preview = await merge({
      targetId: target.id,
      version: source.version,
      date: "2026-01-01",
      dryRun: true,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      children: [{ id: practice.id, name: "Huisartsen De Duinen" }],
      workRelations: [{ personId: only.id, name: "Only Lid", function: "Kwaliteitsfunctionaris" }],
      members: { moving: 3, alreadyInTarget: 1 },
      merged: false,
    });
    // A preview changes nothing.
    expect((await call("GET", `/api/v1/organisations/${source.id}`)).json().status).toBe("active");

    const done = await merge({ targetId: target.id, version: source.version, date: "2026-01-01" });
    expect(done.statusCode).toBe(200);
    expect(done.json().merged).toBe(true);
    const after = (await call("GET", `/api/v1/organisations/${source.id}`)).json();
    expect(after).toMatchObject({ status: "merged", statusDate: "2026-01-01", mergedIntoId: target.id });
    expect((await call("GET", `/api/v1/organisations/${practice.id}`)).json().parentId).toBe(target.id);

    const membersOf = async (id: string, date: string) =>
      (await call("GET", `/api/v1/memberships?organisationId=${id}&activeOn=${date}`))
        .json()
        .items.map((m: { memberName: string }) => m.memberName)
        .sort();
    expect(await membersOf(target.id, "2026-01-01")).toEqual([
      "Both Lid",
      "Huisartsen De Duinen",
      "Only Lid",
    ]);
    expect(await membersOf(target.id, "2027-06-01")).toEqual([
      "Both Lid",
      "Huisartsen De Duinen",
      "Later Lid",
      "Only Lid",
    ]);
    // The source's history is still there, up to the day before.
    expect(await membersOf(source.id, "2025-12-31")).toEqual([
      "Both Lid",
      "Huisartsen De Duinen",
      "Only Lid",
    ]);
    expect(await membersOf(source.id, "2026-01-01")).toEqual([]);
    const work = (await call("GET", `/api/v1/persons/${only.id}/work-relations`)).json().items;
    expect(
      work.map((w: { organisationName: string; fromDate: string; toDate: string | null }) => [
        w.organisationName,
        w.fromDate,
        w.toDate,
      ]),
    ).toEqual([
      ["Zorggroep Bollenstreek", "2026-01-01", null],
      ["Zorggroep Rijn en Duin", "2018-01-01", "2025-12-31"],
    ]);
  });

  it("refuses a merge into itself, into its own part, twice, stale, or across regions", async () => {
    const a = await create("/api/v1/organisations", { kind: "care_group", name: "A" });
    const part = await create("/api/v1/organisations", {
      kind: "neighbourhood_network",
      name: "A-deel",
      parentId: a.id,
    });
    const b = await create("/api/v1/organisations", { kind: "care_group", name: "B" });
    const merge = (body: Record<string, unknown>, id = a.id) =>
      call("POST", `/api/v1/organisations/${id}/merge`, body);
    const refused = async (body: Record<string, unknown>, status: number, field: string, id?: string) => {
      const response = await merge(body, id);
      expect(response.statusCode, response.body).toBe(status);
      if (field) expect(response.json().errors[0].field).toBe(field);
    };
    await refused({ targetId: a.id, version: 1 }, 422, "body.targetId");
    await refused({ targetId: part.id, version: 1 }, 422, "body.targetId");
    await refused({ targetId: b.id, version: 7 }, 409, "");
    const other = await world.as("b", "medewerker");
    const foreign = (
      await world.inject(other, {
        method: "POST",
        url: "/api/v1/organisations",
        payload: { kind: "care_group", name: "C" },
      })
    ).json();
    await refused({ targetId: foreign.id, version: 1 }, 404, "body.targetId");
    expect((await merge({ targetId: b.id, version: 1 })).statusCode).toBe(200);
    await refused({ targetId: b.id, version: 2 }, 422, "id");
  });
});
