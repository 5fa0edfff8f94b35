import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, World } from "../../../../tests/support/world.js";

let world: World;
let staff: Caller;
let wsvId: string;
beforeAll(async () => {
  world = await World.create();
  staff = await world.as("a", "medewerker");
  const beheerder = await world.as("a", "beheerder");
  const region = (await world.inject(beheerder, { method: "GET", url: "/api/v1/region" })).json();
  await world.inject(beheerder, {
    method: "PATCH",
    url: "/api/v1/region",
    payload: { version: region.version, municipalities: ["GM0546"] },
  });
  const post = async (payload: Record<string, unknown>) =>
    (await world.inject(staff, { method: "POST", url: "/api/v1/organisations", payload })).json();
  wsvId = (await post({ kind: "neighbourhood_network", name: "WSV Leiden Noord" })).id;
  await post({ kind: "general_practice", name: "Huisartsen Bestaand", agbCode: "01000001" });
});
afterAll(() => world?.close());

/** A multipart body with an optional `mapping` field before the file, as a browser sends it. */
function multipart(file: Buffer, mapping?: Record<string, string>) {
  const boundary = "----regiotafel-import";
  const parts: Buffer[] = [];
  if (mapping)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="mapping"\r\n\r\n${JSON.stringify(mapping)}\r\n`,
      ),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="praktijken.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
const send = (url: string, file: Buffer, mapping?: Record<string, string>) =>
  world.inject(staff, { method: "POST", url, ...multipart(file, mapping) });
const organisationNames = async () =>
  (await world.inject(staff, { method: "GET", url: "/api/v1/organisations?limit=200" }))
    .json()
    .items.map((o: { name: string }) => o.name)
    .sort();
async function finished(id: string) {
  for (let i = 0; i < 200; i++) {
    const run = (await world.inject(staff, { method: "GET", url: `/api/v1/imports/${id}` })).json();
    if (run.status !== "running") return run;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("import did not finish");
}

// As Excel on Windows saves it: `;`, Windows-1252, Dutch headers.
const PRACTICES = Buffer.from(
  [
    "Naam;Soort;Straat;Huisnummer;Postcode;Plaats;AGB-code;Gemeente;Valt onder",
    "Huisartsenpraktijk De Zijl;Huisartsenpraktijk;Zijlsingel;4;2315 KA;Leiden;01000002;Leiden;WSV Leiden Noord",
    "Apotheek Zuid;apotheek;Haagweg;10;2321 AA;Leiden;;GM0546;",
    "Bakkerij Broodje;Bakkerij;;;;;;;",
    "Praktijk Verkeerd;Huisartsenpraktijk;;;0123 AB;;;;",
    "Huisartsen Dubbel;Huisartsenpraktijk;;;;;01000001;;",
    "Huisartsenpraktijk De Zijl;Huisartsenpraktijk;Zijlsingel;4;2315KA;Leiden;;;",
    "Praktijk Zwerver;Huisartsenpraktijk;;;;;;;WSV Nergens",
    "Praktijk Kort;Huisartsenpraktijk;;;;;123;;",
    "Praktijk Café;Diëtetiek;;;;;;Amsterdam;",
  ].join("\r\n"),
  "latin1",
);

describe("importing organisations", () => {
  it("previews the mapping and every bad row, then imports nothing or exactly the good rows, and undoes a run", async () => {
    const preview = await send("/api/v1/imports/preview", PRACTICES);
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p).toMatchObject({ encoding: "windows-1252", delimiter: ";", rows: 9, validRows: 2 });
    expect(p.mapping).toMatchObject({
      name: "Naam",
      kind: "Soort",
      visitPostcode: "Postcode",
      agbCode: "AGB-code",
      parent: "Valt onder",
    });
    expect(p.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [4, "Soort"],
      [5, "Postcode"],
      [6, "AGB-code"],
      [7, "Naam"],
      [8, "Valt onder"],
      [9, "AGB-code"],
      [10, "Gemeente"],
    ]);
    expect(p.errors[2].message).toContain("Huisartsen Bestaand");
    expect(p.errors[3].message).toContain("rij 2");

    const before = await organisationNames();
    const rejected = await send("/api/v1/imports?mode=all", PRACTICES);
    expect(rejected.statusCode).toBe(202);
    expect(await finished(rejected.json().id)).toMatchObject({
      status: "rejected",
      importedRows: 0,
      errorCount: 7,
    });
    expect(await organisationNames()).toEqual(before);

    const run = await finished((await send("/api/v1/imports?mode=valid", PRACTICES)).json().id);
    expect(run).toMatchObject({ status: "imported", importedRows: 2, processedRows: 9 });
    const list = (await world.inject(staff, { method: "GET", url: "/api/v1/organisations?q=Zijl" })).json()
      .items;
    expect(list[0]).toMatchObject({
      parentId: wsvId,
      municipalityCode: "GM0546",
      visitPostcode: "2315 KA",
      agbCode: "01000002",
    });

    const undo = (version: number) =>
      world.inject(staff, { method: "POST", url: `/api/v1/imports/${run.id}/undo`, payload: { version } });
    expect((await undo(run.version)).json()).toMatchObject({ status: "undone" });
    expect(await organisationNames()).toEqual(before);
    expect((await undo(run.version + 1)).statusCode).toBe(422);
  });

  it("refuses to undo a run something now depends on, and takes the user's column mapping", async () => {
    const file = Buffer.from("Praktijk,Categorie\nFysio Morskwartier,Fysiotherapie\n", "utf8");
    const missing = await send("/api/v1/imports/preview", file);
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0].field).toBe("mapping.name");

    const mapping = { name: "Praktijk", kind: "Categorie" };
    const run = await finished((await send("/api/v1/imports?mode=all", file, mapping)).json().id);
    expect(run).toMatchObject({ status: "imported", importedRows: 1, mapping });
    const [created] = (
      await world.inject(staff, { method: "GET", url: "/api/v1/organisations?q=Morskwartier" })
    ).json().items;
    const person = (
      await world.inject(staff, {
        method: "POST",
        url: "/api/v1/persons",
        payload: { givenName: "F", familyName: "Fysio" },
      })
    ).json();
    await world.inject(staff, {
      method: "POST",
      url: `/api/v1/persons/${person.id}/work-relations`,
      payload: { organisationId: created.id },
    });
    const undo = await world.inject(staff, {
      method: "POST",
      url: `/api/v1/imports/${run.id}/undo`,
      payload: { version: run.version },
    });
    expect(undo.statusCode).toBe(422);
    expect(await organisationNames()).toContain("Fysio Morskwartier");

    // Another region does not see the run.
    const other = await world.as("b", "medewerker");
    expect((await world.inject(other, { method: "GET", url: `/api/v1/imports/${run.id}` })).statusCode).toBe(
      404,
    );
  });
});
