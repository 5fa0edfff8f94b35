import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payloadFor } from "../../../../tests/support/routes.js";
import { type Caller, fieldOf, World } from "../../../../tests/support/world.js";
import { TINY_PDF } from "../../platform/files.js";
import { remindPlanActionOwners } from "./action-reminders.js";

let world: World;
let staff: Caller;
let partner: Caller;
let leader: Caller;
const ids: Record<string, string> = {};

function call(as: Caller, method: "GET" | "POST" | "PATCH" | "PUT", url: string, payload?: unknown) {
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
  leader = await world.as("a", "projectleider");
  ids.welzijn = (
    await ok(staff, "POST", "/api/v1/organisations", { kind: "social_domain", name: "Welzijn Katwijk" }, 201)
  ).id;
  ids.consulent = (
    await ok(staff, "POST", "/api/v1/persons", { givenName: "Fatima", familyName: "Consulent" }, 201)
  ).id;
  await world.linkPerson(partner, ids.consulent!);
  ids.sanne = (
    await ok(staff, "POST", "/api/v1/persons", { givenName: "Sanne", familyName: "Leider" }, 201)
  ).id;
  await world.linkPerson(leader, ids.sanne!);
  ids.priority = await world.create("priority", staff);
  const programme = await world.create("programme", staff);
  const project = (name: string, leaderPersonId?: string) =>
    ok(
      staff,
      "POST",
      "/api/v1/projects",
      { programmeId: programme, name, level: "district", leaderPersonId },
      201,
    );
  ids.ownProject = (await project("Valpreventie", ids.sanne)).id;
  ids.otherProject = (await project("Medicatiereview")).id;
});
afterAll(() => world?.close());

const action = (extra: Record<string, unknown> = {}) => ({
  priorityId: ids.priority,
  title: "Schuldhulp bespreekbaar maken",
  ownerOrganisationId: ids.welzijn,
  ownerPersonId: ids.consulent,
  dueDate: "2027-03-01",
  ...extra,
});

describe("actions (wie doet wat)", () => {
  it("gives a speerpunt actions with owners; the owner sees them as 'mijn acties' and updates only their status", async () => {
    const created = await ok(staff, "POST", "/api/v1/actions", action(), 201);
    expect(created).toMatchObject({
      priority: { id: ids.priority, name: "Eenzaamheid" },
      ownerOrganisation: { name: "Welzijn Katwijk" },
      ownerPerson: { name: "Fatima Consulent" },
      status: "open",
      mine: false,
      dependsOn: [],
    });
    await ok(staff, "POST", "/api/v1/actions", action({ title: "Iets anders", ownerPersonId: null }), 201);
    const mine = (await call(partner, "GET", "/api/v1/actions?mine=true")).json().items;
    expect(mine.map((a: { title: string; mine: boolean }) => [a.title, a.mine])).toEqual([
      ["Schuldhulp bespreekbaar maken", true],
    ]);
    // The partner who carries it out moves it on, but changes nothing else.
    const moved = await ok(partner, "PATCH", `/api/v1/actions/${created.id}`, {
      version: 1,
      status: "in_progress",
    });
    expect(moved.status).toBe("in_progress");
    const retitled = await call(partner, "PATCH", `/api/v1/actions/${created.id}`, {
      version: 2,
      title: "Anders",
    });
    expect(fieldOf(retitled)).toEqual([403, "body.title"]);
    const member = await world.as("a", "lid");
    const notTheirs = await call(member, "PATCH", `/api/v1/actions/${created.id}`, {
      version: 2,
      status: "done",
    });
    expect(fieldOf(notTheirs)).toEqual([403, "params.id"]);
    // A stale version is a conflict with the current state.
    const stale = await call(staff, "PATCH", `/api/v1/actions/${created.id}`, { version: 1, status: "done" });
    expect([stale.statusCode, stale.json().current?.status]).toEqual([409, "in_progress"]);

    // Comments: anyone who sees it says how it goes.
    await ok(
      partner,
      "POST",
      `/api/v1/actions/${created.id}/comments`,
      { body: "Folders zijn besteld" },
      201,
    );
    const comments = (await call(staff, "GET", `/api/v1/actions/${created.id}/comments`)).json().items;
    expect(comments.map((c: { body: string; authorName: string }) => [c.body, c.authorName])).toEqual([
      ["Folders zijn besteld", "Test partner"],
    ]);
    expect((await call(staff, "GET", `/api/v1/actions/${created.id}`)).json().commentCount).toBe(1);

    // Every change is in the logboek.
    const audited = await world.rows<{ action: string }>(
      sql`select action from audit_log where entity_type = 'action' and entity_id = ${created.id} order by id`,
    );
    expect(audited.map((a) => a.action)).toEqual(["create", "update"]);
  });

  it("refuses an action without owner or parent, with an owner of another region, or in a wijk outside the werkgebied", async () => {
    expect(
      fieldOf(
        await call(
          staff,
          "POST",
          "/api/v1/actions",
          action({ ownerOrganisationId: null, ownerPersonId: null }),
        ),
      ),
    ).toEqual([422, "body.ownerPersonId"]);
    expect(fieldOf(await call(staff, "POST", "/api/v1/actions", action({ priorityId: null })))).toEqual([
      422,
      "body.priorityId",
    ]);
    const foreign = await world.as("b", "medewerker");
    const foreignPerson = await world.create("person", foreign);
    expect(
      fieldOf(await call(staff, "POST", "/api/v1/actions", action({ ownerPersonId: foreignPerson }))),
    ).toEqual([404, "body.ownerPersonId"]);
    const foreignPriority = await world.create("priority", foreign);
    expect(
      fieldOf(await call(staff, "POST", "/api/v1/actions", action({ priorityId: foreignPriority }))),
    ).toEqual([404, "body.priorityId"]);
    expect(fieldOf(await call(staff, "POST", "/api/v1/actions", action({ wijkCode: "WK999999" })))).toEqual([
      422,
      "body.wijkCode",
    ]);
    expect(fieldOf(await call(staff, "POST", "/api/v1/actions", action({ dueDate: "2027-02-30" })))[0]).toBe(
      400,
    );
    const foreignAction = await world.create("action", foreign);
    expect((await call(staff, "GET", `/api/v1/actions/${foreignAction}`)).statusCode).toBe(404);
    expect(
      (await call(staff, "POST", `/api/v1/actions/${foreignAction}/comments`, { body: "x" })).statusCode,
    ).toBe(404);
  });

  it("lets actions wait for each other, refuses a cycle, and is only done when what it waits for is", async () => {
    const a = await ok(
      staff,
      "POST",
      "/api/v1/actions",
      action({ title: "A: budget", dueDate: "2027-01-10" }),
      201,
    );
    const b = await ok(
      staff,
      "POST",
      "/api/v1/actions",
      action({ title: "B: werving", dueDate: "2027-02-10", dependsOnIds: [a.id] }),
      201,
    );
    const c = await ok(
      staff,
      "POST",
      "/api/v1/actions",
      action({ title: "C: start", dueDate: "2027-03-10", dependsOnIds: [b.id] }),
      201,
    );
    expect(b.waitingFor).toBe(1);
    const cycle = await call(staff, "PATCH", `/api/v1/actions/${a.id}`, { version: 1, dependsOnIds: [c.id] });
    expect(fieldOf(cycle)).toEqual([422, "body.dependsOnIds"]);
    const self = await call(staff, "PATCH", `/api/v1/actions/${a.id}`, { version: 1, dependsOnIds: [a.id] });
    expect(fieldOf(self)).toEqual([422, "body.dependsOnIds"]);
    // Replacing C's own dependency is no cycle.
    await ok(staff, "PATCH", `/api/v1/actions/${c.id}`, { version: 1, dependsOnIds: [a.id, b.id] });
    expect(
      fieldOf(await call(staff, "PATCH", `/api/v1/actions/${b.id}`, { version: 1, status: "done" })),
    ).toEqual([422, "body.status"]);
    await ok(staff, "PATCH", `/api/v1/actions/${a.id}`, { version: 1, status: "done" });
    const done = await ok(staff, "PATCH", `/api/v1/actions/${b.id}`, { version: 1, status: "done" });
    expect(done).toMatchObject({ status: "done", waitingFor: 0, dependsOn: [{ id: a.id, status: "done" }] });
    expect(done.blocks.map((x: { id: string }) => x.id)).toEqual([c.id]);
  });

  it("lets a projectleider add and change actions of the projects they lead, and only those", async () => {
    const own = await call(
      leader,
      "POST",
      "/api/v1/actions",
      action({ priorityId: null, projectId: ids.ownProject }),
    );
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().leading).toBe(true);
    const other = await call(
      leader,
      "POST",
      "/api/v1/actions",
      action({ priorityId: null, projectId: ids.otherProject }),
    );
    expect(fieldOf(other)).toEqual([403, "body.projectId"]);
    expect(fieldOf(await call(leader, "POST", "/api/v1/actions", action()))).toEqual([
      403,
      "body.priorityId",
    ]);
    const changed = await call(leader, "PATCH", `/api/v1/actions/${own.json().id}`, {
      version: 1,
      dueDate: "2027-06-01",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const onProject = (await call(staff, "GET", `/api/v1/actions?projectId=${ids.ownProject}`)).json().items;
    expect(onProject.map((a: { project: { name: string } }) => a.project.name)).toEqual(["Valpreventie"]);
  });

  it("shows a wijkcoördinator the actions in the wijken of their WSV", async () => {
    const [centrum, noord] = [await world.create("wijk", staff), await world.create("wijk", staff)];
    const wsv = await ok(
      staff,
      "POST",
      "/api/v1/organisations",
      { kind: "neighbourhood_network", name: "WSV Katwijk" },
      201,
    );
    await ok(staff, "PUT", `/api/v1/organisations/${wsv.id}/areas`, {
      version: wsv.version,
      wijkCodes: [centrum],
    });
    const coordinator = await world.as("a", "wijkcoordinator");
    const anouk = (
      await ok(staff, "POST", "/api/v1/persons", { givenName: "Anouk", familyName: "Wijk" }, 201)
    ).id;
    await world.linkPerson(coordinator, anouk);
    await ok(
      staff,
      "POST",
      `/api/v1/persons/${anouk}/work-relations`,
      { organisationId: wsv.id, function: "Wijkcoördinator", fromDate: "2024-01-01" },
      201,
    );
    await ok(staff, "POST", "/api/v1/actions", action({ title: "In het centrum", wijkCode: centrum }), 201);
    await ok(staff, "POST", "/api/v1/actions", action({ title: "In noord", wijkCode: noord }), 201);
    const inMine = (await call(coordinator, "GET", "/api/v1/actions?myWijken=true")).json().items;
    expect(inMine.map((a: { title: string; wijk: unknown }) => [a.title, a.wijk])).toEqual([
      ["In het centrum", { code: centrum, name: "Fixture Wijk" }],
    ]);
    const byWijk = (await call(staff, "GET", `/api/v1/actions?wijkCode=${noord}`)).json().items;
    expect(byWijk.map((a: { title: string }) => a.title)).toEqual(["In noord"]);
  });

  it("reminds the person who carries an action out once before the due date and once when it has passed", async () => {
    await world.db.execute(sql`update persons set email = 'fatima@example.org' where id = ${ids.consulent}`);
    const created = await ok(
      staff,
      "POST",
      "/api/v1/actions",
      action({ title: "Spreekuur schuldhulp", dueDate: "2027-05-10" }),
      201,
    );
    const mails = () =>
      world.rows<{ subject: string; to: string }>(
        sql`select subject, "to" from mail_outbox where subject like '%Spreekuur schuldhulp' order by created_at`,
      );
    const url = "https://regiotafel.example.org";
    await remindPlanActionOwners(world.db, url, "2027-04-20");
    expect(await mails()).toEqual([]);
    await remindPlanActionOwners(world.db, url, "2027-05-05");
    await remindPlanActionOwners(world.db, url, "2027-05-06");
    await remindPlanActionOwners(world.db, url, "2027-05-11");
    await remindPlanActionOwners(world.db, url, "2027-05-12");
    expect(await mails()).toEqual([
      { subject: "Herinnering: actie Spreekuur schuldhulp", to: "fatima@example.org" },
      { subject: "Over de datum: actie Spreekuur schuldhulp", to: "fatima@example.org" },
    ]);
    // A new due date earns new reminders; a finished action none.
    await ok(staff, "PATCH", `/api/v1/actions/${created.id}`, { version: 1, dueDate: "2027-06-20" });
    await remindPlanActionOwners(world.db, url, "2027-06-15");
    expect(await mails()).toHaveLength(3);
    await ok(staff, "PATCH", `/api/v1/actions/${created.id}`, { version: 2, status: "done" });
    await remindPlanActionOwners(world.db, url, "2027-06-30");
    expect(await mails()).toHaveLength(3);
    // Overdue, filtered and exported.
    const exported = await call(staff, "GET", "/api/v1/actions/export?format=csv&q=schuldhulp");
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain("Spreekuur schuldhulp");
  });

  it("keeps documents with an action, downloadable only through it", async () => {
    const created = await ok(staff, "POST", "/api/v1/actions", action({ title: "Met bijlage" }), 201);
    const upload = (name: string, data: Buffer) => {
      const { payload, headers } = payloadFor({ multipart: { name, base64: data.toString("base64") } });
      const url = `/api/v1/actions/${created.id}/attachments`;
      return world.inject(partner, { method: "POST", url, payload, headers });
    };
    const pdf = await upload("plan van aanpak.pdf", Buffer.from(TINY_PDF, "base64"));
    expect(pdf.statusCode, pdf.body).toBe(201);
    const program = await upload("tool.exe", Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]));
    expect(program.statusCode).toBe(415);
    const list = (await call(staff, "GET", `/api/v1/actions/${created.id}/attachments`)).json().items;
    expect(list.map((f: { name: string; contentType: string }) => [f.name, f.contentType])).toEqual([
      ["plan van aanpak.pdf", "application/pdf"],
    ]);
    const download = await call(staff, "GET", `/api/v1/actions/${created.id}/attachments/${list[0].id}`);
    expect([download.statusCode, download.headers["content-type"]]).toEqual([200, "application/pdf"]);
    // Only through its own action, and not from another region.
    const other = await ok(staff, "POST", "/api/v1/actions", action({ title: "Zonder bijlage" }), 201);
    expect(
      (await call(staff, "GET", `/api/v1/actions/${other.id}/attachments/${list[0].id}`)).statusCode,
    ).toBe(404);
    const foreign = await world.as("b", "medewerker");
    expect(
      (await call(foreign, "GET", `/api/v1/actions/${created.id}/attachments/${list[0].id}`)).statusCode,
    ).toBe(404);
  });
});
