import type { FastifyReply } from "fastify";
import Papa from "papaparse";
import { excel } from "./lazy.js";

export interface Column<Row> {
  header: string;
  value: (row: Row) => string | number | Date | null;
  width?: number;
}

/**
 * A cell that starts with = + - @ (or a tab/CR) would run as a formula when the export is opened
 * in Excel; a leading apostrophe keeps it text.
 */
export function neutralise(value: unknown): unknown {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The most rows one export returns; a list filtered further exports the rest. */
export const EXPORT_LIMIT = 100_000;

/** CSV as Dutch Excel opens it: `;`-separated, UTF-8 with BOM, CRLF. */
export function toCsv<Row>(rows: Row[], columns: Column<Row>[]): Buffer {
  const data = rows.map((r) =>
    columns.map((c) => {
      const v = c.value(r);
      return neutralise(v instanceof Date ? v.toISOString() : (v ?? ""));
    }),
  );
  const csv = Papa.unparse(
    { fields: columns.map((c) => c.header), data },
    { delimiter: ";", newline: "\r\n" },
  );
  return Buffer.from(`\uFEFF${csv}`, "utf8");
}

export interface Sheet<Row> {
  name: string;
  rows: Row[];
  columns: Column<Row>[];
}

/** An xlsx workbook with one sheet per entry: bold, frozen header; formula-like cells neutralised. */
// biome-ignore lint/suspicious/noExplicitAny: each sheet has its own row type
export async function toWorkbook(sheets: Sheet<any>[]): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  workbook.creator = "Regiotafel";
  for (const { name, rows, columns } of sheets) {
    const sheet = workbook.addWorksheet(name.slice(0, 31));
    sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 20 }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: 1 }];
    for (const r of rows) sheet.addRow(columns.map((c) => neutralise(c.value(r))));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const toXlsx = <Row>(rows: Row[], columns: Column<Row>[], sheetName: string) =>
  toWorkbook([{ name: sheetName, rows, columns }]);

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** `Content-Disposition` for a download with a safe ASCII name. */
export const attachment = (name: string) => `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"`;

/**
 * Sends `rows` as a download named `<baseName>-<today>.<format>`: xlsx (one sheet) or CSV as
 * Dutch Excel opens it. Every list's export route ends here.
 */
export async function sendExport<Row>(
  reply: FastifyReply,
  opts: { format: "csv" | "xlsx"; baseName: string; sheetName: string; rows: Row[]; columns: Column<Row>[] },
) {
  const name = `${opts.baseName}-${new Date().toISOString().slice(0, 10)}.${opts.format}`;
  reply.header("content-disposition", attachment(name));
  return opts.format === "xlsx"
    ? reply.type(XLSX_TYPE).send(await toXlsx(opts.rows, opts.columns, opts.sheetName))
    : reply.type("text/csv; charset=utf-8").send(toCsv(opts.rows, opts.columns));
}
