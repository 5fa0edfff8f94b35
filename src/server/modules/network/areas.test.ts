import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payloadFor } from "../../../../tests/support/routes.js";
import { type Caller, World } from "../../../../tests/support/world.js";

let world: World;
let staff: Caller;
beforeAll(async () => {
  world = await World.create();
  staff = await world.as("a", "medewerker");
  // The werkgebied: Leiden and Katwijk.
  const beheerder = await world.as("a", "beheerder");
  const region = (await world.inject(beheerder, { method: "GET", url: "/api/v1/region" })).json();
  const patched = await world.inject(beheerder, {
    method: "PATCH",
    url: "/api/v1/region",
    payload: { version: region.version, municipalities: ["GM0546", "GM0537"] },
  });
  expect(patched.statusCode).toBe(200);
});
afterAll(() => world?.close());

const upload = (caller: Caller, file: Buffer, query: string) => {
  const { payload, headers } = payloadFor({
    multipart: { name: "wijken.csv", base64: file.toString("base64") },
  });
  return world.inject(caller, { method: "POST", url: `/api/v1/areas/import?${query}`, payload, headers });
};
const werkgebied = async (caller: Caller = staff, query = "") =>
  (await world.inject(caller, { method: "GET", url: `/api/v1/areas${query}` })).json();
interface Werkgebied {
  municipalities: { code: string; wijken: { code: string; networks: unknown[] }[] }[];
}
const wijkenOf = (tree: Werkgebied, gm: string) =>
  tree.municipalities.find((m) => m.code === gm)?.wijken ?? [];

// As Excel on Windows saves it: `;`, Windows-1252 (the ë of Oegstgeest-style names), CRLF.
const CBS_CSV = Buffer.from(
  [
    "gwb_code_10;regio;gm_naam;recs;a_inw",
    "GM0546;Leiden;Leiden;Gemeente;130.200",
    "WK054608;Merenwijk;Leiden;Wijk;15200",
    "BU05460800;Merenwijk Noord;Leiden;Buurt;7000",
    "BU05460801;Merenwijk Zuid;Leiden;Buurt;8200",
    "WK053703;Rijnsburg Poëtenbuurt;Katwijk;Wijk;.",
    "WK036300;Centrum;Amsterdam;Wijk;85000",
    "WK05460;Kort;Leiden;Wijk;100",
    "WK054609;Stevenshof;Leiden;Wijk;12,5",
    "BU05460700;Morsdistrict Oost;Leiden;Buurt;3000",
    "WK054610;Roomburg;Leiden;Wijk;=SUM(A1:A3)",
    "WK054608;Merenwijk;Leiden;Wijk;15200",
  ].join("\r\n"),
  "latin1",
);

describe("werkgebied import", () => {
  it("reports every bad row by row, column and reason, and imports nothing in 'all' mode", async () => {
    const response = await upload(staff, CBS_CSV, "year=2024&mode=all");
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({
      format: "csv",
      encoding: "windows-1252",
      delimiter: ";",
      rows: 11,
      validRows: 5,
      imported: false,
      wijken: { new: 2, updated: 0 },
      buurten: { new: 2, updated: 0 },
    });
    expect(report.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [7, "gwb_code_10"], // Amsterdam is not in the werkgebied
      [8, "gwb_code_10"], // not a CBS code
      [9, "a_inw"], // 12,5 inhabitants
      [10, "gwb_code_10"], // buurt of a wijk nobody imported
      [11, "a_inw"], // formula
      [12, "gwb_code_10"], // twice in the file
    ]);
    expect(report.errors[0].message).toBe("Deze gemeente hoort niet bij het werkgebied van de regio");
    expect(wijkenOf(await werkgebied(), "GM0546")).toEqual([]);
  });

  it("imports exactly the valid rows when asked, decoding Windows-1252 and Dutch thousands", async () => {
    const preview = (await upload(staff, CBS_CSV, "year=2024&mode=valid&dryRun=true")).json();
    expect(preview.imported).toBe(false);
    expect(wijkenOf(await werkgebied(), "GM0546")).toEqual([]);

    const report = (await upload(staff, CBS_CSV, "year=2024&mode=valid")).json();
    expect(report.imported).toBe(true);
    const tree = await werkgebied();
    expect(tree.years).toEqual([2024]);
    expect(tree.municipalities.find((m: { code: string }) => m.code === "GM0546").inhabitants).toBe(130200);
    expect(wijkenOf(tree, "GM0546")).toEqual([
      { code: "WK054608", name: "Merenwijk", inhabitants: 15200, buurten: 2, networks: [] },
    ]);
    expect(wijkenOf(tree, "GM0537")).toEqual([
      { code: "WK053703", name: "Rijnsburg Poëtenbuurt", inhabitants: null, buurten: 0, networks: [] },
    ]);
    const buurten = await world.inject(staff, { method: "GET", url: "/api/v1/areas/WK054608/buurten" });
    expect(buurten.json().items).toEqual([
      { code: "BU05460800", name: "Merenwijk Noord", inhabitants: 7000 },
      { code: "BU05460801", name: "Merenwijk Zuid", inhabitants: 8200 },
    ]);

    // A later year adds figures and renames; the earlier year stays.
    const next = Buffer.from("code,naam,inwoners\nWK054608,Merenwijk e.o.,15400\n", "utf8");
    const second = (await upload(staff, next, "year=2025")).json();
    expect(second).toMatchObject({ delimiter: ",", encoding: "utf-8", wijken: { new: 0, updated: 1 } });
    expect(wijkenOf(await werkgebied(), "GM0546")[0]).toMatchObject({
      name: "Merenwijk e.o.",
      inhabitants: 15400,
    });
    expect(wijkenOf(await werkgebied(staff, "?year=2024"), "GM0546")[0]).toMatchObject({
      inhabitants: 15200,
    });
  });

  it("refuses files it cannot read, naming the file field", async () => {
    const refused = async (file: Buffer) => {
      const response = await upload(staff, file, "year=2024");
      expect(response.statusCode).toBe(422);
      return response.json().errors[0];
    };
    expect(await refused(Buffer.alloc(0))).toMatchObject({ field: "file" });
    expect(await refused(Buffer.from("code;code;inwoners\nWK054608;x;1\n"))).toMatchObject({
      field: "file",
      message: "Twee kolommen hebben dezelfde naam; geef elke kolom een eigen naam",
    });
    expect(await refused(Buffer.from("code;inwoners\nWK054608;1\n"))).toMatchObject({ field: "file.name" });
    expect(await refused(Buffer.from("\u0000\u0001PNG binary"))).toMatchObject({ field: "file" });
    expect(await refused(Buffer.from("PK\u0003\u0004 not really a workbook"))).toMatchObject({
      field: "file",
    });
  });

  it("reads xlsx and refuses its formula cells per row", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Wijken");
    sheet.addRow(["Codering", "Wijken en buurten", "Aantal inwoners"]);
    sheet.addRow(["WK054609", "Stevenshof", 12000]);
    sheet.addRow(["WK054610", "Roomburg", { formula: "1+1", result: 2 }]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = (await upload(staff, file, "year=2025&mode=valid")).json();
    expect(report).toMatchObject({ format: "xlsx", validRows: 1, imported: true });
    expect(report.errors).toEqual([
      {
        row: 3,
        field: "Aantal inwoners",
        message: "Formules worden niet ingelezen; zet de waarde zelf in de cel",
      },
    ]);
  });

  it("is for the bureau only", async () => {
    const member = await world.as("a", "lid");
    expect((await upload(member, CBS_CSV, "year=2024")).statusCode).toBe(403);
  });
});

describe("WSV coverage", () => {
  it("sums the inhabitants of the wijken a WSV covers, with optimistic versions", async () => {
    const wsv = (
      await world.inject(staff, {
        method: "POST",
        url: "/api/v1/organisations",
        payload: { kind: "neighbourhood_network", name: "WSV Leiden Noord" },
      })
    ).json();
    const put = (id: string, payload: Record<string, unknown>) =>
      world.inject(staff, { method: "PUT", url: `/api/v1/organisations/${id}/areas`, payload });
    const set = await put(wsv.id, { version: wsv.version, wijkCodes: ["WK054608", "WK054609"] });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ year: 2025, inhabitants: 15400 + 12000, version: wsv.version + 1 });
    expect(wijkenOf(await werkgebied(), "GM0546")[0]?.networks).toEqual([
      { id: wsv.id, name: "WSV Leiden Noord" },
    ]);

    expect((await put(wsv.id, { version: wsv.version, wijkCodes: [] })).statusCode).toBe(409);
    const unknown = await put(wsv.id, { version: wsv.version + 1, wijkCodes: ["WK099999"] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].field).toBe("body.wijkCodes");

    const practice = (
      await world.inject(staff, {
        method: "POST",
        url: "/api/v1/organisations",
        payload: { kind: "general_practice", name: "Praktijk Merenwijk" },
      })
    ).json();
    expect((await put(practice.id, { version: 1, wijkCodes: ["WK054608"] })).statusCode).toBe(422);

    // Another region's WSV is not there, and another region does not see this werkgebied.
    const other = await world.as("b", "medewerker");
    const fromB = await world.inject(other, { method: "GET", url: `/api/v1/organisations/${wsv.id}/areas` });
    expect(fromB.statusCode).toBe(404);
    expect((await werkgebied(other)).years).toEqual([]);
  });
});
