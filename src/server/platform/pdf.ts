import pdfmake from "pdfmake";

/** A pdfmake document part: text, a list, a table, … (pdfmake's own document definition). */
export type PdfContent = Record<string, unknown> | string | PdfContent[];

// PDFs use the PDF standard fonts (no font files to ship) and may read nothing from disk or the
// network: a document is built only from what the caller passes.
const HELVETICA = {
  normal: "Helvetica",
  bold: "Helvetica-Bold",
  italics: "Helvetica-Oblique",
  bolditalics: "Helvetica-BoldOblique",
};
const STANDARD_FONTS = new Set(Object.values(HELVETICA));
pdfmake.setFonts({ Helvetica: HELVETICA });
pdfmake.setUrlAccessPolicy(() => false);
// pdfkit knows the standard fonts by name; pdfmake asks the policy before using them.
pdfmake.setLocalAccessPolicy((path) => STANDARD_FONTS.has(path));

/** Renders an A4 document with a title (also in the PDF's properties) and the house styles. */
export function renderPdf(title: string, content: PdfContent[]): Promise<Buffer> {
  return pdfmake
    .createPdf({
      info: { title, creator: "Regiotafel" },
      pageSize: "A4",
      pageMargins: [50, 50, 50, 60],
      defaultStyle: { font: "Helvetica", fontSize: 10, lineHeight: 1.2 },
      styles: {
        title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
        h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 4] },
        h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 2] },
        muted: { color: "#555555" },
        tableHeader: { bold: true },
      },
      footer: (page: number, pages: number) => ({
        text: `${title} · ${page}/${pages}`,
        alignment: "center",
        fontSize: 8,
        color: "#555555",
      }),
      content,
    })
    .getBuffer();
}
