import type { Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { lazy } from "./lazy.js";

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
const loadPdfmake = lazy(async () => {
  const { default: pdfmake } = await import("pdfmake");
  pdfmake.setFonts({ Helvetica: HELVETICA });
  pdfmake.setUrlAccessPolicy(() => false);
  // pdfkit knows the standard fonts by name; pdfmake asks the policy before using them.
  pdfmake.setLocalAccessPolicy((path) => STANDARD_FONTS.has(path));
  return pdfmake;
});

/** Renders an A4 document with a title (also in the PDF's properties) and the house styles. */
export async function renderPdf(title: string, content: PdfContent[]): Promise<Buffer> {
  return (await loadPdfmake())
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

/** Inline Markdown as pdfmake text runs: bold, italic and the text of links and code; HTML is dropped. */
function inline(nodes: Nodes[], style: { bold?: boolean; italics?: boolean } = {}): PdfContent[] {
  return nodes.flatMap((n): PdfContent[] => {
    switch (n.type) {
      case "text":
        return [{ text: n.value, ...style }];
      case "inlineCode":
        return [{ text: n.value, ...style }];
      case "strong":
        return inline(n.children, { ...style, bold: true });
      case "emphasis":
        return inline(n.children, { ...style, italics: true });
      case "link":
        // The link's text only: a PDF of minutes is read and archived, not clicked through.
        return inline(n.children, style);
      case "break":
        return [{ text: "\n" }];
      default:
        return [];
    }
  });
}

/**
 * Markdown written by users (minutes, a plan's vision) as pdfmake content: headings, paragraphs, lists, quotes and code. Raw HTML,
 * images and anything else that could fetch or run something is left out, as on screen.
 */
export function markdownToPdf(markdown: string): PdfContent[] {
  const block = (n: Nodes): PdfContent[] => {
    switch (n.type) {
      case "root":
        return n.children.flatMap(block);
      case "heading":
        return [{ text: inline(n.children), style: n.depth <= 2 ? "h2" : "h3" }];
      case "paragraph":
        return [{ text: inline(n.children), margin: [0, 0, 0, 6] }];
      case "list":
        return [
          {
            [n.ordered ? "ol" : "ul"]: n.children.map((item) => ({ stack: item.children.flatMap(block) })),
            margin: [0, 0, 0, 6],
          },
        ];
      case "blockquote":
        return [{ stack: n.children.flatMap(block), margin: [12, 0, 0, 6], style: "muted" }];
      case "code":
        return [{ text: n.value, margin: [0, 0, 0, 6] }];
      case "thematicBreak":
        return [{ text: " ", margin: [0, 6, 0, 6] }];
      default:
        return [];
    }
  };
  return block(fromMarkdown(markdown) as Root);
}
