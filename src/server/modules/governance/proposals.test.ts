import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, World } from "../../../../tests/support/world.js";

let world: World;
let staff: Caller;
/** Five voting members of the ALV, each with an account; the last is the adviseur (no vote). */
const voters: { caller: Caller; personId: string }[] = [];
let adviser: { caller: Caller; personId: string };
let bodyId: string;
const ids: Record<string, string> = {};

type Method = "GET" | "POST" | "PATCH" | "DELETE";
const call = (caller: Caller, method: Method, url: string, payload?: unknown) =>
  world.inject(caller, { method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const fieldOf = (r: { json(): { errors: { field: string; message: string }[] } }) => r.json().errors[0]!;

async function post(caller: Caller, url: string, payload: unknown, status = 201) {
  const r = await call(caller, "POST", url, payload);
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
}

/** A proposal in the ALV, opened: returns its id and version. */
async function openVote(rules: Record<string, unknown> = {}) {
  const p = await post(staff, "/api/v1/proposals", {
    bodyId,
    title: "Voorstel",
    closesAt: inAnHour(),
    ...rules,
  });
  const opened = await post(staff, `/api/v1/proposals/${p.id}/open`, { version: p.version }, 200);
  return { id: p.id as string, version: opened.version as number };
}

/** Lets the online window pass, as the clock would, so the bureau may close the vote. */
const endWindow = (id: string) =>
  world.rows(
    sql`update proposals set opens_at = now() - interval '2 hours', closes_at = now() - interval '1 second' where id = ${id}`,
  );

beforeAll(async () => {
  world = await World.create();
  staff = await world.as("a", "medewerker");
  bodyId = (await post(staff, "/api/v1/bodies", { kind: "general_assembly", name: "ALV", quorumPercent: 50 }))
    .id;
  for (const [i, role] of ["chair", "member", "member", "member", "member", "advisor"].entries()) {
    const caller = await world.as("a", "lid");
    const [user] = await world.rows<{ email: string }>(
      sql`select email from users where id = ${caller.userId}`,
    );
    const person = await post(staff, "/api/v1/persons", {
      givenName: `Lid${i}`,
      familyName: "Stemmer",
      email: user!.email,
    });
    const seat = await post(staff, `/api/v1/bodies/${bodyId}/seats`, { role });
    await post(staff, `/api/v1/seats/${seat.id}/terms`, { personId: person.id, startDate: "2026-01-01" });
    (role === "advisor" ? (a: typeof adviser) => (adviser = a) : (v: typeof adviser) => voters.push(v))({
      caller,
      personId: person.id,
    });
  }
});
afterAll(() => world?.close());

describe("proposals and votes", () => {
  it("runs an online vote with a proxy to a result that no longer changes", async () => {
    const { id, version } = await openVote({ majority: "two_thirds", ballot: "open", maxProxies: 1 });
    ids.first = id;
    const detail = (await call(voters[0]!.caller, "GET", `/api/v1/proposals/${id}`)).json();
    // The adviseur has no vote: five votes, a quorum of 50 % (3).
    expect(detail.electorate).toBe(5);
    expect(detail.myVotes).toMatchObject([{ own: true, voted: false }]);

    // Lid4 gives a proxy to Lid3, who votes for both.
    await post(voters[4]!.caller, `/api/v1/proposals/${id}/proxies`, { holderPersonId: voters[3]!.personId });
    const holder = (await call(voters[3]!.caller, "GET", `/api/v1/proposals/${id}`)).json();
    expect(holder.myVotes.map((v: { own: boolean }) => v.own).sort()).toEqual([false, true]);
    // The grantor no longer votes; the holder casts both.
    const own4 = await call(voters[4]!.caller, "POST", `/api/v1/proposals/${id}/votes`, { choice: 1 });
    expect(own4.statusCode).toBe(409);
    expect(fieldOf(own4).message).toMatch(/volmacht/);
    await post(voters[3]!.caller, `/api/v1/proposals/${id}/votes`, { choice: 0 });
    await post(voters[3]!.caller, `/api/v1/proposals/${id}/votes`, {
      choice: 0,
      unitId: voters[4]!.personId,
    });
    await post(voters[0]!.caller, `/api/v1/proposals/${id}/votes`, { choice: 0 });
    await post(voters[1]!.caller, `/api/v1/proposals/${id}/votes`, { choice: 1 });

    // A second vote, a vote without a seat, a choice that is not offered: refused at the field.
    const again = await call(voters[0]!.caller, "POST", `/api/v1/proposals/${id}/votes`, { choice: 1 });
    expect(again.statusCode).toBe(409);
    expect(fieldOf(again).field).toBe("body.unitId");
    const noSeat = await call(adviser.caller, "POST", `/api/v1/proposals/${id}/votes`, { choice: 0 });
    expect(noSeat.statusCode).toBe(422);
    expect(fieldOf(noSeat).message).toMatch(/geen zetel met stemrecht/);
    const badChoice = await call(voters[2]!.caller, "POST", `/api/v1/proposals/${id}/votes`, { choice: 3 });
    expect(fieldOf(badChoice).field).toBe("body.choice");

    // No interim result while it runs; closing before the window ends is refused.
    const running = (await call(voters[2]!.caller, "GET", `/api/v1/proposals/${id}`)).json();
    expect(running.participated).toBe(4);
    expect(running.proposal.result).toBeNull();
    expect((await call(staff, "POST", `/api/v1/proposals/${id}/close`, { version })).statusCode).toBe(409);

    await endWindow(id);
    const late = await call(voters[2]!.caller, "POST", `/api/v1/proposals/${id}/votes`, { choice: 0 });
    expect(late.statusCode).toBe(409);
    expect(fieldOf(late).message).toMatch(/tussen de opening en de sluiting/);
    const closed = await post(staff, `/api/v1/proposals/${id}/close`, { version }, 200);
    // 4 of 5 voted (quorum 3 reached); 3 voor, 1 tegen: 3 ≥ ⌈2/3 × 4⌉ = 3, adopted.
    expect(closed.result).toMatchObject({
      electorate: 5,
      participated: 4,
      byProxy: 1,
      counts: [3, 1, 0],
      quorum: { required: 3, reached: true },
      majority: { rule: "two_thirds", required: 3, votes: 3, reached: true },
      outcome: "adopted",
    });

    // The list exports with the result.
    const exported = await call(staff, "GET", `/api/v1/proposals/export?status=closed&bodyId=${bodyId}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain("Voorstel;ALV;Gesloten;");
    expect(exported.body).toContain(";Aangenomen;4;5");

    // An open ballot shows who voted what; nothing changes any more.
    const after = (await call(voters[2]!.caller, "GET", `/api/v1/proposals/${id}`)).json();
    expect(after.votes).toHaveLength(4);
    expect(after.votes.filter((v: { byProxy: boolean }) => v.byProxy)).toMatchObject([
      { unitName: "Lid4 Stemmer", castByName: "Lid3 Stemmer", choice: 0 },
    ]);
    const reclose = await call(staff, "POST", `/api/v1/proposals/${id}/close`, { version: closed.version });
    expect(fieldOf(reclose).message).toMatch(/gesloten/);
    const edit = await call(staff, "PATCH", `/api/v1/proposals/${id}`, {
      version: closed.version,
      title: "Anders",
    });
    expect(edit.statusCode).toBe(409);
  });

  it("refuses proxies to oneself, to someone without a vote, beyond the limit, and in a chain", async () => {
    const { id } = await openVote({ maxProxies: 1 });
    const grant = (from: number, to: string) =>
      call(voters[from]!.caller, "POST", `/api/v1/proposals/${id}/proxies`, { holderPersonId: to });
    const self = await grant(0, voters[0]!.personId);
    expect([self.statusCode, fieldOf(self).field]).toEqual([422, "body.holderPersonId"]);
    expect(fieldOf(self).message).toMatch(/aan uzelf/);
    const toAdviser = await grant(0, adviser.personId);
    expect(fieldOf(toAdviser).message).toMatch(/zelf stemrecht/);
    expect((await grant(0, voters[1]!.personId)).statusCode).toBe(201);
    // Lid1 holds one proxy: the limit.
    const beyond = await grant(2, voters[1]!.personId);
    expect([beyond.statusCode, fieldOf(beyond).message]).toEqual([
      409,
      expect.stringMatching(/maximale aantal/),
    ]);
    // Chains: the holder may not pass their vote on, the grantor may not take one.
    const onward = await grant(1, voters[2]!.personId);
    expect([onward.statusCode, fieldOf(onward).message]).toEqual([
      409,
      expect.stringMatching(/gaat niet verder/),
    ]);
    const back = await grant(3, voters[0]!.personId);
    expect(fieldOf(back).message).toMatch(/gaat niet verder/);
    // Someone else's vote is not theirs to give; the bureau may record one received in writing.
    const foreign = await call(voters[3]!.caller, "POST", `/api/v1/proposals/${id}/proxies`, {
      unitId: voters[4]!.personId,
      holderPersonId: voters[2]!.personId,
    });
    expect(foreign.statusCode).toBe(403);
    await post(staff, `/api/v1/proposals/${id}/proxies`, {
      unitId: voters[4]!.personId,
      holderPersonId: voters[2]!.personId,
    });
    const proxies = (await call(staff, "GET", `/api/v1/proposals/${id}`)).json().proxies;
    expect(proxies).toHaveLength(2);
    // The grantor withdraws theirs before it is used.
    const mine = proxies.find((x: { unitId: string }) => x.unitId === voters[0]!.personId);
    expect(
      (await call(voters[0]!.caller, "DELETE", `/api/v1/proposals/${id}/proxies/${mine.id}`)).statusCode,
    ).toBe(204);
  });

  it("records a secret ballot in the meeting, keeps no choice per voter, and tallies without a quorum", async () => {
    const { id, version } = await openVote({ mode: "meeting", ballot: "secret", closesAt: null });
    const voters_ = (await call(staff, "GET", `/api/v1/proposals/${id}/voters`)).json();
    expect(voters_).toHaveLength(5);
    const two = voters_.slice(0, 2).map((v: { unitId: string }) => v.unitId);
    const mismatch = await call(staff, "POST", `/api/v1/proposals/${id}/meeting-votes`, {
      secret: { unitIds: two, counts: [1, 0, 0] },
    });
    expect([mismatch.statusCode, fieldOf(mismatch).field]).toEqual([422, "body.secret.counts"]);
    await post(
      staff,
      `/api/v1/proposals/${id}/meeting-votes`,
      { secret: { unitIds: two, counts: [1, 1, 0] } },
      200,
    );
    // Online votes do not belong in a meeting vote.
    expect(
      (await call(voters[4]!.caller, "POST", `/api/v1/proposals/${id}/votes`, { choice: 0 })).statusCode,
    ).toBe(409);
    const ballots = await world.rows<{ choice: number | null }>(
      sql`select choice from proposal_ballots where proposal_id = ${id}`,
    );
    expect(ballots).toEqual([{ choice: null }, { choice: null }]);
    const audit = await world.rows<{ changes: unknown }>(
      sql`select changes from audit_log where entity_type = 'proposalVote' and entity_id = ${id}`,
    );
    expect(JSON.stringify(audit)).not.toMatch(/choice/);

    const closed = await post(staff, `/api/v1/proposals/${id}/close`, { version }, 200);
    // 2 of 5 voted: the ALV's quorum of 50 % (3) is not reached, so nothing is decided.
    expect(closed.result).toMatchObject({ counts: [1, 1, 0], quorum: { required: 3, reached: false } });
    expect(closed.result.outcome).toBe("no_quorum");
    expect((await call(voters[0]!.caller, "GET", `/api/v1/proposals/${id}`)).json().votes).toBeNull();
  });

  it("lets a choice between options be won by the most votes, and checks its rules as a draft", async () => {
    const noOptions = await call(staff, "POST", "/api/v1/proposals", {
      bodyId,
      title: "Keuze",
      kind: "choices",
    });
    expect(fieldOf(noOptions).field).toBe("body.choices");
    const pastClose = await call(staff, "POST", "/api/v1/proposals", {
      bodyId,
      title: "Keuze",
      closesAt: "2020-01-01T00:00:00Z",
    });
    expect([pastClose.statusCode, fieldOf(pastClose).field]).toEqual([422, "body.closesAt"]);
    const open = await post(staff, "/api/v1/proposals", { bodyId, title: "Zonder sluiting" });
    const opening = await call(staff, "POST", `/api/v1/proposals/${open.id}/open`, { version: 1 });
    expect(fieldOf(opening)).toMatchObject({
      field: "body.closesAt",
      message: expect.stringMatching(/tot wanneer/),
    });

    const { id, version } = await openVote({
      kind: "choices",
      choices: ["Leiden", "Katwijk", "Alphen"],
      mode: "meeting",
      closesAt: null,
    });
    const votes = voters.map((v, i) => ({ unitId: v.personId, choice: [1, 1, 0, 2, 3][i]! }));
    const twice = await call(staff, "POST", `/api/v1/proposals/${id}/meeting-votes`, {
      votes: [votes[0], votes[0]],
    });
    expect([twice.statusCode, fieldOf(twice).field]).toEqual([409, "body.votes.1.unitId"]);
    const stranger = await call(staff, "POST", `/api/v1/proposals/${id}/meeting-votes`, {
      votes: [{ unitId: adviser.personId, choice: 0 }],
    });
    expect(fieldOf(stranger).field).toBe("body.votes.0.unitId");
    await post(staff, `/api/v1/proposals/${id}/meeting-votes`, { votes }, 200);
    const closed = await post(staff, `/api/v1/proposals/${id}/close`, { version }, 200);
    expect(closed.result).toMatchObject({
      counts: [1, 2, 1, 1],
      cast: 4,
      outcome: "chosen",
      majority: { option: 1 },
    });
  });

  it("weighs votes per member organisation when the rules say so", async () => {
    const org = await post(staff, "/api/v1/organisations", {
      kind: "general_practice",
      name: "Praktijk De Stem",
    });
    const body = await post(staff, "/api/v1/bodies", { kind: "general_assembly", name: "Ledenraad" });
    // Two representatives of one practice, one of no practice: one vote.
    for (const v of voters.slice(0, 3)) {
      const seat = await post(staff, `/api/v1/bodies/${body.id}/seats`, {
        role: "member",
        ...(v === voters[2] ? {} : { representsOrganisationId: org.id }),
      });
      await post(staff, `/api/v1/seats/${seat.id}/terms`, { personId: v.personId, startDate: "2026-01-01" });
    }
    const p = await post(staff, "/api/v1/proposals", {
      bodyId: body.id,
      title: "Per organisatie",
      weighting: "organisation",
      closesAt: inAnHour(),
    });
    await post(staff, `/api/v1/proposals/${p.id}/open`, { version: 1 }, 200);
    const detail = (await call(voters[1]!.caller, "GET", `/api/v1/proposals/${p.id}`)).json();
    expect(detail.electorate).toBe(1);
    expect(detail.myVotes).toMatchObject([{ unitId: org.id, unitName: "Praktijk De Stem" }]);
    await post(voters[0]!.caller, `/api/v1/proposals/${p.id}/votes`, { choice: 0 });
    // The practice has voted; its second representative cannot vote again.
    expect(
      (await call(voters[1]!.caller, "POST", `/api/v1/proposals/${p.id}/votes`, { choice: 1 })).statusCode,
    ).toBe(409);
  });

  it("records a closed vote's result as a numbered decision of its meeting, once", async () => {
    const meeting = await post(staff, "/api/v1/meetings", {
      bodyId,
      title: "ALV voorjaar",
      startsAt: "2026-12-08T19:30:00+01:00",
      endsAt: "2026-12-08T21:30:00+01:00",
    });
    const item = await post(staff, `/api/v1/meetings/${meeting.id}/agenda-items`, {
      agendaVersion: meeting.agendaVersion,
      title: "Statutenwijziging",
      kind: "decision",
    });
    const itemId = item.agenda.find((i: { title: string }) => i.title === "Statutenwijziging").id;
    // The agenda item must be of the proposal's meeting, and needs a meeting.
    for (const [rules, status, field] of [
      [{ agendaItemId: itemId }, 422, "body.meetingId"],
      [{ meetingId: meeting.id, agendaItemId: bodyId }, 404, "body.agendaItemId"],
    ] as const) {
      const bad = await call(staff, "POST", "/api/v1/proposals", { bodyId, title: "Mis", ...rules });
      expect([bad.statusCode, fieldOf(bad).field]).toEqual([status, field]);
    }
    const { id, version } = await openVote({
      mode: "meeting",
      closesAt: null,
      meetingId: meeting.id,
      agendaItemId: itemId,
    });
    // Not while the vote runs.
    const early = await call(staff, "POST", `/api/v1/proposals/${id}/decision`, { version });
    expect([early.statusCode, fieldOf(early).field]).toEqual([409, "params.id"]);
    const units = (await call(staff, "GET", `/api/v1/proposals/${id}/voters`)).json();
    await post(
      staff,
      `/api/v1/proposals/${id}/meeting-votes`,
      {
        votes: units
          .slice(0, 4)
          .map((u: { unitId: string }, i: number) => ({ unitId: u.unitId, choice: i === 3 ? 1 : 0 })),
      },
      200,
    );
    const closed = await post(staff, `/api/v1/proposals/${id}/close`, { version }, 200);
    const decision = await post(staff, `/api/v1/proposals/${id}/decision`, { version: closed.version });
    expect(decision.text).toBe("Voorstel: aangenomen (3 voor, 1 tegen, 0 onthouding).");
    expect(decision.number).toMatch(/^ALV-2026-\d{3}$/);
    expect(decision.agendaItemId).toBe(itemId);
    const list = (await call(staff, "GET", `/api/v1/decisions?meetingId=${meeting.id}`)).json();
    expect(list.items.map((d: { number: string }) => d.number)).toEqual([decision.number]);
    const after = (await call(staff, "GET", `/api/v1/proposals/${id}`)).json().proposal;
    expect(after.decisionId).toBe(decision.id);
    // Once only.
    const again = await call(staff, "POST", `/api/v1/proposals/${id}/decision`, { version: after.version });
    expect([again.statusCode, fieldOf(again).field]).toEqual([409, "params.id"]);
    // A vote outside any meeting has no besluitenlijst to go to.
    const online = await openVote();
    await endWindow(online.id);
    const closedOnline = await post(
      staff,
      `/api/v1/proposals/${online.id}/close`,
      { version: online.version },
      200,
    );
    const nowhere = await call(staff, "POST", `/api/v1/proposals/${online.id}/decision`, {
      version: closedOnline.version,
    });
    expect([nowhere.statusCode, fieldOf(nowhere).field]).toEqual([422, "params.id"]);
  });

  it("keeps another region's proposals out of sight", async () => {
    const other = await world.as("b", "medewerker");
    expect((await call(other, "GET", `/api/v1/proposals/${ids.first}`)).statusCode).toBe(404);
    expect(
      (await call(other, "POST", `/api/v1/proposals/${ids.first}/close`, { version: 3 })).statusCode,
    ).toBe(404);
    const foreignBody = await call(other, "POST", "/api/v1/proposals", {
      bodyId,
      title: "X",
      closesAt: inAnHour(),
    });
    expect([foreignBody.statusCode, fieldOf(foreignBody).field]).toEqual([404, "body.bodyId"]);
  });
});
