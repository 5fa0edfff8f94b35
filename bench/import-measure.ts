import { setTimeout as sleep } from "node:timers/promises";
import { rssMb } from "./rss.js";

/** The import at national scale: 20,000 organisations, every 50th row bad (2 %). */
export const IMPORT_ROWS = 20_000;

function practicesCsv() {
  const lines = ["Naam;Soort;Straat;Huisnummer;Postcode;Plaats;AGB-code"];
  const kinds = ["Huisartsenpraktijk", "Apotheek", "Fysiotherapie", "Diëtetiek", "Verloskunde"];
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const postcode =
      i % 50 === 49
        ? "0000 AA"
        : `${2000 + (i % 7000)} ${"ABCEGHKLMN"[i % 10]}${"ABCEGHKLMN"[((i / 10) % 10) | 0]}`;
    lines.push(
      `Benchimport ${i};${kinds[i % kinds.length]};Dorpsstraat;${1 + (i % 200)};${postcode};Leiden;09${String(i).padStart(6, "0")}`,
    );
  }
  return Buffer.from(lines.join("\r\n"), "utf8");
}

/**
 * Uploads the file to the running app, follows the run's progress until it is done, and undoes
 * it again (so the dataset stays as it was). Server memory is sampled throughout.
 */
export async function measureImport(port: number, token: string, pid: number) {
  const base = `http://127.0.0.1:${port}/api/v1`;
  const headers = { authorization: `Bearer ${token}` };
  const rssBefore = rssMb(pid);
  let rssPeak = rssBefore;
  const form = new FormData();
  form.append("file", new Blob([practicesCsv()], { type: "text/csv" }), "bench-praktijken.csv");
  const started = performance.now();
  const response = await fetch(`${base}/imports?mode=valid`, { method: "POST", headers, body: form });
  if (response.status !== 202)
    throw new Error(`import answered ${response.status}: ${await response.text()}`);
  let run = (await response.json()) as {
    id: string;
    status: string;
    processedRows: number;
    importedRows: number;
    errorCount: number;
    version: number;
  };
  const progress: number[] = [];
  while (run.status === "running") {
    await sleep(100);
    rssPeak = Math.max(rssPeak, rssMb(pid));
    run = await (await fetch(`${base}/imports/${run.id}`, { headers })).json();
    if (run.status === "running") progress.push(run.processedRows);
  }
  const seconds = (performance.now() - started) / 1000;
  rssPeak = Math.max(rssPeak, rssMb(pid));
  const undoStarted = performance.now();
  const undo = await fetch(`${base}/imports/${run.id}/undo`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ version: run.version }),
  });
  return {
    rows: IMPORT_ROWS,
    status: run.status,
    importedRows: run.importedRows,
    badRows: run.errorCount,
    seconds: Math.round(seconds * 100) / 100,
    progressReports: progress.length,
    progressSeen: [...new Set(progress)].slice(0, 20),
    rssBeforeMb: Math.round(rssBefore),
    rssPeakMb: Math.round(rssPeak),
    rssGrowthMb: Math.round(rssPeak - rssBefore),
    undoSeconds: Math.round(((performance.now() - undoStarted) / 1000) * 100) / 100,
    undoStatus: undo.status,
  };
}
