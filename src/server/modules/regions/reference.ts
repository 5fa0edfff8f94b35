import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { fromRoot } from "../../platform/paths.js";

export interface Municipality {
  cbsCode: string;
  name: string;
  inhabitants: number;
}

/**
 * Gemeenten with CBS code and (approximate, 2024) inhabitants that a region can choose as its
 * werkgebied. For now the 13 of Holland Rijnland; the Netwerk module brings the CBS import.
 */
export const MUNICIPALITIES: readonly Municipality[] = Papa.parse<Record<string, string>>(
  readFileSync(fromRoot("src/server/modules/regions/gemeenten.csv"), "utf8"),
  { header: true, delimiter: ";", skipEmptyLines: true },
).data.map((r) => ({
  cbsCode: r.gemeentecode!,
  name: r.gemeente!,
  inhabitants: Number(r.inhabitants ?? r.inwoners_circa_2024),
}));
