import { and, eq, isNull } from "drizzle-orm";
import { normaliseAgb, normaliseBig } from "../../../shared/identifiers.js";
import type { OrganisationKind, OrganisationStatus } from "../../../shared/network.js";
import type { Ctx } from "../../platform/context.js";
import type { MessageKey } from "../../platform/i18n.js";
import { fullName } from "./persons-service.js";
import { organisations, persons } from "./schema.js";

type Found<T> = { ok: true; value: T } | { ok: false; key: MessageKey };
const nameKey = (name: string) => name.toLowerCase().replace(/\s+/g, " ").trim();

/** Indexes by a key; a key that two entries share is remembered as ambiguous. */
class Index<T> {
  private readonly map = new Map<string, T | null>();
  add(key: string | null, value: T) {
    if (!key) return;
    this.map.set(key, this.map.has(key) ? null : value);
  }
  /** undefined: unknown; null: more than one. */
  get(key: string) {
    return this.map.get(key);
  }
}

export type OrganisationRef = {
  id: string;
  name: string;
  kind: OrganisationKind;
  status: OrganisationStatus;
  agbCode: string | null;
  kvkNumber: string | null;
  visitPostcode: string | null;
};

/**
 * The region's organisations as a sheet refers to them: by AGB code, KvK number, name, or (from a
 * FHIR Bundle) `Organization/<id>`. One query; an organisation that merged into another is not
 * found by name or code, its successor is.
 */
export async function organisationIndex(ctx: Ctx) {
  const all: OrganisationRef[] = await ctx.tx
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      status: organisations.status,
      agbCode: organisations.agbCode,
      kvkNumber: organisations.kvkNumber,
      visitPostcode: organisations.visitPostcode,
    })
    .from(organisations)
    .where(eq(organisations.regionId, ctx.actor.regionId));
  const byId = new Map(all.map((o) => [o.id, o]));
  const byCode = new Index<OrganisationRef>();
  const byName = new Index<OrganisationRef>();
  for (const o of all) {
    if (o.status === "merged") continue;
    byCode.add(o.agbCode, o);
    byCode.add(o.kvkNumber, o);
    byName.add(nameKey(o.name), o);
  }
  function find(text: string): Found<OrganisationRef> {
    const reference = /^Organization\/([0-9a-f-]{36})$/.exec(text)?.[1];
    const code = normaliseAgb(text);
    const hit = reference ? byId.get(reference) : code ? byCode.get(code) : byName.get(nameKey(text));
    if (hit === null) return { ok: false, key: "import.organisationAmbiguous" };
    return hit ? { ok: true, value: hit } : { ok: false, key: "import.organisationUnknown" };
  }
  return { all, find };
}

/**
 * The region's people as a sheet refers to them: by BIG number, AGB code, e-mail address, full
 * name ("Anna de Vries") or (from a FHIR Bundle) `Practitioner/<id>`. One query; erased people
 * are not found.
 */
export async function personIndex(ctx: Ctx) {
  const all = await ctx.tx
    .select({
      id: persons.id,
      givenName: persons.givenName,
      namePrefix: persons.namePrefix,
      familyName: persons.familyName,
      bigNumber: persons.bigNumber,
      agbCode: persons.agbCode,
      email: persons.email,
    })
    .from(persons)
    .where(and(eq(persons.regionId, ctx.actor.regionId), isNull(persons.erasedAt)));
  const byCode = new Index<(typeof all)[number]>();
  const byName = new Index<(typeof all)[number]>();
  for (const p of all) {
    byCode.add(p.bigNumber, p);
    byCode.add(p.agbCode, p);
    byCode.add(p.email?.toLowerCase() ?? null, p);
    byName.add(nameKey(fullName(p)), p);
  }
  const byId = new Map(all.map((p) => [p.id, p]));
  function find(text: string): Found<(typeof all)[number]> {
    const reference = /^Practitioner\/([0-9a-f-]{36})$/.exec(text)?.[1];
    const code = normaliseBig(text) ?? normaliseAgb(text) ?? (text.includes("@") ? text.toLowerCase() : null);
    const hit = reference ? byId.get(reference) : code ? byCode.get(code) : byName.get(nameKey(text));
    if (hit === null) return { ok: false, key: "import.personAmbiguous" };
    return hit ? { ok: true, value: hit } : { ok: false, key: "import.personUnknown" };
  }
  return { all, find };
}
