import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, World } from "../../../../tests/support/world.js";
import { addDays, dayInNetherlands, today } from "../../../shared/dates.js";
import { remindConsultationInvitees } from "./consultation-reminders.js";

let world: World;
let staff: Caller;
let board: Caller;
let werkgroep: string;
let stuurgroep: string;
const wsv: Record<string, string> = {};
let vereniging: string;
/** Members with an account: two huisartsen in WSV Noord, a fysiotherapeut in WSV Zuid. */
const members: { caller: Caller; personId: string }[] = [];
/** A member without an account, whose response the bureau records. */
let paperMember: string;
let outsider: Caller;
/** The round of the first test. */
let first: string;

type Method = "GET" | "POST" | "PATCH" | "PUT";
const call = (caller: Caller, method: Method, url: string, payload?: unknown) =>
  world.inject(caller, { method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });
const fieldOf = (r: { json(): { errors: { field: string; message: string }[] } }) => r.json().errors[0]!;

/** Today as the server counts a deadline: the day in the Netherlands (a UTC date lags an hour or two). */
const todayHere = () => dayInNetherlands(new Date());

async function ok(caller: Caller, method: Method, url: string, payload?: unknown, status = 200) {
  const r = await call(caller, method, url, payload);
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
}

async function person(givenName: string, discipline: string, network: string, email?: string) {
  const p = await ok(
    staff,
    "POST",
    "/api/v1/persons",
    { givenName, familyName: "Consultatie", disciplines: [discipline], ...(email ? { email } : {}) },
    201,
  );
  await ok(
    staff,
    "POST",
    "/api/v1/memberships",
    { organisationId: network, memberPersonId: p.id, startDate: "2024-01-01" },
    201,
  );
  return p.id as string;
}

async function member(givenName: string, discipline: string, network: string) {
  const caller = await world.as("a", "lid");
  const [user] = await world.rows<{ email: string }>(
    sql`select email from users where id = ${caller.userId}`,
  );
  members.push({ caller, personId: await person(givenName, discipline, network, user!.email) });
}

const draft = (more: Record<string, unknown> = {}) =>
  ok(
    staff,
    "POST",
    "/api/v1/consultations",
    {
      bodyId: werkgroep,
      title: "Adviesnotitie kwaliteitskader",
      text: "## Voorstel\n\nEén kwaliteitskader voor de hele regio.",
      questions: ["Steunt u het kwaliteitskader?", "Steunt u de invoering per 2027?"],
      audience: "networks",
      deadline: addDays(today(), 14),
      ...more,
    },
    201,
  );

const step = (id: string, body: Record<string, unknown>, caller = staff) =>
  call(caller, "POST", `/api/v1/consultations/${id}/status`, body);

beforeAll(async () => {
  world = await World.create();
  staff = await world.as("a", "medewerker");
  board = await world.as("a", "bestuur");
  outsider = await world.as("a", "lid");
  werkgroep = (
    await ok(
      staff,
      "POST",
      "/api/v1/bodies",
      { kind: "working_group", name: "Werkgroep Kwaliteit", policyArea: "Kwaliteit" },
      201,
    )
  ).id;
  stuurgroep = (
    await ok(staff, "POST", "/api/v1/bodies", { kind: "steering_group", name: "Stuurgroep" }, 201)
  ).id;
  for (const name of ["Noord", "Zuid"])
    wsv[name] = (
      await ok(
        staff,
        "POST",
        "/api/v1/organisations",
        { kind: "neighbourhood_network", name: `WSV ${name}` },
        201,
      )
    ).id;
  vereniging = (
    await ok(
      staff,
      "POST",
      "/api/v1/organisations",
      { kind: "professional_association", name: "Fysiotherapeutenvereniging" },
      201,
    )
  ).id;
  await member("Anna", "general_practitioner", wsv.Noord!);
  await member("Bram", "general_practitioner", wsv.Noord!);
  await member("Cor", "physiotherapist", wsv.Zuid!);
  paperMember = await person("Dirk", "physiotherapist", wsv.Zuid!, "dirk.consultatie@example.org");
  await ok(
    staff,
    "POST",
    "/api/v1/memberships",
    { organisationId: vereniging, memberPersonId: members[2]!.personId, startDate: "2024-01-01" },
    201,
  );
});
afterAll(() => world?.close());

describe("consultation rounds", () => {
  it("runs a round from concept to decision, with support per discipline and per WSV", async () => {
    const c = await draft();
    first = c.id;
    // The beleidsterrein comes from the werkgroep.
    expect(c).toMatchObject({ status: "draft", policyArea: "Kwaliteit", invited: 0 });

    // Skipping a step is refused.
    expect((await step(c.id, { status: "processed", version: 1 })).statusCode).toBe(409);
    const opened = await step(c.id, { status: "consultation", version: 1 });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ status: "consultation", invited: 4, responded: 0, version: 2 });
    // Everyone asked with an e-mail address got the questions and the link.
    const mails = await world.rows<{ text: string }>(
      sql`select text from mail_outbox where subject = 'Consultatie: Adviesnotitie kwaliteitskader'`,
    );
    expect(mails).toHaveLength(4);
    expect(mails[0]!.text).toContain("1. Steunt u het kwaliteitskader?");
    expect(mails[0]!.text).toContain(`/consultaties/${c.id}`);
    // The notitie is fixed now.
    expect(
      (await call(staff, "PATCH", `/api/v1/consultations/${c.id}`, { version: 2, title: "X" })).statusCode,
    ).toBe(409);

    // Anna responds, then changes her mind before the deadline; Bram and Cor respond.
    const [anna, bram, cor] = members;
    const url = `/api/v1/consultations/${c.id}/response`;
    await ok(anna!.caller, "PUT", url, { answers: [{ support: 2 }, { support: 3, comment: "Te snel" }] });
    await ok(anna!.caller, "PUT", url, {
      answers: [
        { support: 4, comment: "Goed plan" },
        { support: 3, comment: "Te snel" },
      ],
    });
    await ok(bram!.caller, "PUT", url, { answers: [{ support: 5 }, { support: 4 }] });
    await ok(cor!.caller, "PUT", url, {
      answers: [{ support: 2, comment: "Fysio ontbreekt" }, { support: 1 }],
    });
    // Someone who was not asked cannot respond; a member cannot respond for another.
    const notAsked = await call(outsider, "PUT", url, { answers: [{ support: 5 }, { support: 5 }] });
    expect(notAsked.statusCode).toBe(422);
    expect(fieldOf(notAsked).field).toBe("params.id");
    expect(
      (
        await call(anna!.caller, "PUT", url, {
          personId: paperMember,
          answers: [{ support: 5 }, { support: 5 }],
        })
      ).statusCode,
    ).toBe(403);
    // One answer per question.
    const short = await call(bram!.caller, "PUT", url, { answers: [{ support: 5 }] });
    expect(short.statusCode).toBe(422);
    expect(fieldOf(short).field).toBe("body.answers");
    // The bureau records Dirk's response that came by mail.
    await ok(staff, "PUT", url, { personId: paperMember, answers: [{ support: 3 }, { support: 2 }] });

    // Anna sees her own answers; the invitees list says who responded.
    const mine = await ok(anna!.caller, "GET", `/api/v1/consultations/${c.id}`);
    expect(mine).toMatchObject({ invited: true, canRespond: true, resultsVisible: false });
    expect(mine.answers.map((a: { support: number }) => a.support)).toEqual([4, 3]);
    const invitees = await ok(staff, "GET", `/api/v1/consultations/${c.id}/invitees`);
    expect(invitees.every((i: { responded: boolean }) => i.responded)).toBe(true);

    // While the round runs, the members see no results; the board does.
    expect((await call(anna!.caller, "GET", `/api/v1/consultations/${c.id}/results`)).statusCode).toBe(409);
    const results = await ok(board, "GET", `/api/v1/consultations/${c.id}/results`);
    expect(results).toMatchObject({ invited: 4, responded: 4, answers: 8 });
    expect(results.questions[0]).toMatchObject({ average: 3.5, supportPercent: 50, spread: [0, 1, 1, 1, 1] });
    const gp = results.byDiscipline.find((g: { key: string }) => g.key === "general_practitioner");
    expect(gp).toMatchObject({ invited: 2, responded: 2, average: 4, supportPercent: 75 });
    expect(gp.perQuestion.map((q: { average: number }) => q.average)).toEqual([4.5, 3.5]);
    const fysio = results.byDiscipline.find((g: { key: string }) => g.key === "physiotherapist");
    expect(fysio).toMatchObject({ invited: 2, responded: 2, average: 2, supportPercent: 0 });
    expect(results.byNetwork.map((g: { name: string; average: number }) => [g.name, g.average])).toEqual([
      ["WSV Noord", 4],
      ["WSV Zuid", 2],
    ]);

    // Comments, with names for the board; handled one by one.
    const comments = await ok(board, "GET", `/api/v1/consultations/${c.id}/comments`);
    expect(comments.items.map((x: { comment: string }) => x.comment).sort()).toEqual([
      "Fysio ontbreekt",
      "Goed plan",
      "Te snel",
    ]);
    expect(comments.items.every((x: { personName: string | null }) => x.personName)).toBe(true);

    await ok(staff, "POST", `/api/v1/consultations/${c.id}/status`, { status: "processed", version: 2 });
    // No responses after processing.
    expect(
      (await call(bram!.caller, "PUT", url, { answers: [{ support: 1 }, { support: 1 }] })).statusCode,
    ).toBe(409);
    // Members now see results and comments, without names.
    const seen = await ok(anna!.caller, "GET", `/api/v1/consultations/${c.id}/comments`);
    expect(seen.items.every((x: { personName: string | null }) => x.personName === null)).toBe(true);

    // Not before every comment is handled.
    const early = await step(c.id, { status: "for_decision", version: 3, decidingBodyId: stuurgroep });
    expect(early.statusCode).toBe(409);
    expect(fieldOf(early).field).toBe("params.id");
    for (const x of comments.items)
      await ok(staff, "PUT", `/api/v1/consultations/${c.id}/comments/${x.key}/${x.question}`, {
        handling: x.comment === "Fysio ontbreekt" ? "adopted" : "noted",
        handlingNote: "Paragraaf 3 aangevuld",
      });
    const unhandled = await ok(staff, "GET", `/api/v1/consultations/${c.id}/comments?handled=false`);
    expect(unhandled.items).toEqual([]);
    const exported = await call(staff, "GET", `/api/v1/consultations/${c.id}/comments/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain("Fysio ontbreekt;overgenomen;Paragraaf 3 aangevuld");

    await ok(staff, "POST", `/api/v1/consultations/${c.id}/status`, {
      status: "for_decision",
      version: 3,
      decidingBodyId: stuurgroep,
    });
    // Handling is fixed once the body has it.
    const late = await call(
      staff,
      "PUT",
      `/api/v1/consultations/${c.id}/comments/${comments.items[0].key}/0`,
      {
        handling: "not_adopted",
      },
    );
    expect(late.statusCode).toBe(409);
    const meeting = await ok(
      staff,
      "POST",
      "/api/v1/meetings",
      {
        bodyId: stuurgroep,
        title: "Stuurgroep december",
        startsAt: "2026-12-08T19:30:00+01:00",
        endsAt: "2026-12-08T21:30:00+01:00",
      },
      201,
    );
    const decision = await ok(
      staff,
      "POST",
      `/api/v1/meetings/${meeting.id}/decisions`,
      { text: "De stuurgroep stelt het kwaliteitskader vast, met de fysiotherapie erin." },
      201,
    );
    const decided = await ok(staff, "POST", `/api/v1/consultations/${c.id}/status`, {
      status: "decided",
      version: 4,
      outcome: "amended",
      decisionId: decision.id,
    });
    expect(decided).toMatchObject({
      status: "decided",
      outcome: "amended",
      decidingBodyName: "Stuurgroep",
      decisionNumber: decision.number,
    });
    // The list exports with the response and the outcome.
    const list = await call(staff, "GET", "/api/v1/consultations/export?status=decided");
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(
      "Adviesnotitie kwaliteitskader;Werkgroep Kwaliteit;Kwaliteit;Besloten;WSV's;",
    );
    expect(list.body).toContain(";4;4;Stuurgroep;gewijzigd vastgesteld;");
    // Every step and response left an audit row.
    const audits = await world.rows<{ entity_type: string; n: number }>(
      sql`select entity_type, count(*)::int as n from audit_log where entity_id like ${`${c.id}%`} group by 1 order by 1`,
    );
    expect(audits).toEqual([
      { entity_type: "consultation", n: 5 },
      { entity_type: "consultationComment", n: 3 },
      { entity_type: "consultationResponse", n: 5 },
    ]);
  });

  it("asks only the chosen verenigingen, and refuses what does not fit", async () => {
    const wrongKind = await call(staff, "POST", "/api/v1/consultations", {
      bodyId: werkgroep,
      title: "Notitie",
      questions: ["Steunt u dit?"],
      audience: "associations",
      audienceOrganisationIds: [wsv.Noord],
    });
    expect(wrongKind.statusCode).toBe(422);
    expect(fieldOf(wrongKind).field).toBe("body.audienceOrganisationIds");
    const past = await call(staff, "POST", "/api/v1/consultations", {
      bodyId: werkgroep,
      title: "Notitie",
      questions: ["Steunt u dit?"],
      audience: "members",
      deadline: "2020-01-01",
    });
    expect(fieldOf(past).field).toBe("body.deadline");
    const noQuestions = await call(staff, "POST", "/api/v1/consultations", {
      bodyId: werkgroep,
      title: "Notitie",
      questions: [],
      audience: "members",
    });
    expect(noQuestions.statusCode).toBe(400);

    const c = await draft({
      audience: "associations",
      audienceOrganisationIds: [vereniging],
      deadline: null,
    });
    // Opening needs a deadline.
    const noDeadline = await step(c.id, { status: "consultation", version: 1 });
    expect(fieldOf(noDeadline).field).toBe("body.deadline");
    // A stale version is a conflict, not a silent overwrite.
    expect((await step(c.id, { status: "consultation", version: 7, deadline: todayHere() })).statusCode).toBe(
      409,
    );
    const opened = await ok(staff, "POST", `/api/v1/consultations/${c.id}/status`, {
      status: "consultation",
      version: 1,
      deadline: todayHere(),
    });
    // Only Cor is a member of the fysiotherapeutenvereniging.
    expect(opened.invited).toBe(1);
    const invitees = await ok(staff, "GET", `/api/v1/consultations/${c.id}/invitees`);
    expect(invitees).toMatchObject([
      { personId: members[2]!.personId, discipline: "physiotherapist", networkName: "WSV Zuid" },
    ]);
    const mine = await ok(members[2]!.caller, "GET", "/api/v1/consultations?mine=true");
    // Cor's rounds: this one and the first, newest first; not the concept nobody was asked in.
    expect(mine.items.map((x: { id: string }) => x.id)).toEqual([c.id, first]);

    // Reminders: once, in the last days, to those who have not responded.
    const reminders = () =>
      world.rows<{ to_address: string }>(
        sql`select * from mail_outbox where subject = 'Herinnering: consultatie Adviesnotitie kwaliteitskader'`,
      );
    const before = (await reminders()).length;
    await remindConsultationInvitees(world.db, "https://regiotafel.example.org", addDays(today(), -5));
    expect(await reminders()).toHaveLength(before);
    await remindConsultationInvitees(world.db, "https://regiotafel.example.org");
    await remindConsultationInvitees(world.db, "https://regiotafel.example.org");
    expect(await reminders()).toHaveLength(before + 1);
  });

  it("keeps another region's rounds out of sight", async () => {
    const c = await draft();
    const other = await world.as("b", "beheerder");
    expect((await call(other, "GET", `/api/v1/consultations/${c.id}`)).statusCode).toBe(404);
    const list = await ok(other, "GET", "/api/v1/consultations");
    expect(list.items).toEqual([]);
  });
});
