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

// One ledenlijst, as a zorggroep keeps it: read three times, as people, as where they work, and
// as their memberships (the columns each import does not need are ignored).
const LEDENLIJST = Buffer.from(
  [
    "Voornaam,Tussenvoegsel,Achternaam,Discipline,BIG-nummer,E-mail,Praktijk,Functie,FTE,In dienst,Lid van,Lid sinds",
    'Anna,de,Vries,Huisarts,19012345601,anna@zijl.demo,Huisartsen Bestaand,Praktijkhouder,"0,8",1-1-2020,WSV Leiden Noord,01-01-2021',
    'Bram,,Bakker,"POH-GGZ, Praktijkmanager",,bram@zijl.demo,Huisartsen Bestaand,POH,50%,2022-03-01,,',
    "Cor,,Kok,Bakker,,,,,,,,",
    "Dirk,van,Dam,Huisarts,1234,,,,,,,",
    "Eva,,Eik,Huisarts,19012345601,,,,,,,",
    "Fenna,,Fijn,Huisarts,,al@bekend.demo,,,,,,",
    "Gijs,,Groen,fysiotherapeut,19012345602,,Nergens BV,,2,31-02-2024,Huisartsen Bestaand,",
  ].join("\n"),
  "utf8",
);

describe("importing people, their work relations and memberships", () => {
  it("reads one ledenlijst as people, work relations and memberships, each with its own bad rows, and undoes them in order", async () => {
    await world.inject(staff, {
      method: "POST",
      url: "/api/v1/persons",
      payload: { givenName: "Al", familyName: "Bekend", email: "al@bekend.demo" },
    });
    const people = (await send("/api/v1/imports/preview?kind=persons", LEDENLIJST)).json();
    expect(people.mapping).toMatchObject({
      givenName: "Voornaam",
      namePrefix: "Tussenvoegsel",
      familyName: "Achternaam",
      disciplines: "Discipline",
      bigNumber: "BIG-nummer",
      email: "E-mail",
    });
    expect(people.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [4, "Discipline"],
      [5, "BIG-nummer"],
      [6, "BIG-nummer"],
      [7, "E-mail"],
    ]);
    expect(people.errors[2].message).toContain("rij 2");
    expect(people.errors[3].message).toContain("Al Bekend");
    const personsRun = await finished(
      (await send("/api/v1/imports?kind=persons&mode=valid", LEDENLIJST)).json().id,
    );
    expect(personsRun).toMatchObject({ kind: "persons", status: "imported", importedRows: 3 });
    const [bram] = (
      await world.inject(staff, { method: "GET", url: "/api/v1/persons?q=bram@zijl.demo" })
    ).json().items;
    expect(bram.disciplines).toEqual(["practice_nurse_mental_health", "practice_manager"]);

    const relations = (await send("/api/v1/imports/preview?kind=workRelations", LEDENLIJST)).json();
    // The BIG number identifies a person better than a name, so that column is taken.
    expect(relations.mapping).toMatchObject({ person: "BIG-nummer", organisation: "Praktijk", fte: "FTE" });
    // Bram has no BIG number: the user points the person at the e-mail column instead.
    const mapping = { ...relations.mapping, person: "E-mail" };
    const checked = (await send("/api/v1/imports/preview?kind=workRelations", LEDENLIJST, mapping)).json();
    expect(checked.validRows).toBe(2);
    const relationsRun = await finished(
      (await send("/api/v1/imports?kind=workRelations&mode=valid", LEDENLIJST, mapping)).json().id,
    );
    expect(relationsRun).toMatchObject({ status: "imported", importedRows: 2 });
    const work = (
      await world.inject(staff, { method: "GET", url: `/api/v1/persons/${bram.id}/work-relations` })
    ).json();
    expect(work.items ?? work).toMatchObject([{ fte: 0.5, fromDate: "2022-03-01", function: "POH" }]);

    // Gijs's row, mapped by BIG: an unknown organisation; at a known one, his FTE (2) and his date
    // (31 February) are refused.
    const gijs = (await send("/api/v1/imports/preview?kind=workRelations", LEDENLIJST))
      .json()
      .errors.find((e: { row: number }) => e.row === 8);
    expect(gijs).toMatchObject({ field: "Praktijk" });
    const atKnown = { ...relations.mapping, organisation: "Lid van" };
    const fte = (await send("/api/v1/imports/preview?kind=workRelations", LEDENLIJST, atKnown)).json();
    expect(fte.errors.find((e: { row: number }) => e.row === 8)).toMatchObject({ field: "FTE" });
    const noFte = { ...atKnown, fte: undefined };
    const date = (await send("/api/v1/imports/preview?kind=workRelations", LEDENLIJST, noFte)).json();
    expect(date.errors.find((e: { row: number }) => e.row === 8)).toMatchObject({ field: "In dienst" });

    const members = (await send("/api/v1/imports/preview?kind=memberships", LEDENLIJST)).json();
    expect(members.mapping).toMatchObject({
      body: "Lid van",
      memberPerson: "BIG-nummer",
      startDate: "Lid sinds",
    });
    const membersRun = await finished(
      (await send("/api/v1/imports?kind=memberships&mode=valid", LEDENLIJST)).json().id,
    );
    expect(membersRun).toMatchObject({ status: "imported", importedRows: 1 });
    // Rows without "Lid van" are not memberships; Gijs's body is a practice, which has no members.
    expect(membersRun.errors.find((e: { row: number }) => e.row === 8)).toMatchObject({ field: "Lid van" });
    const again = (await send("/api/v1/imports/preview?kind=memberships", LEDENLIJST)).json();
    expect(again.errors.find((e: { row: number }) => e.row === 2).message).toContain("Anna de Vries");

    const undo = (run: { id: string; version: number }) =>
      world.inject(staff, {
        method: "POST",
        url: `/api/v1/imports/${run.id}/undo`,
        payload: { version: run.version },
      });
    // People who work somewhere by now stay, until their work relations and memberships go first.
    const refused = await undo(personsRun);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].message).toContain("werken intussen ergens");
    expect((await undo(membersRun)).json()).toMatchObject({ status: "undone" });
    expect((await undo(relationsRun)).json()).toMatchObject({ status: "undone" });
    expect((await undo(personsRun)).json()).toMatchObject({ status: "undone" });
    const left = (await world.inject(staff, { method: "GET", url: "/api/v1/persons?q=zijl.demo" })).json();
    expect(left.items).toEqual([]);
  });
});

describe("example files", () => {
  it("gives per kind a file with the columns the import recognises, which checks without errors in its mapping", async () => {
    for (const kind of ["organisations", "persons", "workRelations", "memberships"]) {
      const csv = await world.inject(staff, {
        method: "GET",
        url: `/api/v1/imports/template?kind=${kind}&format=csv`,
      });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers["content-disposition"]).toContain(`voorbeeld-${kind}`);
      const preview = (await send(`/api/v1/imports/preview?kind=${kind}`, csv.rawPayload)).json();
      // Every field is recognised from its own column in the example.
      expect(Object.keys(preview.mapping).sort()).toEqual(
        preview.fields.map((f: { key: string }) => f.key).sort(),
      );
      expect(preview.rows).toBe(1);
    }
    const xlsx = await world.inject(staff, { method: "GET", url: "/api/v1/imports/template?kind=persons" });
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const read = (await send("/api/v1/imports/preview?kind=persons", xlsx.rawPayload)).json();
    expect(read).toMatchObject({ format: "xlsx", rows: 1, validRows: 1 });
  });
});
