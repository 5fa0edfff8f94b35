import { planPeriod } from "../../../shared/plan.js";
import type { Ctx } from "../../platform/context.js";
import { markdownToPdf, type PdfContent, renderPdf } from "../../platform/pdf.js";
import { dutchDay } from "../governance/words.js";
import type { ResultAreaWork } from "./result-area-work.js";
import { getPlan } from "./service.js";

/** What carries out a resultaatgebied, as one line: its projects, speerpunten and KPIs. */
function work(w: ResultAreaWork) {
  const parts: [string, string[]][] = [
    ["Projecten", w.projects.map((p) => p.name)],
    ["Speerpunten", w.priorities.map((p) => p.title)],
    ["Indicatoren", w.kpis.map((k) => k.name)],
  ];
  return parts
    .filter(([, names]) => names.length)
    .map(([label, names]) => `${label}: ${names.join(", ")}`)
    .join(" · ");
}

/**
 * A regioplan as a PDF to send round or put on the table: title, period, version and status
 * (with who vastgesteld it and when), vision, ambitions, and the work agenda numbered as on the
 * page: beleidsterrein 1, resultaatgebied 1.1, … with under each resultaatgebied what carries it out.
 */
export async function planPdf(ctx: Ctx, id: string) {
  const plan = await getPlan(ctx, id);
  const status =
    plan.status === "adopted" && plan.adoptedBy && plan.adoptedOn
      ? `Vastgesteld door ${plan.adoptedBy.name} op ${dutchDay(plan.adoptedOn)}`
      : "Concept";
  const text = (markdown: string | null) =>
    markdown ? markdownToPdf(markdown) : [{ text: "Nog niet beschreven", style: "muted" }];
  const agenda: PdfContent[] = plan.policyAreas.flatMap((area, i) => [
    { text: `${i + 1}. ${area.name}`, style: "h3" },
    ...(area.description ? [{ text: area.description, style: "muted", margin: [0, 0, 0, 4] }] : []),
    area.resultAreas.length
      ? {
          stack: area.resultAreas.flatMap((r, j) => {
            const doing = work(r.work);
            return [
              {
                text: [
                  { text: `${i + 1}.${j + 1} ${r.name}`, bold: true },
                  r.description ? ` — ${r.description}` : "",
                ],
                margin: [12, 0, 0, doing ? 1 : 3],
              },
              ...(doing ? [{ text: doing, style: "muted", fontSize: 9, margin: [24, 0, 0, 3] }] : []),
            ];
          }),
        }
      : { text: "Nog geen resultaatgebieden", style: "muted", margin: [12, 0, 0, 3] },
  ]);
  const title = `${plan.title} ${planPeriod(plan.startYear, plan.endYear)}`;
  const pdf = await renderPdf(title, [
    { text: title, style: "title" },
    { text: `Versie ${plan.revision} · ${status}`, style: "muted", margin: [0, 0, 0, 8] },
    { text: "Visie", style: "h2" },
    ...text(plan.vision),
    { text: "Ambities", style: "h2" },
    ...text(plan.ambitions),
    { text: "Werkagenda: beleidsterreinen en resultaatgebieden", style: "h2" },
    ...(agenda.length ? agenda : [{ text: "Nog geen beleidsterreinen", style: "muted" }]),
  ]);
  return { plan, pdf };
}
