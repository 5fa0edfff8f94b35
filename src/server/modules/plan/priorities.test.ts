import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, fieldOf, World } from "../../../../tests/support/world.js";

let world: World;
let staff: Caller;
let partner: Caller;
const ids: Record<string, string> = {};

function call(
  as: Caller,
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  url: string,
  payload?: unknown,
) {
  return world.inject(as, { method, url, ...(payload ? { payload } : {}) });
}
async function ok(as: Caller, method: "POST" | "PATCH" | "PUT", url: string, payload: unknown, status = 200) {
  const response = await call(as, method, url, payload);
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

beforeAll(async () => {
  world = await World.create();
  staff = await world.as("a", "medewerker");
  partner = await world.as("a", "partner");
  ids.gemeente = (
    await ok(staff, "POST", "/api/v1/organisations", { kind: "municipality", name: "Gemeente Katwijk" }, 201)
  ).id;
  // The partner's account is the wethouder's person in the directory (same e-mail address).
  ids.wethouder = (
    await ok(
      staff,
      "POST",
      "/api/v1/persons",
      { givenName: "Ilse", familyName: "Wethouder", email: "ilse@example.org" },
      201,
    )
  ).id;
  await world.linkPerson(partner, ids.wethouder!);
  ids.verzekeraar = (
    await ok(staff, "POST", "/api/v1/persons", { givenName: "Joost", familyName: "Zorginkoper" }, 201)
  ).id;
});
afterAll(() => world?.close());

describe("topics and speerpunten", () => {
  it("gathers topics with partners, records each participant's points and chooses the speerpunten", async () => {
    const p = await ok(
      staff,
      "POST",
      "/api/v1/prioritisations",
      { title: "Alliantie Gezond Katwijk", pointsPerParticipant: 10, priorityCount: 2 },
      201,
    );
    expect(p).toMatchObject({ status: "gathering", topicCount: 0, priorities: [] });
    const topic = (as: Caller, title: string, extra = {}) =>
      call(as, "POST", `/api/v1/prioritisations/${p.id}/topics`, { title, ...extra });

    // A partner brings in a topic and may change it; not someone else's.
    const rondkomen = await topic(partner, "Gezond rondkomen", { proposedByOrganisationId: ids.gemeente });
    expect(rondkomen.statusCode, rondkomen.body).toBe(201);
    const eenzaamheid = (await topic(staff, "Eenzaamheid")).json();
    const bewegen = (await topic(staff, "Bewegen")).json();
    expect(fieldOf(await topic(staff, "Bewegen"))).toEqual([409, "body.title"]);
    const own = await call(partner, "PATCH", `/api/v1/topics/${rondkomen.json().id}`, {
      version: 1,
      description: "Schulden en armoede maken ziek",
    });
    expect(own.statusCode, own.body).toBe(200);
    const theirs = await call(partner, "PATCH", `/api/v1/topics/${bewegen.id}`, {
      version: 1,
      title: "Sport",
    });
    expect(fieldOf(theirs)).toEqual([403, "params.id"]);

    // Points are divided only once gathering is over; then no topic comes in any more.
    const early = await call(partner, "PUT", `/api/v1/prioritisations/${p.id}/scores/${ids.wethouder}`, {
      scores: [{ topicId: bewegen.id, points: 1 }],
    });
    expect(fieldOf(early)).toEqual([409, "params.id"]);
    await ok(staff, "PATCH", `/api/v1/prioritisations/${p.id}`, { version: p.version, status: "scoring" });
    expect((await topic(partner, "Wonen")).statusCode).toBe(409);

    // The partner divides their own points, within the allowance, and nobody else's.
    const scores = (personId: string | undefined, as: Caller, list: [string, number][]) =>
      call(as, "PUT", `/api/v1/prioritisations/${p.id}/scores/${personId}`, {
        scores: list.map(([topicId, points]) => ({ topicId, points })),
      });
    const rondkomenId = rondkomen.json().id;
    expect(
      fieldOf(
        await scores(ids.wethouder, partner, [
          [rondkomenId, 6],
          [bewegen.id, 5],
        ]),
      ),
    ).toEqual([422, "body.scores"]);
    expect(fieldOf(await scores(ids.verzekeraar, partner, [[rondkomenId, 1]]))).toEqual([
      403,
      "params.personId",
    ]);
    expect(
      fieldOf(
        await scores(ids.wethouder, partner, [
          [rondkomenId, 1],
          [rondkomenId, 1],
        ]),
      ),
    ).toEqual([422, "body.scores.1.topicId"]);
    expect(
      (
        await scores(ids.wethouder, partner, [
          [rondkomenId, 6],
          [bewegen.id, 4],
        ])
      ).statusCode,
    ).toBe(200);
    // A second division replaces the first.
    expect(
      (
        await scores(ids.wethouder, partner, [
          [rondkomenId, 6],
          [eenzaamheid.id, 4],
        ])
      ).statusCode,
    ).toBe(200);
    // The bureau records the points the zorgverzekeraar gave at the table.
    const recorded = await scores(ids.verzekeraar, staff, [
      [eenzaamheid.id, 5],
      [bewegen.id, 5],
    ]);
    expect(recorded.statusCode, recorded.body).toBe(200);

    const detail = (await call(partner, "GET", `/api/v1/prioritisations/${p.id}`)).json();
    expect(detail.topics.map((t: { title: string; points: number }) => [t.title, t.points])).toEqual([
      ["Eenzaamheid", 9],
      ["Gezond rondkomen", 6],
      ["Bewegen", 5],
    ]);
    expect(detail.topics[1]).toMatchObject({
      mine: true,
      proposedBy: { name: "Gemeente Katwijk" },
      supporters: 1,
    });
    expect(detail.myPersonId).toBe(ids.wethouder);
    expect(
      detail.participants.map((x: { person: { name: string }; total: number }) => [x.person.name, x.total]),
    ).toEqual([
      ["Ilse Wethouder", 10],
      ["Joost Zorginkoper", 10],
    ]);

    // Choosing: no more than agreed, only topics of this prioritisation, and then it is fixed.
    const decide = (topicIds: string[], version = detail.version) =>
      call(staff, "POST", `/api/v1/prioritisations/${p.id}/decide`, { version, topicIds });
    expect(fieldOf(await decide([eenzaamheid.id, rondkomenId, bewegen.id]))).toEqual([422, "body.topicIds"]);
    expect(fieldOf(await decide([eenzaamheid.id, crypto.randomUUID()]))).toEqual([404, "body.topicIds.1"]);
    expect(fieldOf(await decide([eenzaamheid.id], detail.version - 1))[0]).toBe(409);
    expect(
      await call(partner, "POST", `/api/v1/prioritisations/${p.id}/decide`, {
        version: detail.version,
        topicIds: [eenzaamheid.id],
      }).then((r) => r.statusCode),
    ).toBe(403);
    const decided = await decide([eenzaamheid.id, rondkomenId]);
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: "decided" });
    expect(
      decided.json().priorities.map((s: { title: string; position: number }) => [s.title, s.position]),
    ).toEqual([
      ["Eenzaamheid", 1],
      ["Gezond rondkomen", 2],
    ]);
    expect(fieldOf(await scores(ids.wethouder, partner, [[bewegen.id, 1]]))).toEqual([409, "params.id"]);
    expect(
      (
        await call(staff, "PATCH", `/api/v1/prioritisations/${p.id}`, {
          version: decided.json().version,
          title: "X",
        })
      ).statusCode,
    ).toBe(409);

    // The record: who gave which points, and what was chosen, in the logboek.
    const audited = await world.rows<{ action: string; n: number }>(
      sql`select action, count(*)::int as n from audit_log where entity_id = ${p.id} group by action order by action`,
    );
    expect(audited).toEqual([
      { action: "create", n: 1 },
      { action: "decide", n: 1 },
      { action: "score", n: 3 },
      { action: "update", n: 1 },
    ]);

    // A speerpunt serves a resultaatgebied of the regioplan; one of another region is not found.
    const speerpunt = decided.json().priorities[0];
    const foreignStaff = await world.as("b", "medewerker");
    const foreignArea = await world.create("resultArea", foreignStaff);
    const linked = await call(staff, "PATCH", `/api/v1/priorities/${speerpunt.id}`, {
      version: 1,
      resultAreaId: foreignArea,
    });
    expect(fieldOf(linked)).toEqual([404, "body.resultAreaId"]);
    const area = await world.create("resultArea", staff);
    expect(
      (await call(staff, "PATCH", `/api/v1/priorities/${speerpunt.id}`, { version: 1, resultAreaId: area }))
        .statusCode,
    ).toBe(200);
    // The regioplan shows the speerpunt under the resultaatgebied it contributes to.
    const plans = (await call(staff, "GET", "/api/v1/plans")).json().items as { id: string }[];
    const areas = await Promise.all(
      plans.map(async (x) =>
        (await call(staff, "GET", `/api/v1/plans/${x.id}`))
          .json()
          .policyAreas.flatMap((a: { resultAreas: { id: string }[] }) => a.resultAreas),
      ),
    );
    expect(areas.flat().find((r) => r.id === area).work.priorities).toEqual([
      { id: speerpunt.id, title: speerpunt.title, prioritisationId: p.id },
    ]);
    const options = (await call(partner, "GET", "/api/v1/priorities")).json().items;
    expect(options.map((o: { title: string }) => o.title)).toEqual(["Eenzaamheid", "Gezond rondkomen"]);

    // Another region sees none of it.
    expect((await call(foreignStaff, "GET", `/api/v1/prioritisations/${p.id}`)).statusCode).toBe(404);
    expect((await call(foreignStaff, "GET", "/api/v1/prioritisations")).json().items).toEqual([]);
  });

  it("fixes the points per participant once points are given, and lists with search and status", async () => {
    const p = await ok(staff, "POST", "/api/v1/prioritisations", { title: "Werkgroep Kwaliteit" }, 201);
    const t = await ok(
      staff,
      "POST",
      `/api/v1/prioritisations/${p.id}/topics`,
      { title: "Antibiotica" },
      201,
    );
    const scoring = await ok(staff, "PATCH", `/api/v1/prioritisations/${p.id}`, {
      version: 1,
      status: "scoring",
    });
    await ok(staff, "PUT", `/api/v1/prioritisations/${p.id}/scores/${ids.verzekeraar}`, {
      scores: [{ topicId: t.id, points: 2 }],
    });
    const change = await call(staff, "PATCH", `/api/v1/prioritisations/${p.id}`, {
      version: scoring.version,
      pointsPerParticipant: 5,
    });
    expect(fieldOf(change)).toEqual([409, "body.pointsPerParticipant"]);
    const list = (query: string) =>
      call(partner, "GET", `/api/v1/prioritisations?${query}`).then((r) =>
        r.json().items.map((i: { title: string }) => i.title),
      );
    expect(await list("q=kwaliteit")).toEqual(["Werkgroep Kwaliteit"]);
    expect(await list("status=decided")).toEqual(["Alliantie Gezond Katwijk"]);
    const page = (await call(partner, "GET", "/api/v1/prioritisations?limit=1")).json();
    expect(page.items).toHaveLength(1);
    const next = (
      await call(partner, "GET", `/api/v1/prioritisations?limit=1&cursor=${page.nextCursor}`)
    ).json();
    expect(next.items[0].id).not.toBe(page.items[0].id);
  });
});
