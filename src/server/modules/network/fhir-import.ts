import type { Table } from "../../platform/tabular.js";
import { SYSTEMS } from "./fhir-service.js";
import type { ImportKind } from "./importer.js";

/**
 * A FHIR Bundle's entries of one resource type as a table the spreadsheet import reads: one column
 * per FHIR element, so an error names the element ("Organization.address.postalCode") and the
 * entry number. Entries of other types are left out; the same checks, duplicates, modes and undo
 * apply as for a spreadsheet. A Bundle with organisations, practitioners and their roles is sent
 * once per type, in that order, as a ledenlijst is read once per kind.
 */
type Json = Record<string, unknown>;
const list = (v: unknown) => (Array.isArray(v) ? (v as Json[]) : []);
const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");
const telecom = (r: Json, system: string) => text(list(r.telecom).find((t) => t.system === system)?.value);
const identifier = (r: Json, system: string) =>
  text(list(r.identifier).find((x) => x.system === system)?.value);
/**
 * A Reference: its logical identifier's value (a BIG, AGB or KvK number means the same everywhere,
 * also in another region), or else `Type/<id>` as given.
 */
const reference = (v: unknown) => {
  const ref = (v ?? {}) as Json;
  return text((ref.identifier as Json | undefined)?.value) || text(ref.reference);
};
/** The first coding's code or display, or the concept's text. */
const concept = (v: unknown) => {
  const c = (v ?? {}) as Json;
  const coding = list(c.coding)[0] ?? {};
  return text(coding.code) || text(coding.display) || text(c.text);
};

/** Dutch family names carry their tussenvoegsel in FHIR's `family` ("de Vries"): split it off. */
const PREFIXES = [
  "van der",
  "van den",
  "van de",
  "van het",
  "in 't",
  "van 't",
  "van",
  "de",
  "den",
  "der",
  "ter",
  "ten",
  "te",
  "'t",
];
function splitFamily(family: string): [string, string] {
  const lower = family.toLowerCase();
  const prefix = PREFIXES.find((p) => lower.startsWith(`${p} `));
  return prefix ? [family.slice(0, prefix.length), family.slice(prefix.length + 1).trim()] : ["", family];
}

interface BundleReader {
  kind: ImportKind;
  /** Field key → the column (FHIR element) it is read from. */
  columns: Record<string, string>;
  read(resource: Json): Record<string, string>;
}

export const BUNDLE_READERS = {
  Organization: {
    kind: "organisations",
    columns: {
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
    },
    read: (r) => {
      const address = list(r.address)[0] ?? {};
      return {
        name: text(r.name),
        kind: concept(list(r.type)[0]),
        visitStreet: list(address.line).map(text).join(" "),
        visitPostcode: text(address.postalCode),
        visitCity: text(address.city),
        phone: telecom(r, "phone"),
        email: telecom(r, "email"),
        website: telecom(r, "url"),
        agbCode: identifier(r, SYSTEMS.agb),
        kvkNumber: identifier(r, SYSTEMS.kvk),
        parent: reference(r.partOf),
      };
    },
  },
  Practitioner: {
    kind: "persons",
    columns: {
      givenName: "Practitioner.name.given",
      namePrefix: "Practitioner.name.family(voorvoegsel)",
      familyName: "Practitioner.name.family",
      disciplines: "Practitioner.qualification.code",
      bigNumber: "Practitioner.identifier(big)",
      agbCode: "Practitioner.identifier(agb-z)",
      email: "Practitioner.telecom(email)",
      phone: "Practitioner.telecom(phone)",
    },
    read: (r) => {
      const names = list(r.name);
      const name = names.find((n) => n.use === "official") ?? names[0] ?? {};
      const [namePrefix, familyName] = splitFamily(text(name.family));
      return {
        givenName: list(name.given).map(text).join(" "),
        namePrefix,
        familyName,
        disciplines: list(r.qualification)
          .map((q) => concept(q.code))
          .filter(Boolean)
          .join(", "),
        bigNumber: identifier(r, SYSTEMS.big),
        agbCode: identifier(r, SYSTEMS.agb),
        email: telecom(r, "email"),
        phone: telecom(r, "phone"),
      };
    },
  },
  PractitionerRole: {
    kind: "workRelations",
    columns: {
      person: "PractitionerRole.practitioner",
      organisation: "PractitionerRole.organization",
      function: "PractitionerRole.code",
      fromDate: "PractitionerRole.period.start",
      toDate: "PractitionerRole.period.end",
    },
    read: (r) => {
      const period = (r.period ?? {}) as Json;
      return {
        person: reference(r.practitioner),
        organisation: reference(r.organization),
        function: concept(list(r.code)[0]),
        fromDate: text(period.start).slice(0, 10),
        toDate: text(period.end).slice(0, 10),
      };
    },
  },
} as const satisfies Record<string, BundleReader>;
export type BundleResource = keyof typeof BUNDLE_READERS;

export function bundleToTable(
  bundle: { entry?: { resource?: Json }[] },
  resourceType: BundleResource,
): Table {
  const reader: BundleReader = BUNDLE_READERS[resourceType];
  const keys = Object.keys(reader.columns);
  const rows = (bundle.entry ?? []).flatMap((entry, i) => {
    const r = entry.resource;
    if (r?.resourceType !== resourceType) return [];
    const values = reader.read(r);
    // The entry number (1-based), where a spreadsheet would give its row.
    return [{ line: i + 1, cells: keys.map((k) => values[k] ?? ""), formulas: [] }];
  });
  return { format: "csv", encoding: null, delimiter: null, headers: Object.values(reader.columns), rows };
}
