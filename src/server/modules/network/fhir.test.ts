import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, World } from "../../../../tests/support/world.js";

let world: World;
let staff: Caller;
const ids: Record<string, string> = {};
beforeAll(async () => {
  world = await World.create();
  staff = await world.as("a", "medewerker");
  const post = async (url: string, payload: Record<string, unknown>) =>
    (await world.inject(staff, { method: "POST", url, payload })).json().id as string;
  ids.wsv = await post("/api/v1/organisations", { kind: "neighbourhood_network", name: "WSV Fhirstad" });
  ids.practice = await post("/api/v1/organisations", {
    kind: "general_practice",
    name: "Huisartsen Fhirstad",
    parentId: ids.wsv,
    agbCode: "01234567",
    kvkNumber: "87654321",
    visitStreet: "Markt",
    visitHouseNumber: "1",
    visitPostcode: "2311 AB",
    visitCity: "Leiden",
    phone: "071 123 4567",
  });
  ids.open = await post("/api/v1/persons", {
    givenName: "Olga",
    namePrefix: "van",
    familyName: "Dam",
    bigNumber: "12345678901",
    visibility: "partners",
  });
  ids.members = await post("/api/v1/persons", {
    givenName: "Mees",
    familyName: "Lid",
    bigNumber: "10987654321",
    visibility: "members",
  });
  await post(`/api/v1/persons/${ids.open}/work-relations`, {
    organisationId: ids.practice,
    function: "Huisarts",
    fromDate: "2020-01-01",
  });
});
afterAll(() => world?.close());

const fhir = async (caller: Caller, path: string) => {
  const response = await world.inject(caller, { method: "GET", url: `/api/v1/fhir/${path}` });
  return { status: response.statusCode, type: response.headers["content-type"], body: response.json() };
};
type Entry = { resource: { resourceType: string; id: string; [k: string]: unknown } };
const resources = (bundle: { entry: Entry[] }) => bundle.entry.map((e) => e.resource);

describe("FHIR directory", () => {
  it("finds an Organization by its AGB identifier, in mCSD shape, as application/fhir+json", async () => {
    const found = await fhir(
      staff,
      `Organization?identifier=${encodeURIComponent("http://fhir.nl/fhir/NamingSystem/agb-z|01234567")}`,
    );
    expect(found.type).toMatch(/^application\/fhir\+json/);
    expect(found.body).toMatchObject({ resourceType: "Bundle", type: "searchset" });
    const [organization] = resources(found.body);
    expect(organization).toMatchObject({
      resourceType: "Organization",
      id: ids.practice,
      active: true,
      name: "Huisartsen Fhirstad",
      identifier: [
        { system: "http://fhir.nl/fhir/NamingSystem/agb-z", value: "01234567" },
        { system: "http://fhir.nl/fhir/NamingSystem/kvk", value: "87654321" },
      ],
      address: [{ line: ["Markt 1"], postalCode: "2311 AB", city: "Leiden", country: "NL" }],
      partOf: { reference: `Organization/${ids.wsv}` },
    });
    // The value alone finds it too; another system's number does not.
    expect(resources((await fhir(staff, "Organization?identifier=87654321")).body)).toHaveLength(1);
    expect(
      resources(
        (
          await fhir(
            staff,
            `Organization?identifier=${encodeURIComponent("http://fhir.nl/fhir/NamingSystem/big|01234567")}`,
          )
        ).body,
      ),
    ).toHaveLength(0);
  });

  it("pages with _count and a next link, and filters on _lastUpdated", async () => {
    const first = (await fhir(staff, "Organization?name=fhirstad&_count=1")).body;
    expect(resources(first)).toHaveLength(1);
    const next = first.link.find((l: { relation: string }) => l.relation === "next").url as string;
    const second = (await fhir(staff, next.slice(next.indexOf("/fhir/") + 6))).body;
    expect(resources(second).map((r) => r.id)).not.toContain(resources(first)[0]!.id);
    expect(second.link.some((l: { relation: string }) => l.relation === "next")).toBe(false);

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(
      resources((await fhir(staff, `Organization?name=fhirstad&_lastUpdated=ge${tomorrow}`)).body),
    ).toHaveLength(0);
    expect(
      resources((await fhir(staff, "Organization?name=fhirstad&_lastUpdated=ge2020-01-01")).body),
    ).toHaveLength(2);
    expect((await fhir(staff, "Organization?_lastUpdated=yesterday")).status).toBe(400);
  });

  it("shows Practitioners and their roles only as far as the caller may see them", async () => {
    const partner = await world.as("a", "partner");
    const practitioners = resources((await fhir(partner, "Practitioner?name=a")).body).map((r) => r.id);
    expect(practitioners).toContain(ids.open);
    expect(practitioners).not.toContain(ids.members);
    expect((await fhir(partner, `Practitioner/${ids.members}`)).status).toBe(404);
    expect((await fhir(partner, `Practitioner/${ids.open}`)).body).toMatchObject({
      identifier: [{ system: "http://fhir.nl/fhir/NamingSystem/big", value: "12345678901" }],
      name: [{ family: "van Dam", given: ["Olga"] }],
    });
    const roles = resources(
      (await fhir(partner, `PractitionerRole?practitioner=Practitioner/${ids.open}`)).body,
    );
    expect(roles).toEqual([
      expect.objectContaining({
        // The reference, and the logical identifier that means the same outside this region.
        practitioner: {
          reference: `Practitioner/${ids.open}`,
          identifier: { system: "http://fhir.nl/fhir/NamingSystem/big", value: "12345678901" },
        },
        organization: {
          reference: `Organization/${ids.practice}`,
          identifier: { system: "http://fhir.nl/fhir/NamingSystem/agb-z", value: "01234567" },
        },
        code: [{ text: "Huisarts" }],
        active: true,
      }),
    ]);
  });

  it("exports the whole directory as one Bundle, and keeps other regions out", async () => {
    const bundle = (await fhir(staff, "Bundle/directory")).body;
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    const types = new Set(resources(bundle).map((r) => r.resourceType));
    expect([...types].sort()).toEqual([
      "HealthcareService",
      "Location",
      "Organization",
      "Practitioner",
      "PractitionerRole",
    ]);

    const other = await world.as("b", "medewerker");
    expect((await fhir(other, `Organization/${ids.practice}`)).status).toBe(404);
    expect(resources((await fhir(other, "Organization?name=fhirstad")).body)).toHaveLength(0);
  });

  it("keeps the place and the care apart, as mCSD does: Location and HealthcareService", async () => {
    const location = await fhir(staff, `Location/${ids.practice}`);
    expect(location.body).toMatchObject({
      resourceType: "Location",
      status: "active",
      address: { line: ["Markt 1"], postalCode: "2311 AB", city: "Leiden" },
      managingOrganization: { reference: `Organization/${ids.practice}` },
    });
    // A WSV without a visiting address is no place.
    expect((await fhir(staff, `Location/${ids.wsv}`)).status).toBe(404);
    expect((await fhir(staff, `HealthcareService?identifier=01234567`)).body.entry[0].resource).toMatchObject(
      {
        providedBy: { reference: `Organization/${ids.practice}` },
        type: [{ coding: [{ code: "general_practice" }] }],
        location: [{ reference: `Location/${ids.practice}` }],
      },
    );
    const metadata = (await fhir(staff, "metadata")).body;
    expect(metadata).toMatchObject({ resourceType: "CapabilityStatement", fhirVersion: "4.0.1" });
    expect(metadata.rest[0].resource.map((r: { type: string }) => r.type)).toContain("Location");
  });

  it("imports the Organizations of a Bundle into another region, naming the entry and element of each error", async () => {
    const bundle = (await fhir(staff, "Bundle/directory")).body;
    bundle.entry.push({ resource: { resourceType: "Organization", name: "", type: [{ text: "Apotheek" }] } });
    const other = await world.as("b", "medewerker");
    const post = (query: string) =>
      world.inject(other, {
        method: "POST",
        url: `/api/v1/fhir/Bundle?${query}`,
        headers: { "content-type": "application/fhir+json" },
        payload: JSON.stringify(bundle),
      });
    const preview = (await post("dryRun=true")).json();
    const organisations = bundle.entry.filter(
      (e: Entry) => e.resource.resourceType === "Organization",
    ).length;
    expect(preview.rows).toBe(organisations);
    // The practice hangs under a WSV of region a, which region b does not have.
    const partOf = preview.errors.find((e: { field: string }) => e.field === "Organization.partOf");
    expect(partOf.message).toContain("bestaat niet in uw regio");
    expect(preview.errors.at(-1)).toMatchObject({ row: bundle.entry.length, field: "Organization.name" });

    const run = (await post("mode=valid")).json();
    expect(run).toMatchObject({ status: "imported", importedRows: preview.validRows });
    expect(resources((await fhir(other, "Organization?name=fhirstad")).body).map((r) => r.name)).toEqual([
      "WSV Fhirstad",
    ]);

    const notABundle = await world.inject(other, {
      method: "POST",
      url: "/api/v1/fhir/Bundle",
      headers: { "content-type": "application/fhir+json" },
      payload: JSON.stringify({ resourceType: "Patient" }),
    });
    // A FHIR client gets its errors as an OperationOutcome, naming the element in FHIRPath.
    expect(notABundle.statusCode).toBe(400);
    expect(notABundle.headers["content-type"]).toMatch(/^application\/fhir\+json/);
    expect(notABundle.json().resourceType).toBe("OperationOutcome");
    expect(notABundle.json().issue).toContainEqual(
      expect.objectContaining({ severity: "error", code: "invalid", expression: ["Bundle.resourceType"] }),
    );
    const unknown = await world.inject(other, {
      method: "GET",
      url: `/api/v1/fhir/Organization/${ids.practice}`,
      headers: { accept: "application/fhir+json" },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({
      resourceType: "OperationOutcome",
      issue: [{ code: "not-found" }],
    });
    // Anyone else keeps problem+json, as on the rest of the API.
    const plain = await world.inject(other, {
      method: "GET",
      url: `/api/v1/fhir/Organization/${ids.practice}`,
    });
    expect(plain.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });

  it("imports Practitioners and then their PractitionerRoles from the same Bundle, by BIG and AGB", async () => {
    const bundle = (await fhir(staff, "Bundle/directory")).body;
    // The practice comes without its partOf: region b has no part of region a's structure.
    for (const e of bundle.entry as Entry[]) delete e.resource.partOf;
    bundle.entry.push({
      resource: {
        resourceType: "PractitionerRole",
        practitioner: { reference: "Practitioner/00000000-0000-4000-8000-000000000000" },
        organization: { identifier: { system: "http://fhir.nl/fhir/NamingSystem/agb-z", value: "01234567" } },
      },
    });
    const other = await world.as("b", "medewerker");
    const post = (query: string) =>
      world.inject(other, {
        method: "POST",
        url: `/api/v1/fhir/Bundle?${query}`,
        headers: { "content-type": "application/fhir+json" },
        payload: JSON.stringify(bundle),
      });
    expect((await post("resource=Organization&mode=valid")).json()).toMatchObject({ status: "imported" });
    const people = (await post("resource=Practitioner&mode=valid")).json();
    expect(people).toMatchObject({ kind: "persons", status: "imported", importedRows: 2 });
    const olga = resources((await fhir(other, "Practitioner?identifier=12345678901")).body)[0]!;
    expect(olga.name).toEqual([{ use: "official", family: "van Dam", given: ["Olga"] }]);

    const preview = (await post("resource=PractitionerRole&dryRun=true")).json();
    expect(preview).toMatchObject({ rows: 2, validRows: 1 });
    expect(preview.errors).toEqual([
      expect.objectContaining({ row: bundle.entry.length, field: "PractitionerRole.practitioner" }),
    ]);
    const roles = (await post("resource=PractitionerRole&mode=valid")).json();
    expect(roles).toMatchObject({ kind: "workRelations", status: "imported", importedRows: 1 });
    const role = resources(
      (await fhir(other, `PractitionerRole?practitioner=Practitioner/${olga.id}`)).body,
    )[0]!;
    expect(role).toMatchObject({ period: { start: "2020-01-01" }, code: [{ text: "Huisarts" }] });
  });
});
