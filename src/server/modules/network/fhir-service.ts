import { and, asc, eq, gt, gte, ilike, lt, lte, or, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import { invalidField, notFound } from "../../platform/errors.js";
import { decodeCursor, encodeCursor, escapeLike } from "../../platform/pagination.js";
import { visibleSql } from "./persons-service.js";
import {
  type OrganisationRow,
  organisationColumns,
  organisations,
  persons,
  workRelations,
} from "./schema.js";

/** Dutch identifier systems, as the national addressing work (and nl-core) uses them. */
export const SYSTEMS = {
  agb: "http://fhir.nl/fhir/NamingSystem/agb-z",
  big: "http://fhir.nl/fhir/NamingSystem/big",
  kvk: "http://fhir.nl/fhir/NamingSystem/kvk",
  kind: "https://regiotafel.nl/fhir/CodeSystem/organisation-kind",
} as const;

/** The usual search parameters: name, identifier (`system|value` or `value`), _lastUpdated, _count. */
export interface FhirSearch {
  name?: string;
  identifier?: string;
  _lastUpdated?: string[];
  _count: number;
  _cursor?: string;
}

type Row = OrganisationRow;
type PersonRow = typeof persons.$inferSelect;

const meta = (r: { updatedAt: Date; version: number }) => ({
  versionId: String(r.version),
  lastUpdated: r.updatedAt.toISOString(),
});

/** An organisation as FHIR R4 Organization, shaped after IHE mCSD. */
export function toOrganization(o: Row) {
  const identifier = [
    o.agbCode && { system: SYSTEMS.agb, value: o.agbCode },
    o.kvkNumber && { system: SYSTEMS.kvk, value: o.kvkNumber },
  ].filter(Boolean);
  const telecom = [
    o.phone && { system: "phone", value: o.phone, use: "work" },
    o.email && { system: "email", value: o.email, use: "work" },
    o.website && { system: "url", value: o.website },
  ].filter(Boolean);
  const line = [o.visitStreet, o.visitHouseNumber].filter(Boolean).join(" ");
  return {
    resourceType: "Organization",
    id: o.id,
    meta: meta(o),
    ...(identifier.length ? { identifier } : {}),
    active: o.status === "active" || o.status === "founding",
    type: [{ coding: [{ system: SYSTEMS.kind, code: o.kind }] }],
    name: o.name,
    ...(telecom.length ? { telecom } : {}),
    ...(line || o.visitPostcode || o.visitCity
      ? {
          address: [
            {
              use: "work",
              type: "physical",
              ...(line ? { line: [line] } : {}),
              ...(o.visitPostcode ? { postalCode: o.visitPostcode } : {}),
              ...(o.visitCity ? { city: o.visitCity } : {}),
              country: "NL",
            },
          ],
        }
      : {}),
    ...(o.parentId ? { partOf: { reference: `Organization/${o.parentId}` } } : {}),
  };
}

/**
 * mCSD keeps the place apart from the organisation: each organisation with a visiting address is
 * also a Location (same id) managed by it, and offers its care as a HealthcareService (same id).
 */
export function toLocation(o: Row) {
  const organization = toOrganization(o);
  if (!organization.address) return null;
  return {
    resourceType: "Location",
    id: o.id,
    meta: meta(o),
    status: organization.active ? "active" : "inactive",
    name: o.name,
    ...(organization.telecom ? { telecom: organization.telecom } : {}),
    address: organization.address[0],
    managingOrganization: { reference: `Organization/${o.id}` },
  };
}

export function toHealthcareService(o: Row) {
  const organization = toOrganization(o);
  return {
    resourceType: "HealthcareService",
    id: o.id,
    meta: meta(o),
    active: organization.active,
    providedBy: { reference: `Organization/${o.id}` },
    type: organization.type,
    name: o.name,
    ...(organization.address ? { location: [{ reference: `Location/${o.id}` }] } : {}),
    ...(organization.telecom ? { telecom: organization.telecom } : {}),
  };
}

/** A person as FHIR R4 Practitioner: only people the caller may see, like everywhere else. */
export function toPractitioner(p: PersonRow) {
  const identifier = [
    p.bigNumber && { system: SYSTEMS.big, value: p.bigNumber },
    p.agbCode && { system: SYSTEMS.agb, value: p.agbCode },
  ].filter(Boolean);
  const telecom = [
    p.phone && { system: "phone", value: p.phone, use: "work" },
    p.email && { system: "email", value: p.email, use: "work" },
  ].filter(Boolean);
  return {
    resourceType: "Practitioner",
    id: p.id,
    meta: meta(p),
    ...(identifier.length ? { identifier } : {}),
    active: !p.erasedAt,
    name: [
      {
        use: "official",
        family: [p.namePrefix, p.familyName].filter(Boolean).join(" "),
        given: [p.givenName],
      },
    ],
    ...(telecom.length ? { telecom } : {}),
  };
}

/** `_lastUpdated=ge2026-01-01` (eq, ne not supported; gt, ge, lt, le): a condition on `column`. */
function lastUpdatedSql(
  column: typeof organisations.updatedAt | typeof persons.updatedAt,
  values: string[] = [],
) {
  return and(
    ...values.map((v) => {
      const m = /^(gt|ge|lt|le|eq)?(\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?)$/.exec(v);
      if (!m) throw invalidField("query._lastUpdated", "problem.badRequest", 400);
      const at = new Date(m[2]!);
      if (Number.isNaN(at.getTime())) throw invalidField("query._lastUpdated", "problem.badRequest", 400);
      switch (m[1]) {
        case "gt":
          return gt(column, at);
        case "lt":
          return lt(column, at);
        case "le":
          return lte(column, at);
        case "ge":
          return gte(column, at);
        default: {
          // A date without time means that whole day.
          if (m[3]) return eq(column, at);
          const next = new Date(at.getTime() + 86_400_000);
          return and(gte(column, at), lt(column, next));
        }
      }
    }),
  );
}

/** `identifier=system|value` or just `value`, against the columns that hold each system. */
function identifierSql(identifier: string | undefined, columns: Record<string, unknown>) {
  if (!identifier) return undefined;
  const [system, value] = identifier.includes("|") ? identifier.split("|", 2) : [undefined, identifier];
  const matches = Object.entries(columns)
    .filter(([s]) => !system || s === system)
    .map(([, column]) => sql`${column} = ${value}`);
  return matches.length ? or(...matches) : sql`false`;
}

/** A searchset Bundle with `next` when there is more; the cursor is opaque, as the API's elsewhere. */
function searchset(
  base: string,
  query: Record<string, string | string[] | undefined>,
  resources: unknown[],
  nextCursor: string | null,
) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (k !== "_cursor" && v !== undefined)
      for (const x of Array.isArray(v) ? v : [v]) params.append(k, String(x));
  const self = `${base}?${params}`;
  if (nextCursor) params.set("_cursor", nextCursor);
  return {
    resourceType: "Bundle",
    type: "searchset",
    link: [
      { relation: "self", url: self },
      ...(nextCursor ? [{ relation: "next", url: `${base}?${params}` }] : []),
    ],
    entry: resources.map((resource) => ({
      fullUrl: `${base}/${(resource as { id: string }).id}`,
      resource,
      search: { mode: "match" },
    })),
  };
}

const ORGANISATION_SHAPES = {
  Organization: toOrganization,
  Location: toLocation,
  HealthcareService: toHealthcareService,
} as const;
export type OrganisationShape = keyof typeof ORGANISATION_SHAPES;

/** Organization, Location or HealthcareService: one search over the organisations, three shapes. */
export async function searchOrganizations(
  ctx: Ctx,
  q: FhirSearch,
  base: string,
  shape: OrganisationShape = "Organization",
) {
  const after = q._cursor ? decodeCursor(q._cursor, "name", 2) : undefined;
  const rows = await ctx.tx
    .select(organisationColumns)
    .from(organisations)
    .where(
      and(
        eq(organisations.regionId, ctx.actor.regionId),
        q.name ? ilike(organisations.name, `%${escapeLike(q.name)}%`) : undefined,
        identifierSql(q.identifier, {
          [SYSTEMS.agb]: organisations.agbCode,
          [SYSTEMS.kvk]: organisations.kvkNumber,
        }),
        lastUpdatedSql(organisations.updatedAt, q._lastUpdated),
        after
          ? sql`(${organisations.name}, ${organisations.id}) > (${after[0]}, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(organisations.name), asc(organisations.id))
    .limit(q._count + 1);
  const page = rows.slice(0, q._count);
  const last = page.at(-1);
  const next = rows.length > q._count && last ? encodeCursor("name", [last.name, last.id]) : null;
  const present = ORGANISATION_SHAPES[shape];
  return searchset(
    base,
    q as unknown as Record<string, string>,
    page.map((r) => present(r)).filter(Boolean),
    next,
  );
}

export async function readOrganization(ctx: Ctx, id: string, shape: OrganisationShape = "Organization") {
  const [row] = await ctx.tx
    .select(organisationColumns)
    .from(organisations)
    .where(and(eq(organisations.regionId, ctx.actor.regionId), eq(organisations.id, id)));
  const resource = row ? ORGANISATION_SHAPES[shape](row) : null;
  if (!resource) throw notFound();
  return resource;
}

export async function searchPractitioners(ctx: Ctx, q: FhirSearch, base: string) {
  const after = q._cursor ? decodeCursor(q._cursor, "family", 3) : undefined;
  const fullName = sql`${persons.givenName} || ' ' || coalesce(${persons.namePrefix} || ' ', '') || ${persons.familyName}`;
  const rows = await ctx.tx
    .select()
    .from(persons)
    .where(
      and(
        eq(persons.regionId, ctx.actor.regionId),
        visibleSql(ctx),
        q.name ? ilike(fullName, `%${escapeLike(q.name)}%`) : undefined,
        identifierSql(q.identifier, { [SYSTEMS.big]: persons.bigNumber, [SYSTEMS.agb]: persons.agbCode }),
        lastUpdatedSql(persons.updatedAt, q._lastUpdated),
        after
          ? sql`(${persons.familyName}, ${persons.givenName}, ${persons.id}) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(persons.familyName), asc(persons.givenName), asc(persons.id))
    .limit(q._count + 1);
  const page = rows.slice(0, q._count);
  const last = page.at(-1);
  const next =
    rows.length > q._count && last
      ? encodeCursor("family", [last.familyName, last.givenName, last.id])
      : null;
  return searchset(base, q as unknown as Record<string, string>, page.map(toPractitioner), next);
}

export async function readPractitioner(ctx: Ctx, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(persons)
    .where(and(eq(persons.regionId, ctx.actor.regionId), eq(persons.id, id), visibleSql(ctx)));
  if (!row) throw notFound();
  return toPractitioner(row);
}

/**
 * Where people work, as PractitionerRole: practitioner, organization, function, period. Only
 * for practitioners the caller may see; `practitioner` or `organization` narrows the search.
 */
export async function searchPractitionerRoles(
  ctx: Ctx,
  q: { practitioner?: string; organization?: string; _count: number; _cursor?: string },
  base: string,
) {
  const after = q._cursor ? decodeCursor(q._cursor, "id", 1) : undefined;
  const strip = (ref: string | undefined, type: string) => ref?.replace(new RegExp(`^${type}/`), "");
  const rows = await ctx.tx
    .select({
      w: workRelations,
      big: persons.bigNumber,
      personAgb: persons.agbCode,
      agb: organisations.agbCode,
      kvk: organisations.kvkNumber,
    })
    .from(workRelations)
    .innerJoin(
      persons,
      and(eq(persons.regionId, workRelations.regionId), eq(persons.id, workRelations.personId)),
    )
    .innerJoin(
      organisations,
      and(
        eq(organisations.regionId, workRelations.regionId),
        eq(organisations.id, workRelations.organisationId),
      ),
    )
    .where(
      and(
        eq(workRelations.regionId, ctx.actor.regionId),
        visibleSql(ctx),
        q.practitioner ? eq(workRelations.personId, strip(q.practitioner, "Practitioner")!) : undefined,
        q.organization ? eq(workRelations.organisationId, strip(q.organization, "Organization")!) : undefined,
        after ? gt(workRelations.id, String(after[0])) : undefined,
      ),
    )
    .orderBy(asc(workRelations.id))
    .limit(q._count + 1);
  const page = rows.slice(0, q._count);
  const last = page.at(-1);
  const next = rows.length > q._count && last ? encodeCursor("id", [last.w.id]) : null;
  const today = new Date().toISOString().slice(0, 10);
  // Besides the reference, the logical identifier (BIG, AGB, KvK): it still means the same person
  // and organisation outside this region, so a Bundle can be imported elsewhere.
  const logical = (system: string, value: string | null) => (value ? { identifier: { system, value } } : {});
  const roles = page.map(({ w, big, personAgb, agb, kvk }) => ({
    resourceType: "PractitionerRole",
    id: w.id,
    meta: meta(w),
    active: !w.toDate || w.toDate >= today,
    ...(w.fromDate || w.toDate
      ? { period: { ...(w.fromDate ? { start: w.fromDate } : {}), ...(w.toDate ? { end: w.toDate } : {}) } }
      : {}),
    practitioner: {
      reference: `Practitioner/${w.personId}`,
      ...(big ? logical(SYSTEMS.big, big) : logical(SYSTEMS.agb, personAgb)),
    },
    organization: {
      reference: `Organization/${w.organisationId}`,
      ...(agb ? logical(SYSTEMS.agb, agb) : logical(SYSTEMS.kvk, kvk)),
    },
    ...(w.function ? { code: [{ text: w.function }] } : {}),
  }));
  return searchset(base, q as unknown as Record<string, string>, roles, next);
}

/** The whole directory as one Bundle (type collection): organisations, practitioners, roles. */
export async function directoryBundle(ctx: Ctx, base: string) {
  const orgs = await ctx.tx
    .select(organisationColumns)
    .from(organisations)
    .where(eq(organisations.regionId, ctx.actor.regionId));
  const people = await ctx.tx
    .select()
    .from(persons)
    .where(and(eq(persons.regionId, ctx.actor.regionId), visibleSql(ctx)));
  const roles = (
    await searchPractitionerRoles(ctx, { _count: 200_000 }, `${base}/PractitionerRole`)
  ).entry.map((e) => e.resource);
  const resources = [
    ...orgs.map(toOrganization),
    ...orgs.map(toLocation).filter(Boolean),
    ...orgs.map(toHealthcareService),
    ...people.map(toPractitioner),
    ...roles,
  ];
  return {
    resourceType: "Bundle",
    type: "collection",
    timestamp: new Date().toISOString(),
    entry: resources.map((resource) => ({
      fullUrl: `${base}/${(resource as { resourceType: string }).resourceType}/${(resource as { id: string }).id}`,
      resource,
    })),
  };
}

/** What the directory offers, for FHIR clients that ask (`GET …/fhir/metadata`). */
export function capabilityStatement(base: string) {
  const search = ["name", "identifier", "_lastUpdated", "_count"].map((name) => ({
    name,
    type:
      name === "_lastUpdated"
        ? "date"
        : name === "_count"
          ? "number"
          : name === "identifier"
            ? "token"
            : "string",
  }));
  const readSearch = (type: string, params = search) => ({
    type,
    interaction: [{ code: "read" }, { code: "search-type" }],
    searchParam: params,
  });
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: new Date().toISOString().slice(0, 10),
    kind: "instance",
    software: { name: "Regiotafel" },
    implementation: { description: "Adresboek van de regio (IHE mCSD-vorm)", url: base.replace(/\/$/, "") },
    fhirVersion: "4.0.1",
    format: ["application/fhir+json"],
    rest: [
      {
        mode: "server",
        resource: [
          readSearch("Organization"),
          readSearch("Location"),
          readSearch("HealthcareService"),
          readSearch("Practitioner"),
          {
            type: "PractitionerRole",
            interaction: [{ code: "search-type" }],
            searchParam: [
              { name: "practitioner", type: "reference" },
              { name: "organization", type: "reference" },
              { name: "_count", type: "number" },
            ],
          },
        ],
      },
    ],
  };
}
