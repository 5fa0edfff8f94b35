import { sql } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payloadFor } from "../../../../tests/support/routes.js";
import { type Caller, World } from "../../../../tests/support/world.js";

let world: World;
let staff: Caller;
/** Holds a seat in the medische raad. */
let member: Caller;
/** A member of the region without a seat in the medische raad. */
let outsider: Caller;
let bodyId: string;
let meetingId: string;

type Method = "GET" | "POST" | "PATCH" | "PUT";
const call = (caller: Caller, method: Method, url: string, payload?: unknown) =>
  world.inject(caller, { method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });

async function ok(caller: Caller, method: Method, url: string, payload?: unknown, status = 200) {
  const r = await call(caller, method, url, payload);
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
}

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
/** A real PDF of `pages` blank pages. */
async function pagesPdf(pages: number) {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage();
  return Buffer.from(await doc.save());
}
const pageCount = async (data: Buffer) => (await PDFDocument.load(data)).getPageCount();

function upload(id: string, name: string, data: Buffer) {
  const { payload, headers } = payloadFor({ multipart: { name, base64: data.toString("base64") } });
  return world.inject(staff, { method: "POST", url: `/api/v1/documents/${id}/versions`, headers, payload });
}

beforeAll(async () => {
  world = await World.create();
  staff = await world.as("a", "medewerker");
  member = await world.as("a", "lid");
  outsider = await world.as("a", "lid");
  bodyId = (
    await ok(staff, "POST", "/api/v1/bodies", { kind: "medical_council", name: "Medische raad" }, 201)
  ).id;
  const [user] = await world.rows<{ email: string }>(
    sql`select email from users where id = ${member.userId}`,
  );
  const person = await ok(
    staff,
    "POST",
    "/api/v1/persons",
    { givenName: "Raads", familyName: "Lid", email: user!.email },
    201,
  );
  const seat = await ok(staff, "POST", `/api/v1/bodies/${bodyId}/seats`, { role: "member" }, 201);
  await ok(
    staff,
    "POST",
    `/api/v1/seats/${seat.id}/terms`,
    { personId: person.id, startDate: "2025-01-01" },
    201,
  );
  meetingId = (
    await ok(
      staff,
      "POST",
      "/api/v1/meetings",
      {
        bodyId,
        title: "Medische raad december",
        startsAt: "2026-12-08T19:30:00+01:00",
        endsAt: "2026-12-08T21:30:00+01:00",
      },
      201,
    )
  ).id;
});
afterAll(() => world?.close());

describe("documents", () => {
  it("keeps versions of a meeting's document and serves each one", async () => {
    const doc = await ok(
      staff,
      "POST",
      "/api/v1/documents",
      { meetingId, title: "Begroting wondzorg 2027" },
      201,
    );
    expect(doc).toMatchObject({ bodyId, meetingId, latestVersion: 0, versions: [] });
    expect((await upload(doc.id, "begroting-v1.pdf", pdf("eerste"))).statusCode).toBe(201);
    const second = await upload(doc.id, "begroting-v2.pdf", pdf("tweede"));
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().versions.map((v: { number: number; name: string }) => [v.number, v.name])).toEqual([
      [1, "begroting-v1.pdf"],
      [2, "begroting-v2.pdf"],
    ]);
    expect(second.json()).toMatchObject({ latestVersion: 2, contentType: "application/pdf" });
    // Every version stays readable, by anyone in the region.
    const first = await call(outsider, "GET", `/api/v1/documents/${doc.id}/versions/1/file`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain("eerste");
    expect(first.headers["content-type"]).toBe("application/pdf");
    // An executable is no document, whatever its name says.
    const exe = await upload(
      doc.id,
      "notulen.pdf",
      Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00", "binary"),
    );
    expect(exe.statusCode).toBe(415);
    expect((await ok(staff, "GET", `/api/v1/documents/${doc.id}`)).latestVersion).toBe(2);
    // A stale change is a conflict.
    expect(
      (await call(staff, "PATCH", `/api/v1/documents/${doc.id}`, { version: 1, title: "X" })).statusCode,
    ).toBe(409);
  });

  it("shows confidential documents only to the body's members and the bureau", async () => {
    const secret = await ok(
      staff,
      "POST",
      "/api/v1/documents",
      { meetingId, title: "Vertrouwelijk advies huisartsenpost", confidential: true },
      201,
    );
    const item = await ok(
      staff,
      "POST",
      `/api/v1/meetings/${meetingId}/agenda-items`,
      { agendaVersion: 1, title: "Personele zaak", kind: "discussion", confidential: true },
      201,
    );
    const onItem = await ok(
      staff,
      "POST",
      "/api/v1/documents",
      { agendaItemId: item.agenda.at(-1).id, title: "Notitie personele zaak" },
      201,
    );
    expect(onItem).toMatchObject({ restricted: true, confidential: false, meetingId });
    for (const id of [secret.id, onItem.id]) {
      expect((await call(member, "GET", `/api/v1/documents/${id}`)).statusCode).toBe(200);
      expect((await call(outsider, "GET", `/api/v1/documents/${id}`)).statusCode).toBe(404);
      expect((await call(outsider, "GET", `/api/v1/documents/${id}/versions/1/file`)).statusCode).toBe(404);
    }
    const titles = async (caller: Caller) =>
      (await ok(caller, "GET", `/api/v1/documents?meetingId=${meetingId}`)).items.map(
        (d: { title: string }) => d.title,
      );
    expect(await titles(member)).toContain("Vertrouwelijk advies huisartsenpost");
    expect(await titles(outsider)).not.toContain("Vertrouwelijk advies huisartsenpost");
    expect(await titles(outsider)).not.toContain("Notitie personele zaak");
    expect(await titles(outsider)).toContain("Begroting wondzorg 2027");
  });

  it("binds the meeting's PDF documents into the agenda, each reader's own", async () => {
    const agendaPages = async (caller: Caller) => {
      const r = await call(caller, "GET", `/api/v1/meetings/${meetingId}/agenda.pdf`);
      expect(r.statusCode, r.body).toBe(200);
      return pageCount(r.rawPayload);
    };
    const before = await agendaPages(outsider);
    const open = await ok(staff, "POST", "/api/v1/documents", { meetingId, title: "Jaarplan" }, 201);
    expect((await upload(open.id, "jaarplan.pdf", await pagesPdf(2))).statusCode).toBe(201);
    const secret = await ok(
      staff,
      "POST",
      "/api/v1/documents",
      { meetingId, title: "Vertrouwelijke bijlage", confidential: true },
      201,
    );
    expect((await upload(secret.id, "bijlage.pdf", await pagesPdf(3))).statusCode).toBe(201);
    // The two pages of the jaarplan for everyone; the three confidential ones only for the member.
    expect(await agendaPages(outsider)).toBe(before + 2);
    expect(await agendaPages(member)).toBe(before + 5);
  });

  it("finds documents by title and meetings by their minutes, in Dutch word forms", async () => {
    const meeting = await ok(staff, "GET", `/api/v1/meetings/${meetingId}`);
    await ok(staff, "PUT", `/api/v1/meetings/${meetingId}/minutes`, {
      minutesVersion: meeting.minutesVersion,
      text: "## Medicatieoverdracht\n\nDe raad bespreekt de afspraken over medicatieoverdracht met de apothekers.",
    });
    const search = (caller: Caller, q: string) =>
      ok(caller, "GET", `/api/v1/governance-search?q=${encodeURIComponent(q)}`);
    // "begrotingen" finds "Begroting" (stemmed).
    expect((await search(outsider, "begrotingen")).map((h: { title: string }) => h.title)).toEqual([
      "Begroting wondzorg 2027",
    ]);
    // A compound plural the stemmer keeps apart, and a typo, find it by spelling.
    for (const q of ["wondzorgbegrotingen", "begroting wondzrg"])
      expect(
        (await search(outsider, q)).map((h: { title: string }) => h.title),
        q,
      ).toEqual(["Begroting wondzorg 2027"]);
    const listed = await ok(staff, "GET", `/api/v1/documents?q=wondzorgbegrotingen`);
    expect(listed.items.map((d: { title: string }) => d.title)).toEqual(["Begroting wondzorg 2027"]);
    const minutes = await search(outsider, "afspraak medicatieoverdracht");
    expect(minutes).toMatchObject([{ kind: "minutes", id: meetingId, title: "Medische raad december" }]);
    expect(minutes[0].snippet).toContain("«medicatieoverdracht»");
    // Confidential titles are found only by those who may see them.
    expect(await search(outsider, "huisartsenpost")).toEqual([]);
    expect((await search(member, "huisartsenpost")).map((h: { kind: string }) => h.kind)).toEqual([
      "document",
    ]);
    // Another region finds nothing of this one.
    const other = await world.as("b", "beheerder");
    expect(await search(other, "begroting")).toEqual([]);
    expect((await call(staff, "GET", "/api/v1/governance-search?q=a")).statusCode).toBe(400);
  });
});
