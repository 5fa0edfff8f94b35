import type { PDFDocument } from "pdf-lib";
import type { Ctx } from "../../platform/context.js";
import type { FileStore } from "../../platform/files.js";
import { pdfLib } from "../../platform/lazy.js";
import { markdownToPdf, type PdfContent, renderPdf } from "../../platform/pdf.js";
import { listActionItems, listDecisions } from "./decisions-service.js";
import { type DocumentDto, latestFiles, listDocuments } from "./documents-service.js";
import { getMeeting, type MeetingDetail } from "./meetings-service.js";
import {
  ACTION_STATUS_WORDS,
  AGENDA_KIND_WORDS,
  ATTENDANCE_WORDS,
  capitalised,
  dutchDateTime,
  dutchDay,
  SEAT_ROLE_WORDS,
} from "./words.js";

function heading(meeting: MeetingDetail, subtitle: string): PdfContent[] {
  const place = [meeting.location, meeting.onlineUrl].filter(Boolean).join(" · ");
  return [
    { text: `${meeting.bodyName}: ${meeting.title}`, style: "title" },
    { text: subtitle, style: "muted" },
    {
      text: `${dutchDateTime(meeting.startsAt)}${place ? ` · ${place}` : ""}`,
      margin: [0, 0, 0, 8],
    },
  ];
}

const agendaLines = (
  meeting: MeetingDetail,
  documentsOn: (itemId: string) => string[] = () => [],
): PdfContent[] =>
  meeting.agenda.length
    ? meeting.agenda.map((item) => ({
        stack: [
          { text: `${item.number}. ${item.title ?? "Vertrouwelijk agendapunt"}`, bold: true },
          {
            text: [
              capitalised(AGENDA_KIND_WORDS[item.kind]),
              item.presenterName ? `inleider: ${item.presenterName}` : null,
              item.minutesAllotted ? `${item.minutesAllotted} min` : null,
              item.confidential ? "vertrouwelijk" : null,
            ]
              .filter(Boolean)
              .join(" · "),
            style: "muted",
          },
          ...(item.description ? [{ text: item.description }] : []),
          ...documentsOn(item.id).map((line) => ({ text: line, italics: true })),
        ],
        margin: [0, 0, 0, 6],
      }))
    : [{ text: "Nog geen agendapunten", style: "muted" }];

/** A PDF with pages that can be read, or null: a damaged or encrypted one is listed, not bound in. */
async function readablePdf(data: Buffer) {
  try {
    const pdf = await (await pdfLib()).PDFDocument.load(data);
    return pdf.getPageCount() > 0 ? pdf : null;
  } catch {
    return null;
  }
}

/**
 * The meeting's documents the caller may see (without the restricted ones when `confidential` is
 * false), and the PDFs among them that can be bound in.
 */
async function documentsOf(ctx: Ctx, store: FileStore, meetingId: string, confidential: boolean) {
  const { items: all } = await listDocuments(ctx, { meetingId, limit: 500 });
  const items = confidential ? all : all.filter((d) => !d.restricted);
  const pdfs = await latestFiles(
    ctx,
    store,
    items.filter((d) => d.latestVersion > 0 && d.contentType === "application/pdf").map((d) => d.id),
  );
  const bound = new Map<string, PDFDocument>();
  for (const [id, data] of pdfs) {
    const pdf = await readablePdf(data);
    if (pdf) bound.set(id, pdf);
  }
  return { items: items.filter((d) => d.latestVersion > 0).reverse(), bound };
}

/**
 * The meeting as someone outside the body sees it when `keep` is false: a confidential item keeps
 * its place and kind, not its title, description or presenter. For what leaves Regiotafel by mail.
 */
function withoutConfidential(meeting: MeetingDetail, keep: boolean): MeetingDetail {
  if (keep) return meeting;
  return {
    ...meeting,
    agenda: meeting.agenda.map((item) =>
      item.confidential ? { ...item, title: null, description: null, presenterName: null } : item,
    ),
  };
}

/**
 * The agenda and its documents as one PDF for the members: time and place, every item with what
 * it is for, the presenter, the time and its documents, and who sits in the body; then every PDF
 * document in agenda order (others are named, to download in Regiotafel). A confidential item,
 * and documents the caller may not see, show as they do on screen; with `confidential: false`
 * (the bundle mailed with the agenda) confidential items and documents stay in Regiotafel for all.
 */
export async function agendaPdf(
  ctx: Ctx,
  meetingOrId: string | MeetingDetail,
  store: FileStore,
  { confidential = true } = {},
) {
  // A caller that already read the meeting (sending it) passes it instead of its id.
  const meeting = withoutConfidential(
    typeof meetingOrId === "string" ? await getMeeting(ctx, meetingOrId) : meetingOrId,
    confidential,
  );
  const members = meeting.members.map(
    (m) => `${m.name} (${m.roles.map((r) => SEAT_ROLE_WORDS[r]).join(", ")})`,
  );
  const docs = await documentsOf(ctx, store, meeting.id, confidential);
  const order = new Map(meeting.agenda.map((item, i) => [item.id, i]));
  docs.items.sort(
    (a, b) => (order.get(a.agendaItemId ?? "") ?? -1) - (order.get(b.agendaItemId ?? "") ?? -1),
  );
  const docLine = (d: DocumentDto) =>
    `Stuk: ${d.title} (versie ${d.latestVersion}${docs.bound.has(d.id) ? ", bijgevoegd" : ", apart te downloaden in Regiotafel"})`;
  const general = docs.items.filter((d) => !d.agendaItemId);
  const agenda = await renderPdf(`Agenda ${meeting.bodyName} ${meeting.day}`, [
    ...heading(meeting, meeting.cancelled ? "Agenda · AFGELAST" : "Agenda"),
    { text: "Agenda", style: "h2" },
    ...agendaLines(meeting, (itemId) => docs.items.filter((d) => d.agendaItemId === itemId).map(docLine)),
    ...(general.length
      ? [{ text: "Stukken bij de vergadering", style: "h2" }, { ul: general.map(docLine) }]
      : []),
    { text: "Leden", style: "h2" },
    members.length ? { ul: members } : { text: "Geen leden op deze datum", style: "muted" },
  ]);
  if (docs.bound.size === 0) return { meeting, pdf: agenda };
  const bundle = await (await pdfLib()).PDFDocument.load(agenda);
  for (const d of docs.items) {
    const source = docs.bound.get(d.id);
    if (!source) continue;
    for (const page of await bundle.copyPages(source, source.getPageIndices())) bundle.addPage(page);
  }
  return { meeting, pdf: Buffer.from(await bundle.save()) };
}

/**
 * The minutes as a PDF for the archive: who was there, the minutes, the decisions with their
 * numbers and the action items, and whether (and when) they were approved.
 */
export async function minutesPdf(ctx: Ctx, id: string) {
  const meeting = await getMeeting(ctx, id);
  const decisions = (await listDecisions(ctx, { meetingId: id, limit: 200 })).items.reverse();
  const actions = (await listActionItems(ctx, { meetingId: id, limit: 200 })).items;
  const byStatus = (status: keyof typeof ATTENDANCE_WORDS) =>
    meeting.members.filter((m) => m.attendance === status).map((m) => m.name);
  const approval = meeting.minutesApprovedIn
    ? `Vastgesteld in de vergadering van ${dutchDay(meeting.minutesApprovedIn.startsAt.slice(0, 10))}`
    : "Concept: nog niet vastgesteld";
  return {
    meeting,
    pdf: await renderPdf(`Notulen ${meeting.bodyName} ${meeting.day}`, [
      ...heading(meeting, `Notulen · ${approval}`),
      { text: "Aanwezigheid", style: "h2" },
      ...(["present", "excused", "absent"] as const).map((s) => ({
        text: [{ text: `${ATTENDANCE_WORDS[s]}: `, bold: true }, byStatus(s).join(", ") || "—"],
      })),
      {
        text:
          meeting.quorum.required === null
            ? "Dit orgaan heeft geen quorumregel."
            : `Quorum ${meeting.quorum.reached ? "gehaald" : "niet gehaald"}: ${meeting.quorum.present} van ${meeting.quorum.members} stemgerechtigde leden aanwezig (nodig: ${meeting.quorum.required}).`,
        margin: [0, 4, 0, 0],
      },
      { text: "Verslag", style: "h2" },
      ...(meeting.minutes ? markdownToPdf(meeting.minutes) : [{ text: "Nog geen notulen", style: "muted" }]),
      { text: "Besluiten", style: "h2" },
      decisions.length
        ? {
            table: {
              widths: [80, "*"],
              body: [
                [
                  { text: "Nummer", style: "tableHeader" },
                  { text: "Besluit", style: "tableHeader" },
                ],
                ...decisions.map((d) => [d.number, d.text]),
              ],
            },
            layout: "lightHorizontalLines",
          }
        : { text: "Geen besluiten", style: "muted" },
      { text: "Actiepunten", style: "h2" },
      actions.length
        ? {
            table: {
              widths: ["*", 110, 70, 55],
              body: [
                ["Wat", "Wie", "Klaar op", "Status"].map((text) => ({ text, style: "tableHeader" })),
                ...actions.map((a) => [
                  a.description,
                  a.ownerName,
                  dutchDay(a.dueDate),
                  ACTION_STATUS_WORDS[a.status],
                ]),
              ],
            },
            layout: "lightHorizontalLines",
          }
        : { text: "Geen actiepunten", style: "muted" },
    ]),
  };
}
