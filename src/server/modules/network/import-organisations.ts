import { and, eq, inArray, or } from "drizzle-orm";
import { CBS_CODE, normaliseAgb, normaliseKvk, normalisePostcode } from "../../../shared/identifiers.js";
import { ORGANISATION_KINDS, type OrganisationKind } from "../../../shared/network.js";
import type { Ctx } from "../../platform/context.js";
import type { MessageKey } from "../../platform/i18n.js";
import { getRegion } from "../regions/service.js";
import { presentOrganisation } from "./organisations-service.js";
import { memberships, organisations, workRelations } from "./schema.js";

/** A column the import understands, with the headers people give it (case and spaces ignored). */
export interface ImportField {
  key: string;
  label: string;
  headers: string[];
  required?: boolean;
}

export const ORGANISATION_FIELDS: ImportField[] = [
  {
    key: "name",
    label: "Naam",
    headers: ["naam", "organisatie", "organisatienaam", "praktijknaam", "name"],
    required: true,
  },
  { key: "kind", label: "Soort", headers: ["soort", "type", "soort organisatie", "kind"], required: true },
  { key: "visitStreet", label: "Straat", headers: ["straat", "adres", "bezoekadres", "street"] },
  { key: "visitHouseNumber", label: "Huisnummer", headers: ["huisnummer", "nr", "nummer", "housenumber"] },
  { key: "visitPostcode", label: "Postcode", headers: ["postcode", "zip", "postal code"] },
  { key: "visitCity", label: "Plaats", headers: ["plaats", "woonplaats", "vestigingsplaats", "city"] },
  { key: "phone", label: "Telefoon", headers: ["telefoon", "telefoonnummer", "tel", "phone"] },
  { key: "email", label: "E-mail", headers: ["e-mail", "email", "e-mailadres", "emailadres"] },
  { key: "website", label: "Website", headers: ["website", "url", "internet"] },
  { key: "agbCode", label: "AGB-code", headers: ["agb", "agb-code", "agbcode", "agb code"] },
  { key: "kvkNumber", label: "KvK-nummer", headers: ["kvk", "kvk-nummer", "kvknummer", "kvk nummer"] },
  { key: "municipality", label: "Gemeente", headers: ["gemeente", "gemeentecode", "municipality"] },
  {
    key: "parent",
    label: "Valt onder",
    headers: ["valt onder", "wsv", "bovenliggende organisatie", "parent"],
  },
];

/** What people write in a "soort" column, lower-cased, for each kind (the codes work too). */
const KIND_WORDS: Record<string, OrganisationKind> = {
  huisartsenpraktijk: "general_practice",
  huisartspraktijk: "general_practice",
  huisarts: "general_practice",
  gezondheidscentrum: "health_centre",
  apotheek: "pharmacy",
  fysiotherapie: "physiotherapy",
  fysio: "physiotherapy",
  oefentherapie: "exercise_therapy",
  diëtetiek: "dietetics",
  dietetiek: "dietetics",
  diëtist: "dietetics",
  dietist: "dietetics",
  ergotherapie: "occupational_therapy",
  logopedie: "speech_therapy",
  verloskunde: "midwifery",
  verloskundigenpraktijk: "midwifery",
  ggz: "mental_health",
  eerstelijnspsycholoog: "mental_health",
  wijkverpleging: "district_nursing",
  thuiszorg: "district_nursing",
  vvt: "elderly_care",
  ouderenzorg: "elderly_care",
  ziekenhuis: "hospital",
  huisartsenpost: "gp_out_of_hours",
  gemeente: "municipality",
  zorgverzekeraar: "health_insurer",
  welzijn: "social_domain",
  "sociaal domein": "social_domain",
  wsv: "neighbourhood_network",
  wijksamenwerkingsverband: "neighbourhood_network",
  zorggroep: "care_group",
  vereniging: "professional_association",
  coöperatie: "cooperative",
  cooperatie: "cooperative",
  overig: "other",
  ...Object.fromEntries(ORGANISATION_KINDS.map((k) => [k, k])),
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
type Values = Record<string, string>;
export type OrganisationRow = ReturnType<typeof toInsert>;
type Check = { ok: true; row: OrganisationRow } | { ok: false; field: string; key: MessageKey };

const toInsert = (
  v: Values,
  kind: OrganisationKind,
  refs: { municipalityCode: string | null; parentId: string | null },
) => ({
  name: v.name!,
  kind,
  visitStreet: v.visitStreet || null,
  visitHouseNumber: v.visitHouseNumber || null,
  visitPostcode: v.visitPostcode ? normalisePostcode(v.visitPostcode) : null,
  visitCity: v.visitCity || null,
  phone: v.phone || null,
  email: v.email || null,
  website: v.website || null,
  agbCode: v.agbCode ? normaliseAgb(v.agbCode) : null,
  kvkNumber: v.kvkNumber ? normaliseKvk(v.kvkNumber) : null,
  municipalityCode: refs.municipalityCode,
  parentId: refs.parentId,
});

/**
 * What the import needs from the region once, not per row: its gemeenten (by code and name) and
 * its organisations (to find a parent by name or AGB, and duplicates by AGB, KvK or name and
 * postcode). One query each.
 */
export async function organisationLookups(ctx: Ctx) {
  const region = await getRegion(ctx);
  const municipalities = new Map<string, string>();
  for (const m of region.municipalities) {
    municipalities.set(m.cbsCode.toLowerCase(), m.cbsCode);
    municipalities.set(m.name.toLowerCase(), m.cbsCode);
  }
  const existing = await ctx.tx
    .select({
      id: organisations.id,
      name: organisations.name,
      agbCode: organisations.agbCode,
      kvkNumber: organisations.kvkNumber,
      visitPostcode: organisations.visitPostcode,
    })
    .from(organisations)
    .where(eq(organisations.regionId, ctx.actor.regionId));
  const byName = new Map<string, string>();
  const byAgb = new Map<string, string>();
  for (const o of existing) {
    byName.set(o.name.toLowerCase(), o.id);
    if (o.agbCode) byAgb.set(o.agbCode, o.id);
  }
  const keys = new Map<string, string>();
  for (const o of existing) for (const key of duplicateKeys(o)) keys.set(key, o.name);
  return { municipalities, byName, byAgb, keys, ids: new Set(existing.map((o) => o.id)) };
}
export type OrganisationLookups = Awaited<ReturnType<typeof organisationLookups>>;

/** The keys under which two organisations are the same: AGB, KvK, or name with postcode. */
export function duplicateKeys(o: {
  name: string;
  agbCode: string | null;
  kvkNumber: string | null;
  visitPostcode: string | null;
}) {
  const keys: string[] = [];
  if (o.agbCode) keys.push(`agb:${o.agbCode}`);
  if (o.kvkNumber) keys.push(`kvk:${o.kvkNumber}`);
  if (o.visitPostcode) keys.push(`np:${o.name.toLowerCase().trim()}|${o.visitPostcode}`);
  return keys;
}

/** Checks one row; the first problem found names its field. */
export function checkOrganisation(v: Values, lookups: OrganisationLookups): Check {
  const fail = (field: string, key: MessageKey): Check => ({ ok: false, field, key });
  if (!v.name) return fail("name", "import.required");
  if (v.name.length > 200) return fail("name", "import.tooLong");
  const kind = KIND_WORDS[(v.kind ?? "").toLowerCase()];
  if (!kind) return fail("kind", "import.kind");
  if (v.visitPostcode && !normalisePostcode(v.visitPostcode)) return fail("visitPostcode", "field.postcode");
  if (v.agbCode && !normaliseAgb(v.agbCode)) return fail("agbCode", "field.agb");
  if (v.kvkNumber && !normaliseKvk(v.kvkNumber)) return fail("kvkNumber", "field.kvk");
  if (v.email && !EMAIL.test(v.email)) return fail("email", "import.email");
  if (v.website && !/^https?:\/\/\S+$/i.test(v.website)) return fail("website", "import.website");
  for (const key of ["visitStreet", "visitHouseNumber", "visitCity", "phone", "email", "website"])
    if ((v[key] ?? "").length > 200) return fail(key, "import.tooLong");
  let municipalityCode: string | null = null;
  if (v.municipality) {
    municipalityCode = lookups.municipalities.get(v.municipality.toLowerCase()) ?? null;
    if (!municipalityCode)
      return fail(
        "municipality",
        CBS_CODE.gemeente.test(v.municipality.toUpperCase())
          ? "import.outsideWerkgebied"
          : "import.municipality",
      );
  }
  let parentId: string | null = null;
  if (v.parent) {
    // A name, an AGB code, or (from a FHIR Bundle) a reference `Organization/<id>`.
    const reference = /^Organization\/([0-9a-f-]{36})$/.exec(v.parent)?.[1];
    parentId =
      (reference && lookups.ids.has(reference) ? reference : null) ??
      lookups.byAgb.get(normaliseAgb(v.parent) ?? "") ??
      lookups.byName.get(v.parent.toLowerCase()) ??
      null;
    if (!parentId) return fail("parent", "import.parentUnknown");
  }
  return { ok: true, row: toInsert(v, kind, { municipalityCode, parentId }) };
}

/** Inserts checked rows, a thousand per statement; returns what was created, for audit and undo. */
export async function insertOrganisations(ctx: Ctx, rows: OrganisationRow[]) {
  const created = await ctx.tx
    .insert(organisations)
    .values(rows.map((r) => ({ ...r, regionId: ctx.actor.regionId })))
    .returning();
  return created.map((o) => ({ id: o.id, after: presentOrganisation(o) }));
}

/**
 * Which of `ids` something else now depends on (a part, a merge, people working there, a
 * membership), so that undoing the import would break it.
 */
export async function organisationsInUse(ctx: Ctx, ids: string[]) {
  const region = ctx.actor.regionId;
  const used = new Set<string>();
  const all = new Set(ids);
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const inChunk = new Set(chunk);
    const parts = await ctx.tx
      .select({
        parentId: organisations.parentId,
        mergedIntoId: organisations.mergedIntoId,
        id: organisations.id,
      })
      .from(organisations)
      .where(
        and(
          eq(organisations.regionId, region),
          or(inArray(organisations.parentId, chunk), inArray(organisations.mergedIntoId, chunk)),
        ),
      );
    // A part that came in with the same run goes with it.
    for (const p of parts)
      if (!all.has(p.id))
        for (const ref of [p.parentId, p.mergedIntoId]) if (ref && inChunk.has(ref)) used.add(ref);
    const staff = await ctx.tx
      .selectDistinct({ id: workRelations.organisationId })
      .from(workRelations)
      .where(and(eq(workRelations.regionId, region), inArray(workRelations.organisationId, chunk)));
    const members = await ctx.tx
      .select({ a: memberships.organisationId, b: memberships.memberOrganisationId })
      .from(memberships)
      .where(
        and(
          eq(memberships.regionId, region),
          or(inArray(memberships.organisationId, chunk), inArray(memberships.memberOrganisationId, chunk)),
        ),
      );
    for (const s of staff) used.add(s.id);
    for (const m of members) for (const ref of [m.a, m.b]) if (ref && inChunk.has(ref)) used.add(ref);
  }
  return used;
}
