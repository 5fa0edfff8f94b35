import { eq } from "drizzle-orm";
import { isMembershipBody, MEMBERSHIP_TYPES } from "../../../shared/network.js";
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
  wordMap,
} from "./importer.js";
import { fullName } from "./persons-service.js";
import { memberships } from "./schema.js";

const FIELDS: ImportField[] = [
  {
    key: "body",
    label: "Lid van",
    headers: ["lid van", "wsv", "vereniging", "coöperatie", "cooperatie", "zorggroep"],
    required: true,
    example: "WSV Katwijk",
  },
  {
    key: "memberPerson",
    label: "Lid (persoon)",
    headers: ["big-nummer", "big", "persoon", "naam lid", "naam"],
    example: "19012345601",
  },
  {
    key: "memberOrganisation",
    label: "Lid (organisatie)",
    // Not "praktijk": a ledenlijst names where each person works, which is not the member.
    headers: ["lid organisatie", "lid (organisatie)", "organisatie lid", "lid-organisatie"],
  },
  {
    key: "type",
    label: "Soort lidmaatschap",
    headers: ["soort lidmaatschap", "lidmaatschap", "type", "soort"],
    example: "Lid",
  },
  {
    key: "startDate",
    label: "Lid sinds",
    headers: ["lid sinds", "ingangsdatum", "begindatum", "startdatum", "vanaf"],
    required: true,
    example: "01-01-2021",
  },
  { key: "endDate", label: "Lid tot en met", headers: ["lid tot", "einddatum", "opgezegd per", "tot"] },
  {
    key: "contributionCategory",
    label: "Contributiecategorie",
    headers: ["contributiecategorie", "contributie", "categorie"],
    example: "Huisarts, volledig",
  },
];

const TYPE_WORDS = wordMap(MEMBERSHIP_TYPES, {
  lid: "member",
  "gewoon lid": "member",
  aspirant: "aspirant",
  "aspirant-lid": "aspirant",
  "aspirant lid": "aspirant",
  "buitengewoon lid": "extraordinary",
  buitengewoon: "extraordinary",
});

type MembershipRow = Omit<typeof memberships.$inferInsert, "regionId">;

/**
 * The same membership: the same member of the same body from the same date; and nobody is a
 * member of one body twice at once (two memberships without an end date).
 */
function duplicateKeys(m: {
  organisationId: string;
  memberPersonId?: string | null;
  memberOrganisationId?: string | null;
  startDate: string;
  endDate?: string | null;
}) {
  const member = `${m.organisationId}|${m.memberPersonId ?? m.memberOrganisationId}`;
  const field = m.memberPersonId ? "memberPerson" : "memberOrganisation";
  const keys = [{ key: `${member}|${m.startDate}`, field }];
  if (!m.endDate) keys.push({ key: `${member}|open`, field });
  return keys;
}

async function prepare(ctx: Ctx): Promise<Checker<MembershipRow>> {
  const people = await personIndex(ctx);
  const orgs = await organisationIndex(ctx);
  const names = new Map([
    ...people.all.map((p) => [p.id, fullName(p)] as const),
    ...orgs.all.map((o) => [o.id, o.name] as const),
  ]);
  const existing = new Map<string, string>();
  const current = await ctx.tx.select().from(memberships).where(eq(memberships.regionId, ctx.actor.regionId));
  for (const m of current)
    for (const { key } of duplicateKeys(m))
      existing.set(
        key,
        `${names.get(m.memberPersonId ?? m.memberOrganisationId ?? "") ?? ""} – ${names.get(m.organisationId) ?? ""}`,
      );

  function check(v: Values): Check<MembershipRow> {
    if (!v.body) return fail("body", "import.required");
    const body = orgs.find(v.body);
    if (!body.ok) return fail("body", body.key);
    if (!isMembershipBody(body.value.kind)) return fail("body", "field.membershipBody");
    if (Boolean(v.memberPerson) === Boolean(v.memberOrganisation))
      return fail(v.memberPerson ? "memberOrganisation" : "memberPerson", "import.oneMember");
    let memberPersonId: string | null = null;
    let memberOrganisationId: string | null = null;
    if (v.memberPerson) {
      const person = people.find(v.memberPerson);
      if (!person.ok) return fail("memberPerson", person.key);
      memberPersonId = person.value.id;
    } else {
      const organisation = orgs.find(v.memberOrganisation!);
      if (!organisation.ok) return fail("memberOrganisation", organisation.key);
      if (organisation.value.id === body.value.id) return fail("memberOrganisation", "field.memberOfItself");
      memberOrganisationId = organisation.value.id;
    }
    const type = v.type ? TYPE_WORDS.get(v.type.toLowerCase()) : "member";
    if (!type) return fail("type", "import.membershipType");
    if (!v.startDate) return fail("startDate", "import.required");
    const startDate = parseDate(v.startDate);
    if (!startDate) return fail("startDate", "import.date");
    const endDate = v.endDate ? parseDate(v.endDate) : null;
    if (v.endDate && !endDate) return fail("endDate", "import.date");
    if (endDate && endDate < startDate) return fail("endDate", "field.periodOrder");
    if ((v.contributionCategory ?? "").length > TEXT_MAX)
      return fail("contributionCategory", "import.tooLong");
    return {
      ok: true,
      row: {
        organisationId: body.value.id,
        memberPersonId,
        memberOrganisationId,
        type,
        startDate,
        endDate,
        contributionCategory: v.contributionCategory || null,
      },
    };
  }
  return { check, existing };
}

async function insertMemberships(ctx: Ctx, rows: MembershipRow[]) {
  const created = await ctx.tx
    .insert(memberships)
    .values(rows.map((r) => ({ ...r, regionId: ctx.actor.regionId })))
    .returning();
  return created.map((m) => ({
    id: m.id,
    after: {
      organisationId: m.organisationId,
      memberPersonId: m.memberPersonId,
      memberOrganisationId: m.memberOrganisationId,
      type: m.type,
      startDate: m.startDate,
      endDate: m.endDate,
      contributionCategory: m.contributionCategory,
    },
  }));
}

export const membershipImporter = defineImporter({
  kind: "memberships",
  entityType: "membership",
  fields: FIELDS,
  prepare,
  duplicateKeys,
  insert: insertMemberships,
  remove: deleteByIds(memberships),
});
