import { and, eq, sql } from "drizzle-orm";
import { addDays, today } from "../../../shared/dates.js";
import type { Discipline } from "../../../shared/network.js";
import type { Ctx } from "../../platform/context.js";
import { addMembership } from "../network/memberships-service.js";
import { listOrganisations } from "../network/organisations-service.js";
import { persons } from "../network/schema.js";
import { listInvitees, respond } from "./consultation-responses.js";
import { advanceConsultation, createConsultation } from "./consultations-service.js";

/** The verenigingen whose members are the professionals of their discipline. */
const MEMBERS_OF: [vereniging: string, discipline: Discipline][] = [
  ["Huisartsenvereniging Holland Rijnland", "general_practitioner"],
  ["Apothekersvereniging Rijnland", "pharmacist"],
  ["Fysiotherapeutenvereniging Rijnland", "physiotherapist"],
];

/** Support per discipline in the demo round: the huisartsen are for, the fysiotherapeuten doubt. */
const LEANING: Partial<Record<Discipline, [number, number]>> = {
  general_practitioner: [4, 5],
  pharmacist: [3, 4],
  physiotherapist: [2, 3],
};

const COMMENTS: Partial<Record<Discipline, string>> = {
  general_practitioner: "Graag de indicatoren beperken tot wat we al registreren.",
  pharmacist: "Neem de medicatiebeoordeling op als gezamenlijke indicator.",
  physiotherapist: "De fysiotherapie ontbreekt in de ketenafspraken; betrek ons bij de uitwerking.",
};

/**
 * The demo's consultation rounds: the professionals are members of their vereniging; the werkgroep
 * kwaliteit's notitie on one kwaliteitskader is in consultation with the verenigingen, two thirds
 * have responded and the demo member (lid@zhn.demo) has not yet; the werkgroep arbeidsmarkt has a
 * notitie in concept.
 */
export async function seedConsultationsDemo(
  ctx: Ctx,
  ids: { quality: string; labour: string; steering: string; member: string },
  publicUrl: string,
) {
  const verenigingen = (await listOrganisations(ctx, { kind: "professional_association", limit: 50 })).items;
  const professionals = await ctx.tx
    .select({ id: persons.id, discipline: sql<Discipline>`${persons.disciplines}[1]` })
    .from(persons)
    .where(and(eq(persons.regionId, ctx.actor.regionId), sql`${persons.disciplines}[1] is not null`));
  for (const [name, discipline] of MEMBERS_OF) {
    const vereniging = verenigingen.find((v) => v.name === name);
    if (!vereniging) continue;
    for (const p of professionals.filter((x) => x.discipline === discipline))
      await addMembership(ctx, {
        organisationId: vereniging.id,
        memberPersonId: p.id,
        startDate: "2020-01-01",
      });
  }

  const draft = await createConsultation(ctx, {
    bodyId: ids.quality,
    title: "Adviesnotitie Eén kwaliteitskader voor de eerstelijn",
    text: KWALITEITSKADER,
    questions: [
      "Steunt u één regionaal kwaliteitskader voor alle disciplines?",
      "Steunt u de voorgestelde gezamenlijke indicatoren?",
    ],
    audience: "associations",
    deadline: addDays(today(), 10),
    decidingBodyId: ids.steering,
  });
  const opened = await advanceConsultation(
    ctx,
    draft.id,
    { status: "consultation", version: draft.version },
    publicUrl,
  );
  const invitees = await listInvitees(ctx, opened.id);
  for (const [i, invitee] of invitees.entries()) {
    if (invitee.personId === ids.member || i % 3 === 2 || !invitee.discipline) continue;
    const [low, high] = LEANING[invitee.discipline] ?? [3, 4];
    await respond(ctx, opened.id, {
      personId: invitee.personId,
      answers: [
        { support: i % 2 ? high : low, comment: i % 4 === 0 ? (COMMENTS[invitee.discipline] ?? null) : null },
        { support: i % 2 ? low : high },
      ],
    });
  }

  await createConsultation(ctx, {
    bodyId: ids.labour,
    title: "Adviesnotitie Samen opleiden in de regio",
    text: "## Voorstel\n\nPraktijken leiden doktersassistenten en praktijkondersteuners samen op, met één regionale stagecoördinator.",
    questions: ["Steunt u een regionale stagecoördinator?", "Wilt u als praktijk stageplaatsen bieden?"],
    audience: "networks",
    deadline: addDays(today(), 35),
    decidingBodyId: ids.steering,
  });
}

const KWALITEITSKADER = `## Aanleiding

De vier zorggroepen hanteren elk een eigen kwaliteitsbeleid. In de nieuwe coöperatie willen we één kader, voor alle disciplines.

## Voorstel

- één regionaal kwaliteitskader met gezamenlijke indicatoren;
- een jaarlijkse kwaliteitsdag per WSV;
- de werkgroep kwaliteit bewaakt het kader en rapporteert aan de stuurgroep.

## Wat vragen we u

Geef per vraag aan hoeveel u het voorstel steunt, en licht toe wat beter kan.`;
