import { describe, expect, it } from "vitest";
import { markdownToPdf } from "./pdf.js";

describe("Markdown in a PDF (minutes, a plan's vision)", () => {
  it("keeps headings, lists and emphasis, and leaves out HTML, images and link targets", () => {
    const content = markdownToPdf(
      [
        "## Besluiten",
        "De raad besluit **unaniem**, zie [het voorstel](javascript:alert(1)).",
        "- eerste punt",
        "- tweede punt",
        "<script>alert('x')</script>",
        '<img src="x" onerror="alert(1)">',
        "![plaatje](https://example.org/track.png)",
      ].join("\n\n"),
    );
    expect(content[0]).toEqual({ text: [{ text: "Besluiten" }], style: "h2" });
    expect(content[1]).toMatchObject({
      text: [
        { text: "De raad besluit " },
        { text: "unaniem", bold: true },
        { text: ", zie " },
        { text: "het voorstel" },
        { text: "." },
      ],
    });
    expect(content[2]).toMatchObject({
      ul: [{ stack: [{ text: [{ text: "eerste punt" }] }] }, expect.anything()],
    });
    const all = JSON.stringify(content);
    for (const unsafe of ["script", "javascript", "onerror", "example.org"])
      expect(all).not.toContain(unsafe);
  });
});
