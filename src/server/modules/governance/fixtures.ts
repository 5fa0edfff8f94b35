import { eq } from "drizzle-orm";
import { addDays, today } from "../../../shared/dates.js";
import type { FixtureMakers } from "../../platform/fixtures.js";
import { organisations, persons } from "../network/schema.js";
import { consultationAnswers, consultationInvitees, consultations } from "./consultations-schema.js";
import { actionItems, decisions } from "./decisions-schema.js";
import { documents } from "./documents-schema.js";
import { mandateOrganisations, mandates } from "./mandates-schema.js";
import { agendaItems, meetings } from "./meetings-schema.js";
import { proposals, proposalVoters } from "./proposals-schema.js";
import { bodies, seats, seatTerms } from "./schema.js";

const body: FixtureMakers[string] = async (tx, regionId) => {
  const [row] = await tx
    .insert(bodies)
    .values({ regionId, kind: "medical_council", name: "Fixture Medische raad" })
    .returning({ id: bodies.id });
  return row!.id;
};

const seat: FixtureMakers[string] = async (tx, regionId, self) => {
  const [row] = await tx
    .insert(seats)
    .values({ regionId, bodyId: await body(tx, regionId, self), role: "member", termYears: 3 })
    .returning({ id: seats.id });
  return row!.id;
};

const fixturePerson = async (tx: Parameters<FixtureMakers[string]>[0], regionId: string) => {
  const [person] = await tx
    .insert(persons)
    .values({
      regionId,
      givenName: "Fixture",
      familyName: "Vertegenwoordiger",
      email: `fixture-${crypto.randomUUID()}@example.org`,
      visibility: "partners",
    })
    .returning({ id: persons.id });
  return person!.id;
};

type Tx = Parameters<FixtureMakers[string]>[0];

/** A meeting of `bodyId` in four weeks, 19:30–21:30 Dutch winter time: always still to come. */
const meetingOf = async (tx: Tx, regionId: string, bodyId: string) => {
  const [row] = await tx
    .insert(meetings)
    .values({
      regionId,
      bodyId,
      title: "Fixture vergadering",
      startsAt: new Date(`${addDays(today(), 28)}T18:30:00Z`),
      endsAt: new Date(`${addDays(today(), 28)}T20:30:00Z`),
    })
    .returning({ id: meetings.id });
  return row!.id;
};

/**
 * A proposal of a fresh body with one voting member, closing in a week; `open`: opened today with
 * that member as its electorate.
 */
const proposalOf = async (
  tx: Tx,
  regionId: string,
  self: Parameters<FixtureMakers[string]>[2],
  more: Partial<typeof proposals.$inferInsert> = {},
) => {
  const seatId = await seat(tx, regionId, self);
  const personId = await fixturePerson(tx, regionId);
  await tx.insert(seatTerms).values({ regionId, seatId, personId, startDate: "2026-01-01" });
  const [s] = await tx.select({ bodyId: seats.bodyId }).from(seats).where(eq(seats.id, seatId));
  const [row] = await tx
    .insert(proposals)
    .values({
      regionId,
      bodyId: s!.bodyId,
      title: "Fixture voorstel",
      kind: "for_against",
      majority: "simple",
      weighting: "person",
      maxProxies: 1,
      ballot: "open",
      mode: "online",
      closesAt: new Date(Date.now() + 7 * 86_400_000),
      ...more,
    })
    .returning({ id: proposals.id });
  if (more.status === "open")
    await tx.insert(proposalVoters).values({
      regionId,
      proposalId: row!.id,
      unitId: personId,
      unitName: "Fixture Vertegenwoordiger",
      personId,
    });
  return row!.id;
};

/** An adviesnotitie of a fresh werkgroep; once past concept, with one respondent and a comment. */
const consultationOf = async (
  tx: Tx,
  regionId: string,
  self: Parameters<FixtureMakers[string]>[2],
  more: Partial<typeof consultations.$inferInsert> = {},
) => {
  const [row] = await tx
    .insert(consultations)
    .values({
      regionId,
      bodyId: await body(tx, regionId, self),
      title: "Fixture adviesnotitie",
      questions: ["Steunt u de notitie?"],
      audience: "members",
      deadline: addDays(today(), 7),
      ...more,
    })
    .returning({ id: consultations.id });
  const consultationId = row!.id;
  if (more.status) {
    const personId = await fixturePerson(tx, regionId);
    await tx.insert(consultationInvitees).values({
      regionId,
      consultationId,
      personId,
      discipline: "general_practitioner",
      respondedAt: new Date(),
    });
    await tx
      .insert(consultationAnswers)
      .values({ regionId, consultationId, personId, question: 0, support: 4, comment: "Fixture opmerking" });
  }
  return consultationId;
};

export const governanceFixtures: FixtureMakers = {
  body,
  seat,
  /** A term on a fresh seat, held by a fresh person, from 2026. */
  seatTerm: async (tx, regionId, self) => {
    const [row] = await tx
      .insert(seatTerms)
      .values({
        regionId,
        seatId: await seat(tx, regionId, self),
        personId: await fixturePerson(tx, regionId),
        startDate: "2026-01-01",
      })
      .returning({ id: seatTerms.id });
    return row!.id;
  },
  /** A mandate of a fresh person from one fresh organisation, from 2026. */
  mandate: async (tx, regionId) => {
    const [organisation] = await tx
      .insert(organisations)
      .values({ regionId, kind: "elderly_care", name: "Fixture Ouderenzorg" })
      .returning({ id: organisations.id });
    const [row] = await tx
      .insert(mandates)
      .values({
        regionId,
        personId: await fixturePerson(tx, regionId),
        constituency: "Fixture achterban",
        validFrom: "2026-01-01",
      })
      .returning({ id: mandates.id });
    await tx
      .insert(mandateOrganisations)
      .values({ regionId, mandateId: row!.id, organisationId: organisation!.id });
    return row!.id;
  },
  meeting: async (tx, regionId, self) => meetingOf(tx, regionId, await body(tx, regionId, self)),
  /** A meeting of a body with one member (with an e-mail address), so it can be sent. */
  meetingWithMember: async (tx, regionId, self) => {
    const seatId = await seat(tx, regionId, self);
    await tx
      .insert(seatTerms)
      .values({ regionId, seatId, personId: await fixturePerson(tx, regionId), startDate: "2026-01-01" });
    const [s] = await tx.select({ bodyId: seats.bodyId }).from(seats).where(eq(seats.id, seatId));
    return meetingOf(tx, regionId, s!.bodyId);
  },
  /** One item on a fresh meeting's agenda (the agenda's version stays 1). */
  agendaItem: async (tx, regionId, self) => {
    const meetingId = await meetingOf(tx, regionId, await body(tx, regionId, self));
    const [row] = await tx
      .insert(agendaItems)
      .values({ regionId, meetingId, position: 1, title: "Fixture agendapunt", kind: "discussion" })
      .returning({ id: agendaItems.id });
    return row!.id;
  },
  /** A decision (FX-2026-001) of a fresh meeting. */
  decision: async (tx, regionId, self) => {
    const bodyId = await body(tx, regionId, self);
    const [row] = await tx
      .insert(decisions)
      .values({
        regionId,
        bodyId,
        meetingId: await meetingOf(tx, regionId, bodyId),
        year: 2026,
        sequence: 1,
        number: "FX-2026-001",
        text: "Fixture besluit",
      })
      .returning({ id: decisions.id });
    return row!.id;
  },
  /** An open action item of a fresh meeting, owned by a fresh person. */
  actionItem: async (tx, regionId, self) => {
    const bodyId = await body(tx, regionId, self);
    const [row] = await tx
      .insert(actionItems)
      .values({
        regionId,
        bodyId,
        meetingId: await meetingOf(tx, regionId, bodyId),
        description: "Fixture actie",
        ownerPersonId: await fixturePerson(tx, regionId),
        dueDate: "2027-01-15",
      })
      .returning({ id: actionItems.id });
    return row!.id;
  },
  /** A draft proposal, voted online until a week from now. */
  proposal: (tx, regionId, self) => proposalOf(tx, regionId, self),
  /** An online vote that is open, with one voter (not the caller). */
  openProposal: (tx, regionId, self) =>
    proposalOf(tx, regionId, self, {
      status: "open",
      opensAt: new Date(),
      electorateOn: today(),
      version: 2,
    }),
  /** A vote in the meeting that is open (version 2), with one voter. */
  meetingVote: (tx, regionId, self) =>
    proposalOf(tx, regionId, self, {
      status: "open",
      mode: "meeting",
      closesAt: null,
      opensAt: new Date(),
      electorateOn: today(),
      version: 2,
    }),
  /** A document of a fresh meeting, without a file yet. */
  document: async (tx, regionId, self) => {
    const bodyId = await body(tx, regionId, self);
    const [row] = await tx
      .insert(documents)
      .values({ regionId, bodyId, meetingId: await meetingOf(tx, regionId, bodyId), title: "Fixture stuk" })
      .returning({ id: documents.id });
    return row!.id;
  },
  /** A vote in a meeting (four weeks ahead), closed with its result (version 3): adopted, 1 voor. */
  closedMeetingVote: async (tx, regionId, self) => {
    const id = await proposalOf(tx, regionId, self, {
      status: "closed",
      mode: "meeting",
      closesAt: null,
      version: 3,
    });
    const [p] = await tx.select({ bodyId: proposals.bodyId }).from(proposals).where(eq(proposals.id, id));
    await tx
      .update(proposals)
      .set({
        meetingId: await meetingOf(tx, regionId, p!.bodyId),
        result: {
          electorate: 1,
          participated: 1,
          byProxy: 0,
          counts: [1, 0, 0],
          abstained: 0,
          cast: 1,
          quorum: { percent: null, required: null, reached: true },
          majority: { rule: "simple", option: 0, votes: 1, required: 1, reached: true },
          outcome: "adopted",
        },
      })
      .where(eq(proposals.id, id));
    return id;
  },
  /** An adviesnotitie in concept, for all members, with one question. */
  consultation: (tx, regionId, self) => consultationOf(tx, regionId, self),
  /** A round in consultation until a week from now (version 2); one person (not the caller) was asked and responded. */
  openConsultation: (tx, regionId, self) =>
    consultationOf(tx, regionId, self, { status: "consultation", openedAt: new Date(), version: 2 }),
  /** A processed round (version 3) with one response and its comment. */
  processedConsultation: (tx, regionId, self) =>
    consultationOf(tx, regionId, self, { status: "processed", openedAt: new Date(), version: 3 }),
};
