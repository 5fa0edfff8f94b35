import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payloadFor } from "../../../../tests/support/routes.js";
import { type Caller, World } from "../../../../tests/support/world.js";

let world: World;
let staff: Caller;
const ids: Record<string, string> = {};
beforeAll(async () => {
  world = await World.create();
  staff = await world.as("a", "medewerker");
  const post = async (url: string, payload: Record<string, unknown>) => {
    const response = await world.inject(staff, { method: "POST", url, payload });
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };
  ids.large = await post("/api/v1/organisations", { kind: "elderly_care", name: "Topaz" });
  ids.small = await post("/api/v1/organisations", { kind: "elderly_care", name: "Zorghuis De Linde" });
  ids.other = await post("/api/v1/organisations", { kind: "elderly_care", name: "Marente" });
  ids.tessa = await post("/api/v1/persons", { givenName: "Tessa", familyName: "Vertegenwoordiger" });
  ids.body = await post("/api/v1/bodies", { kind: "steering_group", name: "Stuurgroep" });
  ids.seat = await post(`/api/v1/bodies/${ids.body}/seats`, {
    role: "member",
    representsConstituency: "Ouderenzorg",
  });
});
afterAll(() => world?.close());

const call = (method: "GET" | "POST" | "PATCH", url: string, payload?: Record<string, unknown>) =>
  world.inject(staff, { method, url, ...(payload ? { payload } : {}) });

/** A multipart upload of one file in field "file". */
function upload(url: string, name: string, data: Buffer) {
  const { payload, headers } = payloadFor({ multipart: { name, base64: data.toString("base64") } });
  return world.inject(staff, { method: "PUT", url, headers, payload });
}

describe("mandates: who speaks for whom", () => {
  it("records a mandate of a constituency with its document, and shows it to the organisations it speaks for", async () => {
    const created = await call("POST", "/api/v1/mandates", {
      personId: ids.tessa,
      seatId: ids.seat,
      constituency: "Ouderenzorgaanbieders, groot en klein",
      scope: "Spreekt in de stuurgroep over de transitie",
      validFrom: "2026-01-01",
      validTo: "2099-12-31",
      organisationIds: [ids.large, ids.small, ids.large],
    });
    expect(created.statusCode).toBe(201);
    const mandate = created.json();
    expect(mandate).toMatchObject({
      personName: "Tessa Vertegenwoordiger",
      seat: { id: ids.seat, bodyName: "Stuurgroep", role: "member" },
      valid: true,
      organisations: [
        { id: ids.large, name: "Topaz" },
        { id: ids.small, name: "Zorghuis De Linde" },
      ],
      document: null,
    });

    // The document that grants it: a PDF is kept, a program is refused.
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const withDocument = await upload(`/api/v1/mandates/${mandate.id}/document`, "besluit ALV.pdf", pdf);
    expect(withDocument.json().document).toMatchObject({
      name: "besluit ALV.pdf",
      contentType: "application/pdf",
    });
    const exe = await upload(
      `/api/v1/mandates/${mandate.id}/document`,
      "x.pdf",
      Buffer.from("MZ\x90\x00\x03"),
    );
    expect(exe.statusCode).toBe(415);
    const download = await call("GET", `/api/v1/mandates/${mandate.id}/document`);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.rawPayload.equals(pdf)).toBe(true);

    // The small provider sees who speaks for it; the one outside the constituency does not.
    const lid = await world.as("a", "lid");
    const forSmall = (
      await world.inject(lid, { method: "GET", url: `/api/v1/organisations/${ids.small}/representatives` })
    ).json();
    expect(forSmall.mandates.map((m: { personName: string }) => m.personName)).toEqual([
      "Tessa Vertegenwoordiger",
    ]);
    const forOther = (await call("GET", `/api/v1/organisations/${ids.other}/representatives`)).json();
    expect(forOther.mandates).toEqual([]);

    // The overview filters by organisation and by date.
    const byOrg = (await call("GET", `/api/v1/mandates?organisationId=${ids.large}`)).json();
    expect(byOrg.items.map((m: { id: string }) => m.id)).toEqual([mandate.id]);
    const byBody = (await call("GET", `/api/v1/mandates?bodyId=${ids.body}`)).json();
    expect(byBody.items.map((m: { id: string }) => m.id)).toEqual([mandate.id]);
    expect((await call("GET", "/api/v1/mandates?on=2025-06-01")).json().items).toEqual([]);
    const csv = await call("GET", `/api/v1/mandates/export?organisationId=${ids.small}`);
    expect(csv.headers["content-disposition"]).toMatch(/mandaten-.*\.csv/);
    const [header, line, ...rest] = csv.body.replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toContain("Achterban;Reikwijdte;Vertegenwoordiger;Namens");
    // The organisations share one cell, quoted because it holds the separator.
    expect(line).toContain('Tessa Vertegenwoordiger;"Topaz; Zorghuis De Linde";Stuurgroep');
    expect(line).toContain("besluit ALV.pdf");
    expect(rest).toEqual([]);

    // Ending it: the period must run forwards; a stale version is a conflict.
    const backwards = await call("PATCH", `/api/v1/mandates/${mandate.id}`, {
      version: withDocument.json().version,
      validTo: "2025-12-31",
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().errors[0].field).toBe("body.validTo");
    const ended = await call("PATCH", `/api/v1/mandates/${mandate.id}`, {
      version: withDocument.json().version,
      validTo: "2026-06-30",
      organisationIds: [ids.large],
    });
    expect(ended.json()).toMatchObject({ validTo: "2026-06-30", organisations: [{ name: "Topaz" }] });
    expect(
      (await call("PATCH", `/api/v1/mandates/${mandate.id}`, { version: 1, scope: "Alles" })).statusCode,
    ).toBe(409);
  });

  it("refuses organisations, people and seats of another region, and an empty constituency", async () => {
    const other = await world.as("b", "medewerker");
    const foreign = (
      await world.inject(other, {
        method: "POST",
        url: "/api/v1/organisations",
        payload: { kind: "elderly_care", name: "Elders" },
      })
    ).json();
    const refused = await call("POST", "/api/v1/mandates", {
      personId: ids.tessa,
      constituency: "Ouderenzorg",
      validFrom: "2026-01-01",
      organisationIds: [ids.large, foreign.id],
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().errors[0].field).toBe("body.organisationIds.1");
    const empty = await call("POST", "/api/v1/mandates", {
      personId: ids.tessa,
      constituency: "Ouderenzorg",
      validFrom: "2026-01-01",
      organisationIds: [],
    });
    expect(empty.statusCode).toBe(400);
    // Nothing was written by the refused requests.
    expect((await call("GET", "/api/v1/mandates?q=Ouderenzorg")).json().items).toHaveLength(1);
    expect(
      (
        await world.inject(other, {
          method: "GET",
          url: `/api/v1/organisations/${ids.large}/representatives`,
        })
      ).statusCode,
    ).toBe(404);
  });
});
