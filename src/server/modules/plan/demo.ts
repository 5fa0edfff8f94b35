import type { ProjectPhase, WorkLevel } from "../../../shared/plan.js";
import type { Ctx } from "../../platform/context.js";
import { listBodies } from "../governance/service.js";
import { createPerson } from "../network/persons-service.js";
import { addMeasurement, createKpi } from "./kpis-service.js";
import { seedPrioritiesDemo, seedSuccessesDemo } from "./priorities-demo.js";
import { createProgramme, createProject } from "./projects-service.js";
import { addArea, adoptPlan, createPlan, getPlan } from "./service.js";

/**
 * The demo region's regioplan 2025–2028, vastgesteld by the stuurgroep: the six beleidsterreinen
 * of Zuid-Holland Noord, each with the resultaatgebieden the werkgroepen work towards. Written
 * through the service, so the logboek shows it being built.
 */
const WORK_AGENDA: [string, string, [string, string][]][] = [
  [
    "Arbeidsmarkt",
    "Genoeg mensen om de zorg te blijven geven, nu de vraag groeit en de beroepsbevolking krimpt.",
    [
      ["Behoud van huisartsen en praktijkondersteuners", "Verloop onder de 10% per jaar in elke WSV."],
      ["Meer stage- en opleidingsplaatsen", "Elke WSV biedt plaatsen aan huisartsen in opleiding en POH's."],
      [
        "Taakherschikking",
        "Praktijkondersteuners en verpleegkundig specialisten nemen taken over waar dat kan.",
      ],
    ],
  ],
  [
    "Deskundigheidsbevordering",
    "Samen leren over de grenzen van de disciplines heen.",
    [
      ["Gezamenlijk scholingsaanbod", "Eén regionale scholingskalender voor alle disciplines."],
      ["Leerkringen per WSV", "Intervisie van huisarts, apotheker en paramedici in de wijk."],
    ],
  ],
  [
    "ICT",
    "Gegevens gaan mee met de patiënt; digitale zorg waar het kan.",
    [
      [
        "Eenduidige gegevensuitwisseling",
        "Huisarts, apotheek en ziekenhuis wisselen gegevens uit volgens landelijke afspraken.",
      ],
      ["Digitale zorg in elke praktijk", "E-consult en thuismeten zijn in elke praktijk beschikbaar."],
    ],
  ],
  [
    "Kwaliteit",
    "Dezelfde goede zorg, waar in de regio iemand ook woont.",
    [
      ["Regionale zorgstandaarden", "Chronische zorg (DM2, COPD, CVRM) volgens één regionale werkwijze."],
      ["Kwaliteit per WSV in beeld", "Elke WSV bespreekt twee keer per jaar zijn uitkomsten."],
    ],
  ],
  [
    "Zorgvernieuwing",
    "Zorg anders organiseren, dicht bij huis.",
    [
      [
        "Kwetsbare ouderen in beeld",
        "In elke wijk een casusoverleg van huisarts, wijkverpleging en sociaal domein.",
      ],
      ["Juiste zorg op de juiste plek", "Minder onnodige verwijzingen en SEH-bezoeken."],
    ],
  ],
  [
    "Transmurale afspraken",
    "Heldere afspraken tussen eerste en tweede lijn en de ouderenzorg.",
    [
      ["Verwijzen en terugverwijzen", "Afspraken met het ziekenhuis over wie wat doet na een behandeling."],
      [
        "Spoedzorg en ontslag",
        "Afspraken met de VVT over eerstelijnsverblijf en ontslag uit het ziekenhuis.",
      ],
    ],
  ],
];

export async function seedPlanDemo(ctx: Ctx) {
  const plan = await createPlan(ctx, {
    title: "Regioplan Zuid-Holland Noord",
    startYear: 2025,
    endYear: 2028,
    vision:
      "In 2030 krijgt iedere inwoner van Zuid-Holland Noord de eerstelijnszorg die hij nodig heeft, dicht bij huis, " +
      "ook nu de vraag groeit en er minder handen zijn.\n\n" +
      "Dat lukt alleen **samen**: huisartsen, apothekers, paramedici, wijkverpleging, ziekenhuis, gemeenten en " +
      "zorgverzekeraar werken vanuit de wijk aan dezelfde doelen.",
    ambitions:
      "- Elke inwoner heeft een vaste huisarts en een vast aanspreekpunt in de wijk\n" +
      "- Elke wijk heeft een werkend wijksamenwerkingsverband (WSV)\n" +
      "- De zorgkloof richting 2030 wordt kleiner, niet groter",
  });
  for (const [name, description, results] of WORK_AGENDA) {
    const area = await addArea(ctx, "policy_area", plan.id, { name, description });
    for (const [resultName, resultDescription] of results)
      await addArea(ctx, "result_area", area.id, { name: resultName, description: resultDescription });
  }
  const [stuurgroep] = await listBodies(ctx, { kind: "steering_group" });
  if (stuurgroep)
    await adoptPlan(ctx, plan.id, { bodyId: stuurgroep.id, adoptedOn: "2025-01-23", version: plan.version });
  const projectIds = await seedProjects(ctx, plan.id);
  const resultAreaOf = await resultAreasByName(ctx, plan.id);
  await seedKpis(ctx, resultAreaOf);
  await seedPrioritiesDemo(ctx, resultAreaOf);
  await seedSuccessesDemo(ctx, (name) => projectIds.get(name));
}

/**
 * Three indicators of the demo plan with measurements since the baseline: one on course, one
 * behind, one reached, and the first also per Katwijk wijk.
 */
const KPIS: [string, string, string, number, number, "up" | "down", [string, number][]][] = [
  [
    "Behoud van huisartsen en praktijkondersteuners",
    "Verloop huisartsen en POH's",
    "%",
    14,
    10,
    "down",
    [
      ["2025", 13.5],
      ["2026-Q1", 12.4],
      ["2026-Q2", 12.1],
      ["2026-Q3", 11.6],
    ],
  ],
  [
    "Kwetsbare ouderen in beeld",
    "Kwetsbare ouderen met een proactief zorgplan",
    "%",
    35,
    80,
    "up",
    [
      ["2025", 38],
      ["2026-Q1", 41],
      ["2026-Q2", 43],
      ["2026-Q3", 44],
    ],
  ],
  [
    "Eenduidige gegevensuitwisseling",
    "Praktijken aangesloten op het verwijsportaal",
    "aantal",
    40,
    120,
    "up",
    [
      ["2025", 86],
      ["2026-Q1", 104],
      ["2026-Q2", 118],
      ["2026-Q3", 123],
    ],
  ],
];
const KATWIJK: [string, number][] = [
  ["WK053700", 10.8],
  ["WK053701", 12.9],
  ["WK053702", 11.2],
];

/** The plan's resultaatgebieden by name, for the demo's KPIs and speerpunten. */
async function resultAreasByName(ctx: Ctx, planId: string) {
  const ids = new Map(
    (await getPlan(ctx, planId)).policyAreas.flatMap((a) =>
      a.resultAreas.map((r) => [r.name, r.id] as const),
    ),
  );
  return (name: string) => ids.get(name);
}

async function seedKpis(ctx: Ctx, resultAreaOf: (name: string) => string | undefined) {
  for (const [i, [result, name, unit, baseline, target, direction, values]] of KPIS.entries()) {
    const resultAreaId = resultAreaOf(result);
    if (!resultAreaId) continue;
    const kpi = await createKpi(ctx, { resultAreaId, name, unit, baseline, target, direction });
    for (const [period, value] of values) await addMeasurement(ctx, kpi.id, { period, value, unit });
    if (i === 0)
      for (const [wijkCode, value] of KATWIJK)
        await addMeasurement(ctx, kpi.id, { period: "2026-Q3", value, unit, wijkCode });
  }
}

/** Programmes with a few projects in different phases, each serving one of the plan's resultaatgebieden. */
const PROGRAMMES: {
  name: string;
  level: WorkLevel;
  description: string;
  projects: [string, ProjectPhase, string, string][];
}[] = [
  {
    name: "Kwetsbare ouderen",
    level: "district",
    description: "Proactieve zorg voor ouderen die thuis wonen, samen met wijkverpleging en sociaal domein.",
    projects: [
      [
        "Casusoverleg ouderen in elke wijk",
        "execution",
        "Werkgroep Zorgvernieuwing",
        "Kwetsbare ouderen in beeld",
      ],
      ["Valpreventie Katwijk", "preparation", "Werkgroep Zorgvernieuwing", "Kwetsbare ouderen in beeld"],
    ],
  },
  {
    name: "Digitalisering",
    level: "region",
    description: "Digitale zorg en gegevensuitwisseling in de hele regio.",
    projects: [
      ["Thuismeten bij hartfalen", "idea", "Werkgroep ICT", "Digitale zorg in elke praktijk"],
      [
        "Eén verwijsportaal met het ziekenhuis",
        "completion",
        "Werkgroep ICT",
        "Eenduidige gegevensuitwisseling",
      ],
    ],
  },
  {
    name: "Meer tijd voor de patiënt",
    level: "practice",
    description: "Praktijken maken tijd vrij door het werk anders te organiseren.",
    projects: [["Taakherschikking naar de POH", "execution", "Werkgroep Arbeidsmarkt", "Taakherschikking"]],
  },
];

/** The demo wijken (CBS codes of the demo werkgebied) some projects work in. */
const WIJKEN_OF: Record<string, string[]> = {
  "Valpreventie Katwijk": ["WK053700", "WK053701"],
};

async function seedProjects(ctx: Ctx, planId: string) {
  const resultId = new Map(
    (await getPlan(ctx, planId)).policyAreas.flatMap((a) =>
      a.resultAreas.map((r) => [r.name, r.id] as const),
    ),
  );
  const groupId = new Map((await listBodies(ctx, { kind: "working_group" })).map((b) => [b.name, b.id]));
  const projectIds = new Map<string, string>();
  // The leader of the fall prevention project, who is asked for its progress reports.
  const ellen = await createPerson(ctx, {
    givenName: "Ellen",
    namePrefix: "de",
    familyName: "Ruiter",
    email: "ellen.deruiter@eerstelijn-zhn.example.nl",
    disciplines: ["physiotherapist"],
    visibility: "partners",
  });
  for (const programme of PROGRAMMES) {
    const made = await createProgramme(ctx, {
      name: programme.name,
      level: programme.level,
      description: programme.description,
    });
    for (const [name, phase, group, result] of programme.projects) {
      const project = await createProject(ctx, {
        programmeId: made.id,
        name,
        level: programme.level,
        phase,
        workingGroupId: groupId.get(group) ?? null,
        leaderPersonId: name === "Valpreventie Katwijk" ? ellen.id : null,
        startDate: "2025-03-01",
        endDate: "2027-12-31",
        resultAreaIds: resultId.has(result) ? [resultId.get(result)!] : [],
        wijkCodes: WIJKEN_OF[name] ?? [],
      });
      projectIds.set(name, project.id);
    }
  }
  return projectIds;
}
