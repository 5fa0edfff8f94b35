import { and, eq, inArray } from "drizzle-orm";
import { normaliseAgb, normaliseBig } from "../../../shared/identifiers.js";
import { DISCIPLINES, type Discipline, PERSON_VISIBILITIES } from "../../../shared/network.js";
import type { Ctx } from "../../platform/context.js";
import { personIndex } from "./import-references.js";
import {
  type Check,
  type Checker,
  chunks,
  type DuplicateKey,
  defineImporter,
  deleteByIds,
  EMAIL,
  fail,
  type ImportField,
  TEXT_MAX,
  type Values,
  wordMap,
} from "./importer.js";
import { fullName, presentPerson } from "./persons-service.js";
import { memberships, persons, workRelations } from "./schema.js";

const FIELDS: ImportField[] = [
  {
    key: "givenName",
    label: "Voornaam",
    headers: ["voornaam", "roepnaam", "given name", "first name"],
    required: true,
    example: "Anna",
  },
  {
    key: "namePrefix",
    label: "Tussenvoegsel",
    headers: ["tussenvoegsel", "tussenv", "voorvoegsel"],
    example: "de",
  },
  {
    key: "familyName",
    label: "Achternaam",
    headers: ["achternaam", "familienaam", "geslachtsnaam", "family name", "last name"],
    required: true,
    example: "Vries",
  },
  {
    key: "disciplines",
    label: "Discipline",
    headers: ["discipline", "disciplines", "beroep", "functie"],
    example: "Huisarts, Praktijkmanager",
  },
  {
    key: "bigNumber",
    label: "BIG-nummer",
    headers: ["big", "big-nummer", "bignummer", "big nummer"],
    example: "19012345601",
  },
  {
    key: "agbCode",
    label: "AGB-code",
    headers: ["agb", "agb-code", "agbcode", "agb code"],
    example: "01098765",
  },
  {
    key: "email",
    label: "E-mail",
    headers: ["e-mail", "email", "e-mailadres", "emailadres"],
    example: "a.devries@deduinen.nl",
  },
  {
    key: "phone",
    label: "Telefoon",
    headers: ["telefoon", "telefoonnummer", "tel", "mobiel", "phone"],
    example: "071 401 2346",
  },
  {
    key: "visibility",
    label: "Zichtbaar voor",
    headers: ["zichtbaar voor", "zichtbaarheid", "visibility"],
    example: "leden",
  },
];

/** What people write for each discipline, lower-cased (the codes work too). */
const DISCIPLINE_WORDS = wordMap(DISCIPLINES, {
  huisarts: "general_practitioner",
  "poh-s": "practice_nurse_somatic",
  "poh somatiek": "practice_nurse_somatic",
  "poh-ggz": "practice_nurse_mental_health",
  "poh ggz": "practice_nurse_mental_health",
  praktijkmanager: "practice_manager",
  doktersassistent: "doctors_assistant",
  doktersassistente: "doctors_assistant",
  apotheker: "pharmacist",
  apothekersassistent: "pharmacy_assistant",
  fysiotherapeut: "physiotherapist",
  oefentherapeut: "exercise_therapist",
  diëtist: "dietitian",
  dietist: "dietitian",
  ergotherapeut: "occupational_therapist",
  logopedist: "speech_therapist",
  verloskundige: "midwife",
  psycholoog: "psychologist",
  eerstelijnspsycholoog: "psychologist",
  wijkverpleegkundige: "district_nurse",
  "specialist ouderengeneeskunde": "elderly_care_physician",
  so: "elderly_care_physician",
  "maatschappelijk werker": "social_worker",
  overig: "other",
});

/** "Alleen het bureau", "leden", "partners" (the codes work too). */
const VISIBILITY_WORDS = wordMap(PERSON_VISIBILITIES, {
  "alleen het bureau": "bureau",
  "alleen bureau": "bureau",
  leden: "members",
  "ook leden": "members",
  "ook partners": "partners",
  "leden en partners": "partners",
});

type PersonRow = ReturnType<typeof toInsert>;
const toInsert = (v: Values, disciplines: Discipline[]) => ({
  givenName: v.givenName!,
  namePrefix: v.namePrefix || null,
  familyName: v.familyName!,
  disciplines,
  bigNumber: v.bigNumber ? normaliseBig(v.bigNumber) : null,
  agbCode: v.agbCode ? normaliseAgb(v.agbCode) : null,
  email: v.email || null,
  phone: v.phone || null,
  visibility: v.visibility ? VISIBILITY_WORDS.get(v.visibility.toLowerCase())! : "members",
});

/** The same person: same BIG number, AGB code or e-mail address. */
function duplicateKeys(p: { bigNumber: string | null; agbCode: string | null; email: string | null }) {
  const keys: DuplicateKey[] = [];
  if (p.bigNumber) keys.push({ key: `big:${p.bigNumber}`, field: "bigNumber" });
  if (p.agbCode) keys.push({ key: `agb:${p.agbCode}`, field: "agbCode" });
  if (p.email) keys.push({ key: `mail:${p.email.toLowerCase()}`, field: "email" });
  return keys;
}

async function prepare(ctx: Ctx): Promise<Checker<PersonRow>> {
  const existing = new Map<string, string>();
  for (const p of (await personIndex(ctx)).all)
    for (const { key } of duplicateKeys(p)) existing.set(key, fullName(p));

  function check(v: Values): Check<PersonRow> {
    if (!v.givenName) return fail("givenName", "import.required");
    if (!v.familyName) return fail("familyName", "import.required");
    for (const key of ["givenName", "namePrefix", "familyName", "email", "phone"])
      if ((v[key] ?? "").length > TEXT_MAX) return fail(key, "import.tooLong");
    // Several disciplines in one cell: "Huisarts, POH-GGZ" or "huisarts / praktijkmanager".
    const disciplines: Discipline[] = [];
    for (const word of (v.disciplines ?? "").split(/\s*[,;/]\s*|\s+en\s+/)) {
      if (!word) continue;
      const discipline = DISCIPLINE_WORDS.get(word.toLowerCase());
      if (!discipline) return fail("disciplines", "import.discipline");
      if (!disciplines.includes(discipline)) disciplines.push(discipline);
    }
    if (v.bigNumber && !normaliseBig(v.bigNumber)) return fail("bigNumber", "field.big");
    if (v.agbCode && !normaliseAgb(v.agbCode)) return fail("agbCode", "field.agb");
    if (v.email && !EMAIL.test(v.email)) return fail("email", "import.email");
    if (v.visibility && !VISIBILITY_WORDS.has(v.visibility.toLowerCase()))
      return fail("visibility", "import.visibility");
    return { ok: true, row: toInsert(v, disciplines) };
  }
  return { check, existing };
}

async function insertPersons(ctx: Ctx, rows: PersonRow[]) {
  const created = await ctx.tx
    .insert(persons)
    .values(rows.map((r) => ({ ...r, regionId: ctx.actor.regionId })))
    .returning();
  return created.map((p) => ({ id: p.id, after: presentPerson(p) }));
}

/** People who by now work somewhere or are a member: undoing would take that away too. */
async function personsInUse(ctx: Ctx, ids: string[]) {
  const used = new Set<string>();
  const region = ctx.actor.regionId;
  for (const chunk of chunks(ids)) {
    const staff = await ctx.tx
      .selectDistinct({ id: workRelations.personId })
      .from(workRelations)
      .where(and(eq(workRelations.regionId, region), inArray(workRelations.personId, chunk)));
    const members = await ctx.tx
      .selectDistinct({ id: memberships.memberPersonId })
      .from(memberships)
      .where(and(eq(memberships.regionId, region), inArray(memberships.memberPersonId, chunk)));
    for (const r of [...staff, ...members]) if (r.id) used.add(r.id);
  }
  return used;
}

export const personImporter = defineImporter({
  kind: "persons",
  entityType: "person",
  fields: FIELDS,
  prepare,
  duplicateKeys,
  insert: insertPersons,
  inUse: { find: personsInUse, key: "field.importInUse.persons" },
  remove: deleteByIds(persons),
});
