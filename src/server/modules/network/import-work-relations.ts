import { eq } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import { organisationIndex, personIndex } from "./import-references.js";
import {
  type Check,
  type Checker,
  defineImporter,
  deleteByIds,
  fail,
  type ImportField,
  parseDate,
  TEXT_MAX,
  type Values,
} from "./importer.js";
import { fullName } from "./persons-service.js";
import { workRelations } from "./schema.js";

const FIELDS: ImportField[] = [
  {
    key: "person",
    label: "Persoon",
    headers: ["big-nummer", "big", "e-mail", "email", "persoon", "medewerker", "naam"],
    required: true,
    example: "19012345601",
  },
  {
    key: "organisation",
    label: "Organisatie",
    headers: ["organisatie", "praktijk", "werkt bij", "werkgever", "organisation"],
    required: true,
    example: "Huisartsenpraktijk De Duinen",
  },
  { key: "function", label: "Functie", headers: ["functie", "rol", "function"], example: "Praktijkhouder" },
  { key: "fte", label: "FTE", headers: ["fte", "aanstelling", "omvang"], example: "0,8" },
  {
    key: "fromDate",
    label: "Vanaf",
    headers: ["vanaf", "van", "begindatum", "startdatum", "in dienst"],
    example: "01-01-2020",
  },
  { key: "toDate", label: "Tot en met", headers: ["tot", "tot en met", "einddatum", "uit dienst"] },
];

interface WorkRelationRow {
  personId: string;
  organisationId: string;
  function: string | null;
  fte: string | null;
  fromDate: string | null;
  toDate: string | null;
}

/** The same work relation: the same person at the same organisation from the same date. */
const duplicateKeys = (w: { personId: string; organisationId: string; fromDate: string | null }) => [
  { key: `${w.personId}|${w.organisationId}|${w.fromDate ?? ""}`, field: "person" },
];

/** "0,8", "0.8" or "80%"; from 0.01 to 1.5 FTE, as the form allows. */
function parseFte(input: string): string | null {
  const percent = input.endsWith("%");
  const n = Number(input.replace("%", "").trim().replace(",", ".")) / (percent ? 100 : 1);
  return Number.isFinite(n) && n >= 0.01 && n <= 1.5 ? n.toFixed(2) : null;
}

async function prepare(ctx: Ctx): Promise<Checker<WorkRelationRow>> {
  const people = await personIndex(ctx);
  const orgs = await organisationIndex(ctx);
  const personName = new Map(people.all.map((p) => [p.id, fullName(p)]));
  const orgName = new Map(orgs.all.map((o) => [o.id, o.name]));
  const existing = new Map<string, string>();
  const current = await ctx.tx
    .select({
      personId: workRelations.personId,
      organisationId: workRelations.organisationId,
      fromDate: workRelations.fromDate,
    })
    .from(workRelations)
    .where(eq(workRelations.regionId, ctx.actor.regionId));
  for (const w of current)
    for (const { key } of duplicateKeys(w))
      existing.set(key, `${personName.get(w.personId) ?? ""} – ${orgName.get(w.organisationId) ?? ""}`);

  function check(v: Values): Check<WorkRelationRow> {
    if (!v.person) return fail("person", "import.required");
    const person = people.find(v.person);
    if (!person.ok) return fail("person", person.key);
    if (!v.organisation) return fail("organisation", "import.required");
    const organisation = orgs.find(v.organisation);
    if (!organisation.ok) return fail("organisation", organisation.key);
    if ((v.function ?? "").length > TEXT_MAX) return fail("function", "import.tooLong");
    const fte = v.fte ? parseFte(v.fte) : null;
    if (v.fte && !fte) return fail("fte", "import.fte");
    const fromDate = v.fromDate ? parseDate(v.fromDate) : null;
    if (v.fromDate && !fromDate) return fail("fromDate", "import.date");
    const toDate = v.toDate ? parseDate(v.toDate) : null;
    if (v.toDate && !toDate) return fail("toDate", "import.date");
    if (fromDate && toDate && toDate < fromDate) return fail("toDate", "field.periodOrder");
    return {
      ok: true,
      row: {
        personId: person.value.id,
        organisationId: organisation.value.id,
        function: v.function || null,
        fte,
        fromDate,
        toDate,
      },
    };
  }
  return { check, existing };
}

async function insertWorkRelations(ctx: Ctx, rows: WorkRelationRow[]) {
  const created = await ctx.tx
    .insert(workRelations)
    .values(rows.map((r) => ({ ...r, regionId: ctx.actor.regionId })))
    .returning();
  return created.map(({ id, personId, organisationId, function: fn, fte, fromDate, toDate }) => ({
    id,
    after: {
      personId,
      organisationId,
      function: fn,
      fte: fte === null ? null : Number(fte),
      fromDate,
      toDate,
    },
  }));
}

export const workRelationImporter = defineImporter({
  kind: "workRelations",
  entityType: "work_relation",
  fields: FIELDS,
  prepare,
  duplicateKeys,
  insert: insertWorkRelations,
  remove: deleteByIds(workRelations),
});
