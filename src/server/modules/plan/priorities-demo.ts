import type { ActionStatus } from "../../../shared/plan.js";
import type { Ctx } from "../../platform/context.js";
import { createBody } from "../governance/service.js";
import { listOrganisations } from "../network/organisations-service.js";
import { addWorkRelation, createPerson } from "../network/persons-service.js";
import { createAction, updateAction } from "./actions-service.js";
import {
  addTopic,
  createPrioritisation,
  decide,
  setScores,
  updatePrioritisation,
  updatePriority,
} from "./priorities-service.js";
import { createSuccess } from "./successes-service.js";

/** The topics the Katwijk alliance gathered, and who brought each in. */
const TOPICS: [string, string, string][] = [
  [
    "Gezond rondkomen",
    "Geldzorgen en schulden maken ziek; signaleren in de praktijk en doorverwijzen.",
    "Gemeente Katwijk",
  ],
  [
    "Eenzaamheid onder ouderen",
    "Ouderen die alleen wonen en weinig contacten hebben, eerder in beeld.",
    "Welzijn Rijnstreek",
  ],
  ["Bewegen en gezond gewicht bij kinderen", "Samen met scholen en sportverenigingen.", "Gemeente Katwijk"],
  [
    "Mentale gezondheid van jongeren",
    "Snellere hulp zonder lange wachtlijst in de GGZ.",
    "Zorgverzekeraar Westland Zorg",
  ],
  [
    "Valpreventie",
    "Valrisico vroeg herkennen en oefenprogramma's in de wijk.",
    "Zorgverzekeraar Westland Zorg",
  ],
  ["Mantelzorg ontlasten", "Respijtzorg en steun voor wie voor een naaste zorgt.", "Welzijn Rijnstreek"],
  ["Laaggeletterdheid", "Zorginformatie die iedereen begrijpt.", "Gemeente Katwijk"],
];

/** How each participant divided their ten points (by topic number). */
const POINTS: number[][] = [
  [4, 2, 2, 0, 0, 1, 1],
  [3, 3, 0, 2, 2, 0, 0],
  [2, 3, 0, 2, 3, 0, 0],
  [1, 3, 1, 3, 0, 2, 0],
  [3, 2, 0, 1, 2, 2, 0],
];

/** Two actions per speerpunt: what, which organisation, who, by when, how far, where. */
const ACTIONS: [string, string, number, string, ActionStatus, string | null][][] = [
  [
    [
      "Werkinstructie voor signaleren van geldzorgen in de huisartsenpraktijk",
      "WSV Katwijk",
      0,
      "2026-10-01",
      "done",
      null,
    ],
    [
      "Spreekuur schuldhulp in het gezondheidscentrum",
      "Gemeente Katwijk",
      0,
      "2027-02-01",
      "in_progress",
      "WK053702",
    ],
  ],
  [
    [
      "Huisbezoeken 75-plussers door de POH-ouderen",
      "Welzijn Rijnstreek",
      2,
      "2026-11-15",
      "in_progress",
      "WK053700",
    ],
    ["Wijkactiviteitenkaart in de wachtkamers", "Welzijn Rijnstreek", 2, "2027-03-01", "open", null],
  ],
  [
    ["Valrisicotest in elke apotheek", "Zorgverzekeraar Westland Zorg", 1, "2027-01-15", "open", null],
    ["Oefengroep In Balans in Katwijk aan Zee", "Welzijn Rijnstreek", 2, "2027-04-01", "open", "WK053700"],
  ],
  [
    [
      "Praktijkondersteuner jeugd in twee WSV's",
      "Zorgverzekeraar Westland Zorg",
      1,
      "2027-06-01",
      "open",
      null,
    ],
    [
      "Afspraken over snelle doorverwijzing met de GGZ",
      "Zorgverzekeraar Westland Zorg",
      1,
      "2026-09-30",
      "open",
      null,
    ],
  ],
];

/**
 * The Katwijk alliance of zorggroep, gemeente, verzekeraar and welzijn: seven topics gathered,
 * five participants' points, four speerpunten chosen, each with two actions (one waiting for
 * another, one overdue). The demo partner and wijkcoördinator accounts are people in it.
 */
/** The resultaatgebied of the demo regioplan each speerpunt contributes to (gezond rondkomen: none yet). */
const CONTRIBUTES_TO: Record<string, string> = {
  "Eenzaamheid onder ouderen": "Kwetsbare ouderen in beeld",
  Valpreventie: "Kwetsbare ouderen in beeld",
  "Mentale gezondheid van jongeren": "Juiste zorg op de juiste plek",
};

export async function seedPrioritiesDemo(ctx: Ctx, resultAreaOf: (name: string) => string | undefined) {
  const organisation = async (name: string) =>
    (await listOrganisations(ctx, { q: name, limit: 1 })).items[0]!;
  const gemeente = await organisation("Gemeente Katwijk");
  const wsv = await organisation("WSV Katwijk");
  const person = async (givenName: string, familyName: string, at: string, fn: string, email?: string) => {
    const made = await createPerson(ctx, {
      givenName,
      familyName,
      email:
        email ?? `${givenName}.${familyName}@alliantie-katwijk.example.nl`.toLowerCase().replace(/\s+/g, ""),
      visibility: "partners",
    });
    await addWorkRelation(ctx, made.id, {
      organisationId: (await organisation(at)).id,
      function: fn,
      fromDate: "2024-01-01",
    });
    return made.id;
  };
  // The demo accounts of the gemeente partner and the wijkcoördinator (same e-mail address).
  const participants = [
    await person("Thomas", "Mulder", gemeente.name, "Beleidsadviseur gezondheid", "partner@zhn.demo"),
    await person("Karin", "de Wit", "Zorgverzekeraar Westland Zorg", "Zorginkoper eerste lijn"),
    await person("Hanneke", "Verhoef", "Welzijn Rijnstreek", "Opbouwwerker"),
    await person("Anouk", "Jansen", wsv.name, "Wijkcoördinator", "wijkcoordinator@zhn.demo"),
    await person("Ahmed", "Bouzid", "Huisartsenpost Duin- en Bollenstreek", "Huisarts"),
  ];
  const alliance = await createBody(ctx, {
    kind: "alliance",
    name: "Alliantie Gezond Katwijk",
    purpose: "Zorggroep, gemeente, zorgverzekeraar en welzijn werken samen aan de gezondheid van Katwijkers.",
  });
  const p = await createPrioritisation(ctx, {
    title: "Speerpunten Alliantie Gezond Katwijk 2026–2027",
    description: "Uit de onderwerpen die de partners aandroegen kiest de alliantie vier speerpunten.",
    bodyId: alliance.id,
  });
  const topicIds: string[] = [];
  for (const [title, description, by] of TOPICS)
    topicIds.push(
      (
        await addTopic(ctx, p.id, {
          title,
          description,
          proposedByOrganisationId: (await organisation(by)).id,
        })
      ).id,
    );
  const scoring = await updatePrioritisation(ctx, p.id, { status: "scoring", version: p.version });
  for (const [i, personId] of participants.entries())
    await setScores(
      ctx,
      p.id,
      personId,
      POINTS[i]!.map((points, t) => ({ topicId: topicIds[t]!, points })),
    );
  // Gezond rondkomen, eenzaamheid, valpreventie and mentale gezondheid: the four most supported.
  const decided = await decide(ctx, p.id, {
    version: scoring.version,
    topicIds: [0, 1, 4, 3].map((t) => topicIds[t]!),
  });
  for (const [s, speerpunt] of decided.priorities.entries()) {
    const resultAreaId = resultAreaOf(CONTRIBUTES_TO[speerpunt.title] ?? "");
    if (resultAreaId) await updatePriority(ctx, speerpunt.id, { version: speerpunt.version, resultAreaId });
    let previous: string | undefined;
    for (const [title, owner, who, dueDate, status, wijkCode] of ACTIONS[s]!) {
      const made = await createAction(ctx, {
        priorityId: speerpunt.id,
        title,
        ownerOrganisationId: (await organisation(owner)).id,
        ownerPersonId: participants[who]!,
        dueDate,
        wijkCode,
        // The second action of "gezond rondkomen" waits for the first.
        dependsOnIds: s === 0 && previous ? [previous] : [],
      });
      if (status !== "open") await updateAction(ctx, made.id, { status, version: made.version });
      previous = made.id;
    }
  }
}

/** Successes the demo region shares on its wall. */
export async function seedSuccessesDemo(ctx: Ctx, projectIdOf: (name: string) => string | undefined) {
  const stories: [string, string, string, string | null][] = [
    [
      "Eerste oefengroep valpreventie zit vol",
      "Twaalf ouderen uit Katwijk aan Zee oefenen nu elke dinsdag in het buurthuis, begeleid door een fysiotherapeut. De huisartsen verwezen, de gemeente regelde de zaal.",
      "2026-10-08",
      "Valpreventie Katwijk",
    ],
    [
      "Verwijsportaal in gebruik bij alle praktijken",
      "Sinds deze maand verwijzen alle praktijken in de regio via één portaal naar het ziekenhuis. Geen faxen meer.",
      "2026-09-15",
      "Eén verwijsportaal met het ziekenhuis",
    ],
    [
      "Spreekuur schuldhulp in het gezondheidscentrum",
      "De gemeente houdt nu wekelijks spreekuur in het gezondheidscentrum. In de eerste maand kwamen 23 mensen, de meesten verwezen door hun huisarts.",
      "2026-11-02",
      null,
    ],
  ];
  for (const [title, story, happenedOn, project] of stories)
    await createSuccess(ctx, {
      title,
      story,
      happenedOn,
      projectId: project ? (projectIdOf(project) ?? null) : null,
    });
}
