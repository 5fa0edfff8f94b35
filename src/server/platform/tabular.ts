import type ExcelJS from "exceljs";
import Papa from "papaparse";
import { invalidField } from "./errors.js";
import { excel } from "./lazy.js";

/**
 * Reading the spreadsheets people bring: CSV as Excel writes it in the Netherlands (`;`, often
 * Windows-1252) or as other tools write it (`,`, UTF-8), and xlsx. Every import reads its file
 * through here, so every import refuses the same bad files with the same messages.
 */
export interface Table {
  format: "csv" | "xlsx";
  encoding: "utf-8" | "windows-1252" | null;
  delimiter: string | null;
  headers: string[];
  rows: TableRow[];
}

export interface TableRow {
  /** The row number as the user sees it in their spreadsheet (the header is row 1). */
  line: number;
  cells: string[];
  /** Columns (by index) whose cell holds a formula: refused, never evaluated or stored. */
  formulas: number[];
}

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Reads a CSV or xlsx upload, or throws a 422 naming the `file` field and what is wrong. */
export async function readTable(data: Buffer): Promise<Table> {
  if (data.length === 0) throw invalidField("file", "field.fileEmpty");
  const table = data.subarray(0, 4).equals(ZIP_SIGNATURE) ? await readXlsx(data) : readCsv(data);
  const headers = table.headers.map((h) => h.trim());
  if (headers.every((h) => h === "")) throw invalidField("file", "field.fileNoHeader");
  const seen = new Set<string>();
  for (const h of headers) {
    const key = h.toLowerCase();
    if (h && seen.has(key)) throw invalidField("file", "field.fileDuplicateHeader");
    seen.add(key);
  }
  if (table.rows.length === 0) throw invalidField("file", "field.fileEmpty");
  return { ...table, headers };
}

function decode(data: Buffer): { text: string; encoding: "utf-8" | "windows-1252" } {
  // NUL bytes do not occur in text in either encoding: UTF-16, a PDF, an image.
  if (data.includes(0)) throw invalidField("file", "field.fileType");
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(data);
    return { text, encoding: "utf-8" };
  } catch {
    // Not valid UTF-8: Excel's "CSV (gescheiden door lijstscheidingsteken)" on Windows.
    return { text: new TextDecoder("windows-1252").decode(data), encoding: "windows-1252" };
  }
}

function readCsv(data: Buffer): Omit<Table, "headers"> & { headers: string[] } {
  const { text, encoding } = decode(data);
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [";", ",", "\t"],
    skipEmptyLines: "greedy",
  });
  const [headers = [], ...body] = parsed.data;
  // A CSV has no formulas, but Excel evaluates a cell starting with "=" when the file is
  // opened again; such a cell is refused, as in xlsx.
  const rows = body.map((cells, i) => ({
    line: i + 2,
    cells: cells.map((c) => c.trim()),
    formulas: cells.flatMap((c, col) => (c.trimStart().startsWith("=") ? [col] : [])),
  }));
  return { format: "csv", encoding, delimiter: parsed.meta.delimiter, headers, rows };
}

async function readXlsx(data: Buffer): Promise<Table> {
  const { Workbook, ValueType } = await excel();
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw invalidField("file", "field.fileType");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalidField("file", "field.fileEmpty");
  const width = sheet.columnCount;
  const headers: string[] = [];
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    const formulas: number[] = [];
    for (let col = 1; col <= width; col++) {
      const cell = row.getCell(col);
      if (cell.formula || cell.type === ValueType.Formula) formulas.push(col - 1);
      cells.push(cellText(cell.value).trim());
    }
    if (line === 1) headers.push(...cells);
    else if (cells.some((c) => c !== "")) rows.push({ line, cells, formulas });
  });
  return { format: "xlsx", encoding: null, delimiter: null, headers, rows };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== "object") return String(value);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("text" in value) return String(value.text);
  if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  return "";
}

/**
 * Finds a column by the names people give it (case and spaces ignored): the Dutch header, the
 * CBS variable name, the English field name. The earlier name wins when the file has several
 * (a BIG number identifies a person better than a name). -1 when the file has none of them.
 */
export function findColumn(headers: string[], names: readonly string[]): number {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, "");
  const normalised = headers.map(norm);
  for (const name of names) {
    const index = normalised.indexOf(norm(name));
    if (index >= 0) return index;
  }
  return -1;
}
