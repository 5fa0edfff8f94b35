import type { Ctx } from "../../platform/context.js";
import { type Column, toWorkbook } from "../../platform/export.js";
import { type PdfContent, renderPdf } from "../../platform/pdf.js";
import { dutchDay } from "../governance/words.js";
import { getRound } from "./reports-service.js";

type Round = Awaited<ReturnType<typeof getRound>>;
type Report = Round["reports"][number];
type Tally = Round["byProgramme"][number];

const RAG_WORDS = { green: "Groen", orange: "Oranje", red: "Rood" } as const;
const lightOf = (r: Report) => (r.rag ? RAG_WORDS[r.rag] : "Nog niet ingevuld");

const tallyColumns = (what: string): Column<Tally>[] => [
  { header: what, value: (g) => g.name, width: 40 },
  { header: "Groen", value: (g) => g.green, width: 8 },
  { header: "Oranje", value: (g) => g.orange, width: 8 },
  { header: "Rood", value: (g) => g.red, width: 8 },
  { header: "Nog niet binnen", value: (g) => g.missing, width: 14 },
];
const reportColumns: Column<Report>[] = [
  { header: "Project", value: (r) => r.project.name, width: 36 },
  { header: "Programma", value: (r) => r.programme.name, width: 28 },
  { header: "Projectleider", value: (r) => r.leaderName, width: 24 },
  { header: "Stand", value: lightOf, width: 14 },
  { header: "Wat is er bereikt", value: (r) => r.narrative, width: 60 },
  { header: "Risico's", value: (r) => r.risks, width: 40 },
  {
    header: "Indicatoren",
    value: (r) =>
      r.kpiSnapshot.map((k) => `${k.name}: ${k.latest ? `${k.latest.value} ${k.unit}` : "—"}`).join("; "),
    width: 48,
  },
];

/** The regional report of a round as a workbook: the lights per programme and per resultaatgebied, and every report. */
export async function roundWorkbook(ctx: Ctx, id: string) {
  const round = await getRound(ctx, id);
  const xlsx = await toWorkbook([
    { name: "Per programma", rows: round.byProgramme, columns: tallyColumns("Programma") },
    { name: "Per resultaatgebied", rows: round.byResultArea, columns: tallyColumns("Resultaatgebied") },
    { name: "Rapportages", rows: round.reports, columns: reportColumns },
  ]);
  return { round, xlsx };
}

/** The regional report of a round as a PDF for the stuurgroep and the zorgverzekeraar. */
export async function roundPdf(ctx: Ctx, id: string) {
  const round = await getRound(ctx, id);
  const tallyTable = (what: string, rows: Tally[]): PdfContent =>
    rows.length
      ? {
          table: {
            headerRows: 1,
            widths: ["*", "auto", "auto", "auto", "auto"],
            body: [
              [what, "Groen", "Oranje", "Rood", "Nog niet binnen"].map((text) => ({ text, bold: true })),
              ...rows.map((g) => [
                g.name,
                String(g.green),
                String(g.orange),
                String(g.red),
                String(g.missing),
              ]),
            ],
          },
          margin: [0, 0, 0, 8],
        }
      : { text: "Geen", style: "muted" };
  const reports: PdfContent[] = round.reports.flatMap((r) => [
    { text: `${r.project.name}: ${lightOf(r)}`, style: "h3" },
    { text: `${r.programme.name}${r.leaderName ? ` · ${r.leaderName}` : ""}`, style: "muted" },
    ...(r.narrative ? [{ text: r.narrative, margin: [0, 2, 0, 2] }] : []),
    ...(r.risks ? [{ text: [{ text: "Risico's: ", bold: true }, r.risks] }] : []),
    ...(r.kpiSnapshot.length
      ? [
          {
            text: r.kpiSnapshot
              .map(
                (k) =>
                  `${k.name}: ${k.latest ? `${k.latest.value} ${k.unit}` : "—"} (doel ${k.target} ${k.unit})`,
              )
              .join(" · "),
            style: "muted",
          },
        ]
      : []),
  ]);
  const title = `Voortgangsrapportage ${round.period}`;
  const pdf = await renderPdf(title, [
    { text: title, style: "title" },
    {
      text: `${round.submitted} van ${round.requested} rapportages binnen · uiterlijk ${dutchDay(round.dueDate)}${round.closed ? " · gesloten" : ""}`,
      style: "muted",
      margin: [0, 0, 0, 8],
    },
    { text: "Per programma", style: "h2" },
    tallyTable("Programma", round.byProgramme),
    { text: "Per resultaatgebied", style: "h2" },
    tallyTable("Resultaatgebied", round.byResultArea),
    { text: "Rapportages", style: "h2" },
    ...(reports.length ? reports : [{ text: "Geen projecten", style: "muted" }]),
  ]);
  return { round, pdf };
}
