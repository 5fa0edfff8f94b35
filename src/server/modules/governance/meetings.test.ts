import { sql } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailbox } from "../../../../tests/support/mailbox.js";
import { pdfText } from "../../../../tests/support/pdf-text.js";
import { type Caller, World } from "../../../../tests/support/world.js";
import { MailWorker } from "../../platform/mail.js";

// The meeting is next year, so it is always still to come (a held meeting cannot be cancelled).
const Y = new Date().getUTCFullYear() + 1;
let world: World;
let staff: Caller;
let member: Caller;
let outsider: Caller;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
const ids: Record<string, string> = {};

const call = (
  caller: Caller | null,
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  url: string,
  payload?: unknown,
) => world.inject(caller, { method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });
const emailOf = async (caller: Caller) =>
  (await world.rows<{ email: string }>(sql`select email from users where id = ${caller.userId}`))[0]!.email;

beforeAll(async () => {
  world = await World.create();
  mailbox = await startMailbox(0);
  staff = await world.as("a", "medewerker");
  member = await world.as("a", "lid");
  outsider = await world.as("a", "lid");
  const post = async (url: string, payload: Record<string, unknown>) => {
    const response = await call(staff, "POST", url, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  // Anna is the member's own person (same e-mail address as the account).
  ids.anna = await post("/api/v1/persons", {
    givenName: "Anna",
    familyName: "Voorzitter",
    email: await emailOf(member),
  });
  ids.bram = await post("/api/v1/persons", {
    givenName: "Bram",
    familyName: "Lid",
    email: "bram@example.org",
  });
  ids.eva = await post("/api/v1/persons", { givenName: "Eva", familyName: "Lid", email: "eva@example.org" });
  ids.carla = await post("/api/v1/persons", { givenName: "Carla", familyName: "Adviseur" });
  ids.dirk = await post("/api/v1/persons", { givenName: "Dirk", familyName: "Buiten" });
  ids.body = await post("/api/v1/bodies", {
    kind: "medical_council",
    name: "Medische raad",
    quorumPercent: 50,
  });
  for (const [role, person] of [
    ["chair", ids.anna],
    ["member", ids.bram],
    ["member", ids.eva],
    ["advisor", ids.carla],
  ] as const) {
    const seat = await post(`/api/v1/bodies/${ids.body}/seats`, { role });
    await post(`/api/v1/seats/${seat}/terms`, { personId: person, startDate: "2026-01-01" });
  }
});
afterAll(async () => {
  await mailbox?.close();
  await world?.close();
});

describe("meetings", () => {
  it("plans a meeting and builds its agenda; a second editor with a stale agenda gets a conflict", async () => {
    const wrong = await call(staff, "POST", "/api/v1/meetings", {
      bodyId: ids.body,
      title: "Vergadering december",
      startsAt: `${Y}-12-08T19:30:00+01:00`,
      endsAt: `${Y}-12-08T18:30:00+01:00`,
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].field).toBe("body.endsAt");

    const created = await call(staff, "POST", "/api/v1/meetings", {
      bodyId: ids.body,
      title: "Vergadering december",
      startsAt: `${Y}-12-08T19:30:00+01:00`,
      endsAt: `${Y}-12-08T21:30:00+01:00`,
      location: "Regiokantoor, Leiden",
    });
    expect(created.statusCode).toBe(201);
    const meeting = created.json();
    ids.meeting = meeting.id;
    expect(meeting).toMatchObject({ day: `${Y}-12-08`, agendaVersion: 1, agenda: [] });
    expect(meeting.members.map((m: { name: string }) => m.name)).toEqual([
      "Anna Voorzitter",
      "Bram Lid",
      "Carla Adviseur",
      "Eva Lid",
    ]);

    const first = await call(staff, "POST", `/api/v1/meetings/${ids.meeting}/agenda-items`, {
      agendaVersion: 1,
      title: "Opening en mededelingen",
      kind: "information",
      minutesAllotted: 10,
    });
    expect(first.statusCode).toBe(201);
    const second = await call(staff, "POST", `/api/v1/meetings/${ids.meeting}/agenda-items`, {
      agendaVersion: 2,
      title: "Adviesnotitie wondzorg",
      kind: "decision",
      presenterPersonId: ids.carla,
      minutesAllotted: 30,
    });
    // A colleague who still has version 2 open adds an item too: refused, with the agenda as it is.
    const stale = await call(staff, "POST", `/api/v1/meetings/${ids.meeting}/agenda-items`, {
      agendaVersion: 2,
      title: "Rondvraag",
      kind: "discussion",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.agenda).toHaveLength(2);
    const personal = await call(staff, "POST", `/api/v1/meetings/${ids.meeting}/agenda-items`, {
      agendaVersion: 3,
      title: "Herbenoeming voorzitter",
      kind: "decision",
      confidential: true,
      description: "Persoonlijke afweging",
    });
    const agenda = personal.json().agenda as { id: string; title: string; number: number }[];
    expect(agenda.map((i) => [i.number, i.title])).toEqual([
      [1, "Opening en mededelingen"],
      [2, "Adviesnotitie wondzorg"],
      [3, "Herbenoeming voorzitter"],
    ]);
    expect(second.json().agenda[1].presenterName).toBe("Carla Adviseur");

    // Reordering names every item once; a missing one is refused at the field.
    const partial = await call(staff, "PUT", `/api/v1/meetings/${ids.meeting}/agenda-order`, {
      agendaVersion: 4,
      itemIds: [agenda[2]!.id, agenda[0]!.id],
    });
    expect(partial.statusCode).toBe(422);
    expect(partial.json().errors[0].field).toBe("body.itemIds");
    const reordered = await call(staff, "PUT", `/api/v1/meetings/${ids.meeting}/agenda-order`, {
      agendaVersion: 4,
      itemIds: [agenda[0]!.id, agenda[2]!.id, agenda[1]!.id],
    });
    expect(reordered.json().agenda.map((i: { title: string }) => i.title)).toEqual([
      "Opening en mededelingen",
      "Herbenoeming voorzitter",
      "Adviesnotitie wondzorg",
    ]);

    // The confidential item: the body's members and the bureau see it, other members only that it exists.
    const seenByMember = (await call(member, "GET", `/api/v1/meetings/${ids.meeting}`)).json();
    expect(seenByMember.agenda[1]).toMatchObject({ title: "Herbenoeming voorzitter", confidential: true });
    const seenByOutsider = (await call(outsider, "GET", `/api/v1/meetings/${ids.meeting}`)).json();
    expect(seenByOutsider.agenda[1]).toMatchObject({ title: null, description: null, confidential: true });
    expect(seenByOutsider.agenda[2].title).toBe("Adviesnotitie wondzorg");
    // Members read; only the bureau builds the agenda.
    const byMember = await call(member, "POST", `/api/v1/meetings/${ids.meeting}/agenda-items`, {
      agendaVersion: 5,
      title: "Iets",
      kind: "discussion",
    });
    expect(byMember.statusCode).toBe(403);
    const deleted = await call(staff, "DELETE", `/api/v1/agenda-items/${agenda[0]!.id}?agendaVersion=5`);
    expect(deleted.json().agenda.map((i: { number: number }) => i.number)).toEqual([1, 2]);
  });

  it("records attendance of members only and checks the quorum of members with a vote", async () => {
    const outsiderRow = await call(staff, "PUT", `/api/v1/meetings/${ids.meeting}/attendance`, {
      items: [
        { personId: ids.anna, status: "present" },
        { personId: ids.dirk, status: "present" },
      ],
    });
    expect(outsiderRow.statusCode).toBe(422);
    expect(outsiderRow.json().errors[0].field).toBe("body.items.1.personId");

    // 50 % of three members with a vote (the adviseur has none) needs two.
    const one = await call(staff, "PUT", `/api/v1/meetings/${ids.meeting}/attendance`, {
      items: [
        { personId: ids.anna, status: "present" },
        { personId: ids.carla, status: "present" },
        { personId: ids.bram, status: "excused" },
      ],
    });
    expect(one.json().quorum).toEqual({ members: 3, present: 1, required: 2, reached: false });
    const two = await call(staff, "PUT", `/api/v1/meetings/${ids.meeting}/attendance`, {
      items: [{ personId: ids.eva, status: "present" }],
    });
    expect(two.json().quorum).toEqual({ members: 3, present: 2, required: 2, reached: true });
    expect(two.json().members.find((m: { personId: string }) => m.personId === ids.bram).attendance).toBe(
      "excused",
    );
  });

  const mailWorker = () =>
    new MailWorker(world.db, {
      smtpUrl: `smtp://127.0.0.1:${mailbox.port}`,
      from: "Regiotafel <bureau@example.org>",
      files: world.app.deps.files,
    });

  it("sends the agenda with an iCalendar invitation and the agenda PDF through SMTP, and again as a change", async () => {
    const worker = mailWorker();
    const sent = await call(staff, "POST", `/api/v1/meetings/${ids.meeting}/send`);
    expect(sent.json()).toEqual({ recipients: 3, withoutEmail: ["Carla Adviseur"] });
    await worker.kick();
    const invitation = await mailbox.waitFor("bram@example.org", /^Uitnodiging: Medische raad/);
    const calendarOf = (mail: ParsedMail) =>
      mail.attachments.find((a) => a.contentType.startsWith("text/calendar"))?.content.toString() ?? "";
    const ics = calendarOf(invitation);
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain(`UID:${ids.meeting}@`);
    expect(ics).toContain("SEQUENCE:1");
    expect(ics).toContain(`DTSTART:${Y}1208T183000Z`);
    expect(invitation.text).toContain(
      "Adviesnotitie wondzorg (ter besluitvorming, inleider: Carla Adviseur, 30 min)",
    );
    // The confidential item's title stays in the app.
    expect(invitation.text).not.toContain("Herbenoeming");
    // The agenda and its documents come along as one PDF, without the confidential item.
    const pdf = invitation.attachments.find((a) => a.contentType === "application/pdf");
    expect(pdf?.filename).toMatch(/^Agenda Medische raad \d{4}-\d{2}-\d{2}\.pdf$/);
    const text = pdfText(pdf!.content);
    expect(text).toContain("Adviesnotitie wondzorg");
    expect(text).toContain("Vertrouwelijk agendapunt");
    expect(text).not.toContain("Herbenoeming");
    // The beheerder's outbox names it; the PDF is stored once for all three mails.
    const admin = await world.as("a", "beheerder");
    const outbox = (await call(admin, "GET", "/api/v1/mails?limit=10")).json().items;
    const invitations = outbox.filter((m: { subject: string }) =>
      m.subject.startsWith("Uitnodiging: Medische raad"),
    );
    expect(invitations).toHaveLength(3);
    expect(new Set(invitations.map((m: { attachmentName: string }) => m.attachmentName))).toEqual(
      new Set([pdf!.filename]),
    );

    await call(staff, "POST", `/api/v1/meetings/${ids.meeting}/send`);
    await worker.kick();
    const change = await mailbox.waitFor("eva@example.org", /^Gewijzigd: Medische raad/);
    expect(calendarOf(change)).toContain("SEQUENCE:2");
    await worker.stop();
  });

  it("gives each user a secret calendar feed of their meetings, which a reset replaces", async () => {
    const mine = (await call(member, "GET", "/api/v1/meetings?mine=true")).json();
    expect(mine.items.map((m: { id: string }) => m.id)).toEqual([ids.meeting]);
    expect((await call(outsider, "GET", "/api/v1/meetings?mine=true")).json().items).toEqual([]);

    expect((await call(member, "GET", "/api/v1/me/calendar-feed")).json().active).toBe(false);
    const { url } = (await call(member, "POST", "/api/v1/me/calendar-feed")).json();
    const path = new URL(url).pathname;
    const feed = await call(null, "GET", path);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers["content-type"]).toContain("text/calendar");
    expect(feed.body).toContain("SUMMARY:Medische raad: Vergadering december");
    expect(feed.body).not.toContain("METHOD:");

    const renewed = (await call(member, "POST", "/api/v1/me/calendar-feed")).json();
    expect((await call(null, "GET", path)).statusCode).toBe(404);
    expect((await call(null, "GET", new URL(renewed.url).pathname)).statusCode).toBe(200);
    expect((await call(member, "DELETE", "/api/v1/me/calendar-feed")).statusCode).toBe(204);
    expect((await call(null, "GET", new URL(renewed.url).pathname)).statusCode).toBe(404);
  });

  it("cancels a sent meeting with a cancellation to the members; its agenda is then closed", async () => {
    const meeting = (await call(staff, "GET", `/api/v1/meetings/${ids.meeting}`)).json();
    const cancelled = await call(staff, "POST", `/api/v1/meetings/${ids.meeting}/cancel`, {
      version: meeting.version,
    });
    expect(cancelled.json().cancelled).toBe(true);
    const worker = mailWorker();
    await worker.kick();
    await worker.stop();
    const mail = await mailbox.waitFor("bram@example.org", /^Afgelast: Medische raad/);
    expect(
      mail.attachments.find((a) => a.contentType.startsWith("text/calendar"))?.content.toString(),
    ).toContain("METHOD:CANCEL");
    const late = await call(staff, "POST", `/api/v1/meetings/${ids.meeting}/agenda-items`, {
      agendaVersion: meeting.agendaVersion,
      title: "Nog iets",
      kind: "discussion",
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().errors[0].message).toBe("Deze vergadering is afgelast");

    // A meeting that took place is part of the record: it cannot be cancelled afterwards.
    const held = (
      await call(staff, "POST", "/api/v1/meetings", {
        bodyId: ids.body,
        title: "Vorige vergadering",
        startsAt: "2025-03-04T19:30:00+01:00",
        endsAt: "2025-03-04T21:30:00+01:00",
      })
    ).json();
    const afterwards = await call(staff, "POST", `/api/v1/meetings/${held.id}/cancel`, { version: 1 });
    expect(afterwards.statusCode).toBe(409);
    expect(afterwards.json().errors[0].field).toBe("params.id");
  });

  it("keeps another region's meetings out of sight", async () => {
    const other = await world.as("b", "beheerder");
    expect((await call(other, "GET", `/api/v1/meetings/${ids.meeting}`)).statusCode).toBe(404);
    const attempt = await call(other, "POST", "/api/v1/meetings", {
      bodyId: ids.body,
      title: "Kaping",
      startsAt: `${Y}-12-08T19:30:00+01:00`,
      endsAt: `${Y}-12-08T21:30:00+01:00`,
    });
    expect(attempt.statusCode).toBe(404);
    expect(attempt.json().errors[0].field).toBe("body.bodyId");
  });
});
