import { addDays, today } from "../../../shared/dates.js";
import type { BodyKind, SeatRole } from "../../../shared/governance.js";
import type { Discipline } from "../../../shared/network.js";
import type { Ctx } from "../../platform/context.js";
import { createOrganisation, listOrganisations } from "../network/organisations-service.js";
import { createPerson } from "../network/persons-service.js";
import { seedConsultationsDemo } from "./consultations-demo.js";
import { createMandate } from "./mandates-service.js";
import { seedMeetingsDemo } from "./meetings-demo.js";
import { appoint, createBody, createSeat } from "./service.js";

/**
 * The demo region's governance as Zuid-Holland Noord set it up: a bestuur; a medische raad with a
 * representative of each monodisciplinaire vereniging and a medisch adviseur (the diëtisten's
 * seat vacant, one term ending soon); a stuurgroep of the zorggroepen's bestuurders with the
 * gemeente and the zorgverzekeraar; a transitieteam; a werkgroep per beleidsterrein. Names are
 * fictional.
 */
/** Beleidsterrein, the werkgroep's code in its decision numbers (six werkgroepen cannot all be WG), chair. */
const POLICY_AREAS: [string, string, [string, string, Discipline] | null][] = [
  ["Arbeidsmarkt", "WGAM", ["Mirjam", "Hoekstra", "practice_manager"]],
  ["Deskundigheidsbevordering", "WGDB", ["Gijs", "van der Linden", "general_practitioner"]],
  ["ICT", "WGICT", null],
  ["Kwaliteit", "WGKW", ["Esther", "Koning", "practice_nurse_somatic"]],
  ["Zorgvernieuwing", "WGZV", ["Bas", "Willems", "physiotherapist"]],
  ["Transmurale afspraken", "WGTA", ["Hanneke", "Post", "elderly_care_physician"]],
];

const VERENIGINGEN: { name: string; discipline: Discipline; holder?: [string, string] }[] = [
  {
    name: "Huisartsenvereniging Holland Rijnland",
    discipline: "general_practitioner",
    holder: ["Marloes", "Verbeek"],
  },
  { name: "Apothekersvereniging Rijnland", discipline: "pharmacist", holder: ["Joost", "Vermeulen"] },
  { name: "Fysiotherapeutenvereniging Rijnland", discipline: "physiotherapist", holder: ["Iris", "Kuipers"] },
  { name: "Verloskundigenkring Leiden e.o.", discipline: "midwife", holder: ["Lotte", "Schouten"] },
  { name: "Diëtistennetwerk Holland Rijnland", discipline: "dietitian" },
];

export async function seedGovernanceDemo(ctx: Ctx, publicUrl: string) {
  const year = new Date().getUTCFullYear();
  const person = (givenName: string, familyName: string, disciplines: Discipline[] = [], email?: string) =>
    createPerson(ctx, {
      givenName,
      familyName,
      disciplines,
      visibility: "partners",
      email: email ?? `${givenName}.${familyName}@organen.zhn.demo`.toLowerCase().replace(/\s+/g, ""),
    }).then((p) => p.id);
  const body = (
    kind: BodyKind,
    name: string,
    purpose: string,
    extra: { policyArea?: string; quorumPercent?: number; code?: string } = {},
  ) => createBody(ctx, { kind, name, purpose, ...extra }).then((b) => b.id);
  const seat = async (
    bodyId: string,
    role: SeatRole,
    holder: string | null,
    represents: { organisationId?: string; discipline?: Discipline; constituency?: string } = {},
    startDate = `${year - 1}-01-01`,
  ) => {
    const s = await createSeat(ctx, bodyId, {
      role,
      representsOrganisationId: represents.organisationId ?? null,
      representsDiscipline: represents.discipline ?? null,
      representsConstituency: represents.constituency ?? null,
      termYears: 3,
      maxTerms: 2,
    });
    if (holder) await appoint(ctx, s.id, { personId: holder, startDate });
    return s.id;
  };

  const board = await body(
    "board",
    "Bestuur",
    "Bestuurt de coöperatie en legt verantwoording af aan de ALV.",
  );
  await seat(board, "chair", await person("Hendrik", "van Dalen", ["general_practitioner"]));
  await seat(board, "secretary", await person("Sanne", "Bosman", ["practice_manager"]));
  await seat(board, "treasurer", await person("Pieter", "Groenewegen"));
  const assembly = await body(
    "general_assembly",
    "Algemene ledenvergadering",
    "De leden besluiten over statuten, begroting en regioplan.",
    { quorumPercent: 50 },
  );

  const council = await body(
    "medical_council",
    "Medische raad",
    "Adviseert het bestuur gevraagd en ongevraagd over de inhoud van zorg, namens de disciplines.",
    { quorumPercent: 50 },
  );
  const existing = (await listOrganisations(ctx, { kind: "professional_association", limit: 50 })).items;
  await seat(council, "chair", await person("Annelies", "de Ruiter", ["general_practitioner"]));
  for (const [i, v] of VERENIGINGEN.entries()) {
    const organisationId =
      existing.find((o) => o.name === v.name)?.id ??
      (await createOrganisation(ctx, { kind: "professional_association", name: v.name })).id;
    const holder = v.holder ? await person(v.holder[0], v.holder[1], [v.discipline]) : null;
    // The fysiotherapeuten's representative started three years ago: her term ends within 90 days.
    const seatId = await seat(
      council,
      "member",
      holder,
      { organisationId },
      i === 2 ? startingSoonToEnd() : undefined,
    );
    if (!holder) {
      // The diëtisten's representative stepped down last month, so the seat is vacant; a candidate
      // is known to the bureau but not yet appointed.
      await appoint(ctx, seatId, {
        personId: await person("Yvonne", "Maas", [v.discipline]),
        startDate: `${year - 2}-01-01`,
        endDate: addDays(today(), -30),
      });
      await person("Naima", "Boukhari", [v.discipline]);
    }
  }
  await seat(council, "advisor", await person("Wouter", "Brink", ["general_practitioner"]));

  const steering = await body(
    "steering_group",
    "Stuurgroep",
    "De bestuurders sturen samen de transitie naar één coöperatie.",
    { quorumPercent: 50 },
  );
  const careGroups = (await listOrganisations(ctx, { kind: "care_group", limit: 50 })).items;
  const directors = ["Karin Vos", "Daan Mulder", "Noor Peters", "Olaf Hendriks"];
  for (const [i, g] of careGroups.slice(0, 4).entries()) {
    const [given, family] = directors[i]!.split(" ") as [string, string];
    await seat(steering, i === 0 ? "chair" : "member", await person(given, family), { organisationId: g.id });
  }
  for (const [kind, given, family] of [
    ["municipality", "Eva", "Dijkstra"],
    ["health_insurer", "Thijs", "Bakker"],
  ] as const) {
    const [partner] = (await listOrganisations(ctx, { kind, limit: 1 })).items;
    if (partner) await seat(steering, "advisor", await person(given, family), { organisationId: partner.id });
  }
  // Two representatives for all ouderenzorg and wijkverpleging providers, large and small, each
  // with a mandate from those providers.
  const careProviders = [
    ...(await listOrganisations(ctx, { kind: "elderly_care", limit: 50 })).items,
    ...(await listOrganisations(ctx, { kind: "district_nursing", limit: 50 })).items,
  ].map((o) => o.id);
  for (const name of ["Zorgcentrum De Vliet", "Woonzorg Het Hof"])
    careProviders.push((await createOrganisation(ctx, { kind: "elderly_care", name })).id);
  for (const [given, family] of [
    ["Margreet", "Huisman"],
    ["Kees", "van Wijk"],
  ] as const) {
    const constituency = "Ouderenzorg en wijkverpleging, groot en klein";
    const holder = await person(given, family);
    const seatId = await seat(steering, "member", holder, { constituency });
    await createMandate(ctx, {
      personId: holder,
      seatId,
      constituency,
      scope: "Spreekt en besluit in de stuurgroep over de transitie, na afstemming met de achterban.",
      validFrom: `${year - 1}-01-01`,
      validTo: `${year + 1}-12-31`,
      organisationIds: careProviders,
    });
  }

  const transition = await body(
    "transition_team",
    "Transitieteam",
    "Professionele leiders en veranderaars die de samenwerking in de wijken op gang brengen.",
  );
  await seat(transition, "chair", await person("Femke", "Jacobs", ["practice_manager"]));
  await seat(transition, "member", await person("Ruben", "Smit", ["general_practitioner"]), {
    discipline: "general_practitioner",
  });
  await seat(transition, "member", await person("Ilse", "de Graaf", ["district_nurse"]), {
    discipline: "district_nurse",
  });

  // A werkgroep per beleidsterrein, each chaired by a professional; the ICT chair is vacant. The
  // demo member (lid@zhn.demo) sits in the werkgroep deskundigheidsbevordering.
  const groups: Record<string, string> = {};
  for (const [area, code, chair] of POLICY_AREAS) {
    const group = await body(
      "working_group",
      `Werkgroep ${area}`,
      `Werkt het beleidsterrein ${area.toLowerCase()} uit.`,
      {
        policyArea: area,
        code,
      },
    );
    groups[area] = group;
    await seat(group, "chair", chair ? await person(chair[0], chair[1], [chair[2]]) : null);
  }
  const memberOfDemo = await person("Marieke", "Visser", ["general_practitioner"], "lid@zhn.demo");
  await seat(groups.Deskundigheidsbevordering!, "member", memberOfDemo);

  // The ALV: one seat per member practice, held by one of its huisartsen; the demo member holds
  // the first.
  const practices = (
    await listOrganisations(ctx, { kind: "general_practice", limit: ALV_MEMBERS.length + 1 })
  ).items;
  for (const [i, organisationId] of practices.map((o) => o.id).entries()) {
    const name = ALV_MEMBERS[i - 1];
    const holder = name ? await person(name[0], name[1], ["general_practitioner"]) : memberOfDemo;
    await seat(assembly, "member", holder, { organisationId });
  }

  await seedMeetingsDemo(ctx, { council, steering, learning: groups.Deskundigheidsbevordering! });
  await seedConsultationsDemo(
    ctx,
    { quality: groups.Kwaliteit!, labour: groups.Arbeidsmarkt!, steering, member: memberOfDemo },
    publicUrl,
  );
}

/** Huisartsen who hold the ALV seats of their practices (fictional). */
const ALV_MEMBERS = [
  ["Jeroen", "Zwanenburg"],
  ["Lotte", "Wijnands"],
  ["Ahmed", "Bakkali"],
  ["Esther", "Wiersma"],
  ["Thijs", "Brugman"],
  ["Merel", "Tielemans"],
  ["Bart", "Tuinstra"],
] as const;

/** A start date three years ago plus a month: a three-year term that ends within 90 days. */
function startingSoonToEnd() {
  const d = new Date(addDays(today(), 30));
  d.setUTCFullYear(d.getUTCFullYear() - 3);
  return d.toISOString().slice(0, 10);
}
