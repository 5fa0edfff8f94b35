import { and, eq } from "drizzle-orm";
import { addDays, netherlandsMoment, today } from "../../../shared/dates.js";
import type { AgendaItemKind } from "../../../shared/governance.js";
import type { Ctx } from "../../platform/context.js";
import { addActionItem, recordDecision } from "./decisions-service.js";
import { meetings } from "./meetings-schema.js";
import {
  addAgendaItem,
  approveMinutes,
  createMeeting,
  recordAttendance,
  saveMinutes,
} from "./meetings-service.js";

type Item = [title: string, kind: AgendaItemKind, minutes: number, confidential?: boolean];

const COUNCIL_AGENDA: Item[] = [
  ["Opening, mededelingen en vaststellen agenda", "information", 10],
  ["Verslag en besluitenlijst vorige vergadering", "decision", 10],
  ["Adviesnotitie wondzorg in de wijk", "decision", 35],
  ["Regionale afspraken medicatieoverdracht", "discussion", 30],
  ["Rondvraag en sluiting", "information", 10],
];

const PAST_MINUTES = `## 1. Opening en mededelingen

De voorzitter opent de vergadering om 19.30 uur en heet iedereen welkom.

## 3. Adviesnotitie wondzorg in de wijk

De werkgroep licht de notitie toe. Aandachtspunten:

- de rol van de wijkverpleging bij complexe wonden;
- scholing voor praktijkondersteuners.

De raad adviseert positief (besluit hieronder).

## 4. Regionale afspraken medicatieoverdracht

Bespreking van het concept. De apothekers verzamelen reacties uit hun kring.

## 5. Rondvraag en sluiting

Geen vragen. De voorzitter sluit om 21.15 uur.
`;

/**
 * Meetings in the demo region: the medische raad met last month (sent, attendance and minutes
 * recorded) and meets again in two weeks (agenda ready, not yet sent); the stuurgroep met twice
 * (decisions and actions on the lists) and meets next month with a confidential item; the werkgroep deskundigheidsbevordering, in which the demo member sits,
 * meets in ten days online.
 */
export async function seedMeetingsDemo(
  ctx: Ctx,
  bodies: { council: string; steering: string; learning: string },
) {
  const plan = async (
    bodyId: string,
    title: string,
    day: string,
    times: [string, string],
    place: { location?: string; onlineUrl?: string },
    items: Item[],
  ) => {
    let meeting = await createMeeting(ctx, {
      bodyId,
      title,
      startsAt: netherlandsMoment(day, times[0]),
      endsAt: netherlandsMoment(day, times[1]),
      ...place,
    });
    for (const [itemTitle, kind, minutesAllotted, confidential] of items)
      meeting = await addAgendaItem(ctx, meeting.id, {
        agendaVersion: meeting.agendaVersion,
        title: itemTitle,
        kind,
        minutesAllotted,
        confidential: confidential ?? false,
      });
    return meeting;
  };
  const office = { location: "Regiokantoor, Stationsplein 12, Leiden" };

  const past = await plan(
    bodies.council,
    "Vergadering medische raad",
    addDays(today(), -30),
    ["19:30", "21:30"],
    office,
    COUNCIL_AGENDA,
  );
  // Sent back then; everyone but one came.
  await ctx.tx
    .update(meetings)
    .set({ sentAt: new Date(Date.parse(past.startsAt) - 14 * 86_400_000), icalSequence: 1 })
    .where(and(eq(meetings.regionId, ctx.actor.regionId), eq(meetings.id, past.id)));
  await recordAttendance(
    ctx,
    past.id,
    past.members.map((m, i) => ({ personId: m.personId, status: i === 1 ? "excused" : "present" })),
  );
  // Its minutes are written; decisions, actions and the approval are the secretary's next step.
  await saveMinutes(ctx, past.id, { minutesVersion: 1, text: PAST_MINUTES });
  await plan(bodies.council, "Vergadering medische raad", addDays(today(), 14), ["19:30", "21:30"], office, [
    ...COUNCIL_AGENDA.slice(0, 2),
    ["Kaderdocument GLI en leefstijl", "decision", 30],
    ["Terugkoppeling stuurgroep", "information", 15],
    COUNCIL_AGENDA.at(-1)!,
  ]);
  // The stuurgroep met twice: the first meeting's minutes were approved in the second, whose
  // decisions and actions are on the lists.
  const steeringAgenda: Item[] = [
    ["Opening en mededelingen", "information", 10],
    ["Voortgang fusie zorggroepen", "discussion", 40],
    ["Begroting transformatiegelden", "decision", 30],
  ];
  const steeringTimes: [string, string] = ["16:00", "18:00"];
  const first = await plan(
    bodies.steering,
    "Stuurgroep transitie",
    addDays(today(), -70),
    steeringTimes,
    office,
    steeringAgenda,
  );
  const second = await plan(
    bodies.steering,
    "Stuurgroep transitie",
    addDays(today(), -35),
    steeringTimes,
    office,
    steeringAgenda,
  );
  for (const [meeting, text] of [
    [first, "De stuurgroep stelt het transitieplan voor één coöperatie vast."],
    [first, "De vier zorggroepen dragen elk een kwartiermaker voor."],
    [second, "De begroting transformatiegelden wordt ter besluitvorming aan de ALV voorgelegd."],
  ] as const)
    await recordDecision(ctx, meeting.id, { text, agendaItemId: meeting.agenda.at(-1)!.id });
  const opening = "## Opening\n\nDe voorzitter opent de vergadering.\n";
  await saveMinutes(ctx, first.id, { minutesVersion: 1, text: opening });
  await approveMinutes(ctx, first.id, { approvedInMeetingId: second.id });
  await saveMinutes(ctx, second.id, { minutesVersion: 1, text: opening });
  for (const [who, description, due] of [
    [second.members[0], "Conceptstatuten coöperatie laten opstellen", addDays(today(), -5)],
    [second.members[1], "Zorgverzekeraar informeren over de begroting", addDays(today(), 12)],
    [second.members[2], "Communicatieplan voor de leden", addDays(today(), 30)],
  ] as const)
    if (who) await addActionItem(ctx, second.id, { description, ownerPersonId: who.personId, dueDate: due });
  await plan(bodies.steering, "Stuurgroep transitie", addDays(today(), 35), ["16:00", "18:00"], office, [
    ["Opening en mededelingen", "information", 10],
    ["Voortgang fusie zorggroepen", "discussion", 40],
    ["Benoeming kwartiermaker coöperatie", "decision", 30, true],
    ["Begroting transformatiegelden 2027", "decision", 30],
  ]);
  await plan(
    bodies.learning,
    "Werkgroep deskundigheidsbevordering",
    addDays(today(), 10),
    ["12:30", "13:30"],
    { onlineUrl: "https://vergaderen.example.org/deskundigheid" },
    [
      ["Scholingsaanbod voorjaar", "discussion", 30],
      ["Toetsgroepen farmacotherapie", "information", 20],
    ],
  );
}
