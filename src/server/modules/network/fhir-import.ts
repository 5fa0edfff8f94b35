import type { Table } from "../../platform/tabular.js";
import { SYSTEMS } from "./fhir-service.js";

/**
 * A FHIR Bundle's Organization entries as a table the organisation import reads: one column per
 * FHIR element, so an error names the element ("Organization.address.postalCode") and the entry
 * number. Entries of other types are left out; the same checks, duplicates, modes and undo apply
 * as for a spreadsheet.
 */
const COLUMNS = {
  name: "Organization.name",
  kind: "Organization.type",
  visitStreet: "Organization.address.line",
  visitPostcode: "Organization.address.postalCode",
  visitCity: "Organization.address.city",
  phone: "Organization.telecom(phone)",
  email: "Organization.telecom(email)",
  website: "Organization.telecom(url)",
  agbCode: "Organization.identifier(agb-z)",
  kvkNumber: "Organization.identifier(kvk)",
  parent: "Organization.partOf",
} as const;

/** The mapping the import uses for a Bundle: every field from its FHIR column. */
export const BUNDLE_MAPPING: Record<string, string> = { ...COLUMNS };

type Json = Record<string, unknown>;
const list = (v: unknown) => (Array.isArray(v) ? (v as Json[]) : []);
const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");

export function bundleToTable(bundle: { entry?: { resource?: Json }[] }): Table {
  const headers = Object.values(COLUMNS);
  const rows = (bundle.entry ?? []).flatMap((entry, i) => {
    const r = entry.resource;
    if (r?.resourceType !== "Organization") return [];
    const address = list(r.address)[0] ?? {};
    const telecom = (system: string) => text(list(r.telecom).find((t) => t.system === system)?.value);
    const identifier = (system: string) => text(list(r.identifier).find((x) => x.system === system)?.value);
    const coding = list(list(r.type)[0]?.coding)[0] ?? {};
    const values: Record<keyof typeof COLUMNS, string> = {
      name: text(r.name),
      kind: text(coding.code) || text(coding.display) || text(list(r.type)[0]?.text),
      visitStreet: list(address.line).map(text).join(" "),
      visitPostcode: text(address.postalCode),
      visitCity: text(address.city),
      phone: telecom("phone"),
      email: telecom("email"),
      website: telecom("url"),
      agbCode: identifier(SYSTEMS.agb),
      kvkNumber: identifier(SYSTEMS.kvk),
      parent: text((r.partOf as Json | undefined)?.reference),
    };
    // The entry number (1-based), where a spreadsheet would give its row.
    return [
      {
        line: i + 1,
        cells: Object.keys(COLUMNS).map((k) => values[k as keyof typeof COLUMNS]),
        formulas: [],
      },
    ];
  });
  return { format: "csv", encoding: null, delimiter: null, headers, rows };
}
