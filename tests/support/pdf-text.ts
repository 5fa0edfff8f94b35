import { inflateSync } from "node:zlib";

/**
 * The text lines a PDF made by Regiotafel (pdfmake, possibly bound with pdf-lib) shows: its
 * compressed content streams inflated and the strings of their TJ operators decoded. Enough to
 * check what a generated PDF says; not a general PDF reader.
 */
export function pdfText(pdf: Buffer): string {
  // The standard fonts are WinAnsi-encoded; pdfmake shows a line word by word.
  const winAnsi = new TextDecoder("windows-1252");
  let text = "";
  for (const stream of pdf.toString("latin1").matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(stream[1]!, "latin1")).toString("latin1");
    } catch {
      continue; // not a Flate stream (an image, a font)
    }
    for (const shown of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const word = [...shown[1]!.matchAll(/<([0-9a-fA-F]*)>/g)]
        .map((hex) => winAnsi.decode(Buffer.from(hex[1]!, "hex")))
        .join("");
      text += text === "" || text.endsWith(" ") ? word : `\n${word}`;
    }
  }
  return text;
}
