import { readFileSync } from "node:fs";
import type { Discipline, OrganisationKind, PersonVisibility } from "../../../shared/network.js";
import type { Ctx } from "../../platform/context.js";
import { fromRoot } from "../../platform/paths.js";
import { readTable } from "../../platform/tabular.js";
import { importAreas } from "./areas-import.js";
import { setCoverage } from "./areas-service.js";
import { addMembership } from "./memberships-service.js";
import { createOrganisation } from "./organisations-service.js";
import { addWorkRelation, createPerson } from "./persons-service.js";
import { setSocialMapSettings } from "./social-map-service.js";

/**
 * The demo region's network: a coöperatie with its WSVs in the real gemeenten of Zuid-Holland
 * Noord, the four zorggroepen that are merging into it, practices in each WSV and the partners at
 * the table. Names, addresses and numbers are fictional.
 */
/** Each WSV with the wijken (by name, from demo-wijken.csv) it covers; none: its whole gemeente. */
const WSVS: { name: string; city: string; gm: string; postcode: number; wijken?: string[] }[] = [
  {
    name: "Katwijk",
    city: "Katwijk",
    gm: "GM0537",
    postcode: 2221,
    wijken: ["Katwijk aan Zee", "Katwijk aan den Rijn", "Katwijk-Noord"],
  },
  {
    name: "Rijnsburg-Valkenburg",
    city: "Rijnsburg",
    gm: "GM0537",
    postcode: 2231,
    wijken: ["Rijnsburg", "Valkenburg"],
  },
  { name: "Noordwijk", city: "Noordwijk", gm: "GM0575", postcode: 2201 },
  { name: "Oegstgeest", city: "Oegstgeest", gm: "GM0579", postcode: 2341 },
  {
    name: "Leiden Noord",
    city: "Leiden",
    gm: "GM0546",
    postcode: 2315,
    wijken: ["Binnenstad-Noord", "Leiden-Noord", "Stationsdistrict", "Morsdistrict", "Stevenshof"],
  },
  {
    name: "Leiden Zuid",
    city: "Leiden",
    gm: "GM0546",
    postcode: 2316,
    wijken: ["Binnenstad-Zuid", "Roodenburgerdistrict", "Bos- en Gasthuisdistrict", "Boerhaavedistrict"],
  },
  { name: "Merenwijk", city: "Leiden", gm: "GM0546", postcode: 2318, wijken: ["Merenwijk"] },
  { name: "Leiderdorp", city: "Leiderdorp", gm: "GM0547", postcode: 2351 },
  { name: "Voorschoten", city: "Voorschoten", gm: "GM0626", postcode: 2251 },
  { name: "Zoeterwoude", city: "Zoeterwoude", gm: "GM0638", postcode: 2381 },
  {
    name: "Alphen Noord",
    city: "Alphen aan den Rijn",
    gm: "GM0484",
    postcode: 2401,
    wijken: ["Alphen-Centrum", "Ridderveld", "Ouderijn", "Aarlanderveen"],
  },
  {
    name: "Alphen Zuid",
    city: "Alphen aan den Rijn",
    gm: "GM0484",
    postcode: 2406,
    wijken: ["Kerk en Zanen", "Oudshoorn", "Hoorn", "Boskoop", "Hazerswoude-Dorp"],
  },
  { name: "Kaag en Braassem", city: "Roelofarendsveen", gm: "GM1884", postcode: 2371 },
  { name: "Nieuwkoop", city: "Nieuwkoop", gm: "GM0569", postcode: 2421 },
  { name: "Lisse", city: "Lisse", gm: "GM0553", postcode: 2161 },
  { name: "Hillegom", city: "Hillegom", gm: "GM0534", postcode: 2181 },
  { name: "Teylingen", city: "Sassenheim", gm: "GM1525", postcode: 2171 },
];
const STREETS = ["Hoofdstraat", "Kerkstraat", "Molenweg", "Dorpsstraat", "Julianalaan", "Rijnstraat"];
const PRACTICES: { kind: OrganisationKind; name: (city: string, i: number) => string; agb: string }[] = [
  { kind: "general_practice", name: (c) => `Huisartsenpraktijk ${c} Centrum`, agb: "01" },
  {
    kind: "general_practice",
    name: (c, i) => `Huisartsen De ${["Linde", "Eik", "Beuk", "Wilg"][i % 4]} ${c}`,
    agb: "01",
  },
  { kind: "pharmacy", name: (c) => `Apotheek ${c}`, agb: "02" },
  { kind: "physiotherapy", name: (c) => `Fysiotherapie ${c}`, agb: "04" },
];
// Who works in each kind of practice: discipline and function.
const STAFF: Partial<Record<OrganisationKind, { discipline: Discipline; function: string; fte: number }[]>> =
  {
    general_practice: [
      { discipline: "general_practitioner", function: "Huisarts", fte: 0.8 },
      { discipline: "general_practitioner", function: "Huisarts", fte: 0.6 },
      { discipline: "practice_nurse_somatic", function: "POH-S", fte: 0.5 },
    ],
    pharmacy: [{ discipline: "pharmacist", function: "Apotheker", fte: 1 }],
    physiotherapy: [{ discipline: "physiotherapist", function: "Fysiotherapeut", fte: 0.8 }],
  };
const GIVEN =
  "Marieke,Joost,Anouk,Pieter,Sanne,Bram,Fleur,Daan,Lotte,Thijs,Esther,Ruben,Ilse,Wouter,Nina".split(",");
const FAMILY: [string | null, string][] = [
  [null, "Visser"],
  ["de", "Jong"],
  ["van", "Dijk"],
  [null, "Bakker"],
  ["van der", "Meer"],
  [null, "Janssen"],
  ["de", "Boer"],
  [null, "Mulder"],
  ["van den", "Heuvel"],
  [null, "Smit"],
  [null, "Kramer"],
  ["de", "Graaf"],
];
const VISIBILITY: PersonVisibility[] = ["partners", "members", "members", "bureau"];

const CARE_GROUPS = ["Rijn en Duin", "Bollenstreek", "Leiden en Omstreken", "Groene Hart"];
const PARTNERS: { kind: OrganisationKind; name: string; city: string; gm: string }[] = [
  { kind: "hospital", name: "Ziekenhuis Oude Rijn", city: "Leiden", gm: "GM0546" },
  { kind: "gp_out_of_hours", name: "Huisartsenpost Duin- en Bollenstreek", city: "Katwijk", gm: "GM0537" },
  { kind: "elderly_care", name: "VVT De Zorgtuin", city: "Leiderdorp", gm: "GM0547" },
  { kind: "district_nursing", name: "Thuiszorg Holland Rijnland", city: "Alphen aan den Rijn", gm: "GM0484" },
  { kind: "municipality", name: "Gemeente Katwijk", city: "Katwijk", gm: "GM0537" },
  { kind: "health_insurer", name: "Zorgverzekeraar Westland Zorg", city: "Leiden", gm: "GM0546" },
  { kind: "social_domain", name: "Welzijn Rijnstreek", city: "Alphen aan den Rijn", gm: "GM0484" },
  {
    kind: "professional_association",
    name: "Huisartsenvereniging Holland Rijnland",
    city: "Leiden",
    gm: "GM0546",
  },
];

export async function seedNetworkDemo(ctx: Ctx) {
  // The werkgebied comes in through the same import a bureau uses for CBS figures.
  const table = await readTable(readFileSync(fromRoot("src/server/modules/network/demo-wijken.csv")));
  await importAreas(ctx, table, { year: 2024, mode: "all", dryRun: false });
  const wijken = table.rows.filter((r) => r.cells[0]!.startsWith("WK"));
  const coop = await createOrganisation(ctx, {
    kind: "cooperative",
    name: "Coöperatie Eerstelijn Zuid-Holland Noord",
    visitStreet: "Stationsweg",
    visitHouseNumber: "5",
    visitPostcode: "2312 AS",
    visitCity: "Leiden",
    municipalityCode: "GM0546",
    website: "https://eerstelijn-zhn.example.nl",
  });
  const careGroups = [];
  for (const name of CARE_GROUPS)
    careGroups.push(await createOrganisation(ctx, { kind: "care_group", name: `Zorggroep ${name}` }));

  let n = 0;
  for (const [w, wsv] of WSVS.entries()) {
    const network = await createOrganisation(ctx, {
      kind: "neighbourhood_network",
      name: `WSV ${wsv.name}`,
      parentId: coop.id,
      visitCity: wsv.city,
      municipalityCode: wsv.gm,
    });
    const covered = wijken.filter(
      (r) => r.cells[0]!.slice(2, 6) === wsv.gm.slice(2) && (!wsv.wijken || wsv.wijken.includes(r.cells[1]!)),
    );
    await setCoverage(ctx, network.id, {
      version: network.version,
      wijkCodes: covered.map((r) => r.cells[0]!),
    });
    const [namePrefix, familyName] = FAMILY[(w * 5 + 3) % FAMILY.length]!;
    const coordinator = await createPerson(ctx, {
      givenName: GIVEN[(w * 4 + 2) % GIVEN.length]!,
      namePrefix,
      familyName,
      disciplines: [w % 3 === 0 ? "practice_manager" : "other"],
      email: `wijkcoordinator.${wsv.name.toLowerCase().replace(/[^a-z]+/g, "-")}@eerstelijn-zhn.example.nl`,
      visibility: "partners",
    });
    await addWorkRelation(ctx, coordinator.id, {
      organisationId: network.id,
      function: "Wijkcoördinator",
      fte: 0.4,
      fromDate: "2022-01-01",
    });
    for (const [p, practice] of PRACTICES.entries()) {
      if ((w + p) % 5 === 4) continue; // not every WSV has every discipline
      n++;
      const organisation = await createOrganisation(ctx, {
        kind: practice.kind,
        name: practice.name(wsv.name, w),
        parentId: network.id,
        visitStreet: STREETS[(w + p) % STREETS.length],
        visitHouseNumber: String(3 + ((w * 7 + p * 11) % 90)),
        visitPostcode: `${wsv.postcode + (p % 3)} ${"ABCEGHKLMN"[(w + p) % 10]}${"ABCEGHKLMN"[(w * 3 + p) % 10]}`,
        visitCity: wsv.city,
        municipalityCode: wsv.gm,
        wijkCode: covered[p % covered.length]?.cells[0],
        phone: `071 ${String(5000000 + n * 1237).slice(0, 3)} ${String(n * 37).padStart(4, "0")}`,
        agbCode: `${practice.agb}${String(100000 + n * 173).slice(-6)}`,
      });
      // The huisartsenpraktijken are members of one of the four zorggroepen that are merging.
      if (practice.kind === "general_practice")
        await addMembership(ctx, {
          organisationId: careGroups[w % careGroups.length]!.id,
          memberOrganisationId: organisation.id,
          startDate: "2012-01-01",
        });
      for (const [k, role] of (STAFF[practice.kind] ?? []).entries()) {
        const m = n * 3 + k;
        const [namePrefix, familyName] = FAMILY[m % FAMILY.length]!;
        const person = await createPerson(ctx, {
          givenName: GIVEN[(m * 7) % GIVEN.length]!,
          namePrefix,
          familyName,
          disciplines: [role.discipline],
          bigNumber: String(19000000000 + m * 7919).slice(0, 11),
          visibility: VISIBILITY[m % VISIBILITY.length],
        });
        const since = `${2010 + (m % 14)}-0${1 + (m % 9)}-01`;
        await addWorkRelation(ctx, person.id, {
          organisationId: organisation.id,
          function: role.function,
          fte: role.fte,
          fromDate: since,
        });
        await addMembership(ctx, {
          organisationId: network.id,
          memberPersonId: person.id,
          type: m % 7 === 0 ? "aspirant" : "member",
          startDate: since,
        });
      }
    }
  }
  for (const partner of PARTNERS)
    await createOrganisation(ctx, {
      kind: partner.kind,
      name: partner.name,
      visitCity: partner.city,
      municipalityCode: partner.gm,
    });
  // The demo shows the public sociale kaart too (/kaart/zhn).
  await setSocialMapSettings(ctx, { public: true, version: 0 });
}
