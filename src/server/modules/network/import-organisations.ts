import { and, eq, inArray, or } from "drizzle-orm";
import { CBS_CODE, normaliseAgb, normaliseKvk, normalisePostcode } from "../../../shared/identifiers.js";
import { ORGANISATION_KINDS, type OrganisationKind } from "../../../shared/network.js";
import type { Ctx } from "../../platform/context.js";
import { getRegion } from "../regions/service.js";
import { organisationIndex } from "./import-references.js";
import {
  type Check,
  type Checker,
  chunks,
  type DuplicateKey,
  defineImporter,
  EMAIL,
  fail,
  type ImportField,
  TEXT_MAX,
  type Values,
  wordMap,
} from "./importer.js";
import { presentOrganisation } from "./organisations-service.js";
import { memberships, organisations, workRelations } from "./schema.js";

const ORGANISATION_FIELDS: ImportField[] = [
  {
    key: "name",
    label: "Naam",
    headers: ["naam", "organisatie", "organisatienaam", "praktijknaam", "name"],
    required: true,
    example: "Huisartsenpraktijk De Duinen",
  },
  {
    key: "kind",
    label: "Soort",
    headers: ["soort", "type", "soort organisatie", "kind"],
    required: true,
    example: "Huisartsenpraktijk",
  },
  {
    key: "visitStreet",
    label: "Straat",
    headers: ["straat", "adres", "bezoekadres", "street"],
    example: "Zeeweg",
  },
  {
    key: "visitHouseNumber",
    label: "Huisnummer",
    headers: ["huisnummer", "nr", "nummer", "housenumber"],
    example: "12",
  },
  {
    key: "visitPostcode",
    label: "Postcode",
    headers: ["postcode", "zip", "postal code"],
    example: "2224 AB",
  },
  {
    key: "visitCity",
    label: "Plaats",
    headers: ["plaats", "woonplaats", "vestigingsplaats", "city"],
    example: "Katwijk",
  },
  {
    key: "phone",
    label: "Telefoon",
    headers: ["telefoon", "telefoonnummer", "tel", "phone"],
    example: "071 401 2345",
  },
  {
    key: "email",
    label: "E-mail",
    headers: ["e-mail", "email", "e-mailadres", "emailadres"],
    example: "info@deduinen.nl",
  },
  {
    key: "website",
    label: "Website",
    headers: ["website", "url", "internet"],
    example: "https://www.deduinen.nl",
  },
  {
    key: "agbCode",
    label: "AGB-code",
    headers: ["agb", "agb-code", "agbcode", "agb code"],
    example: "01012345",
  },
  {
    key: "kvkNumber",
    label: "KvK-nummer",
    headers: ["kvk", "kvk-nummer", "kvknummer", "kvk nummer"],
    example: "12345678",
  },
  {
    key: "municipality",
    label: "Gemeente",
    headers: ["gemeente", "gemeentecode", "municipality"],
    example: "Katwijk",
  },
  {
    key: "parent",
    label: "Valt onder",
    headers: ["valt onder", "wsv", "bovenliggende organisatie", "parent"],
    example: "WSV Katwijk",
  },
];

/** What people write in a "soort" column, lower-cased, for each kind (the codes work too). */
const KIND_WORDS = wordMap(ORGANISATION_KINDS, {
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
});

type OrganisationRow = ReturnType<typeof toInsert>;

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

/** The keys under which two organisations are the same: AGB, KvK, or name with postcode. */
export function duplicateKeys(o: {
  name: string;
  agbCode: string | null;
  kvkNumber: string | null;
  visitPostcode: string | null;
}): DuplicateKey[] {
  const keys: DuplicateKey[] = [];
  if (o.agbCode) keys.push({ key: `agb:${o.agbCode}`, field: "agbCode" });
  if (o.kvkNumber) keys.push({ key: `kvk:${o.kvkNumber}`, field: "kvkNumber" });
  if (o.visitPostcode)
    keys.push({ key: `np:${o.name.toLowerCase().trim()}|${o.visitPostcode}`, field: "name" });
  return keys;
}

/**
 * Checks organisation rows against the region: its gemeenten (by code or name) and its
 * organisations (a parent by name, AGB code or reference; duplicates by AGB, KvK or name and
 * postcode), each loaded once.
 */
async function prepare(ctx: Ctx): Promise<Checker<OrganisationRow>> {
  const region = await getRegion(ctx);
  const municipalities = new Map<string, string>();
  for (const m of region.municipalities) {
    municipalities.set(m.cbsCode.toLowerCase(), m.cbsCode);
    municipalities.set(m.name.toLowerCase(), m.cbsCode);
  }
  const index = await organisationIndex(ctx);
  const existing = new Map<string, string>();
  for (const o of index.all) for (const { key } of duplicateKeys(o)) existing.set(key, o.name);

  function check(v: Values): Check<OrganisationRow> {
    if (!v.name) return fail("name", "import.required");
    const kind = KIND_WORDS.get((v.kind ?? "").toLowerCase());
    if (!kind) return fail("kind", "import.kind");
    if (v.visitPostcode && !normalisePostcode(v.visitPostcode))
      return fail("visitPostcode", "field.postcode");
    if (v.agbCode && !normaliseAgb(v.agbCode)) return fail("agbCode", "field.agb");
    if (v.kvkNumber && !normaliseKvk(v.kvkNumber)) return fail("kvkNumber", "field.kvk");
    if (v.email && !EMAIL.test(v.email)) return fail("email", "import.email");
    if (v.website && !/^https?:\/\/\S+$/i.test(v.website)) return fail("website", "import.website");
    for (const key of ["name", "visitStreet", "visitHouseNumber", "visitCity", "phone", "email", "website"])
      if ((v[key] ?? "").length > TEXT_MAX) return fail(key, "import.tooLong");
    let municipalityCode: string | null = null;
    if (v.municipality) {
      municipalityCode = municipalities.get(v.municipality.toLowerCase()) ?? null;
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
      const parent = index.find(v.parent);
      if (!parent.ok)
        return fail(
          "parent",
          parent.key === "import.organisationUnknown" ? "import.parentUnknown" : parent.key,
        );
      parentId = parent.value.id;
    }
    return { ok: true, row: toInsert(v, kind, { municipalityCode, parentId }) };
  }
  return { check, existing };
}

async function insertOrganisations(ctx: Ctx, rows: OrganisationRow[]) {
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
async function organisationsInUse(ctx: Ctx, ids: string[]) {
  const region = ctx.actor.regionId;
  const used = new Set<string>();
  const all = new Set(ids);
  for (const chunk of chunks(ids)) {
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

async function removeOrganisations(ctx: Ctx, ids: string[]) {
  const mine = (chunk: string[]) =>
    and(eq(organisations.regionId, ctx.actor.regionId), inArray(organisations.id, chunk));
  // Parts first: an organisation of the run may hang under another of the same run.
  for (const chunk of chunks(ids))
    await ctx.tx.update(organisations).set({ parentId: null }).where(mine(chunk));
  for (const chunk of chunks(ids)) await ctx.tx.delete(organisations).where(mine(chunk));
}

export const organisationImporter = defineImporter({
  kind: "organisations",
  entityType: "organisation",
  fields: ORGANISATION_FIELDS,
  prepare,
  duplicateKeys,
  insert: insertOrganisations,
  inUse: { find: organisationsInUse, key: "field.importInUse.organisations" },
  remove: removeOrganisations,
});
