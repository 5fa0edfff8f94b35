import type { FixtureMakers } from "../../platform/fixtures.js";
import { governanceFixtures } from "../governance/fixtures.js";
import { networkFixtures } from "../network/fixtures.js";
import { actions } from "./actions-schema.js";
import { kpiMeasurements, kpis } from "./kpis-schema.js";
import { priorities, prioritisations, topics } from "./priorities-schema.js";
import { programmes, projects } from "./projects-schema.js";
import { progressReports, reportRounds } from "./reports-schema.js";
import { plans, policyAreas, resultAreas } from "./schema.js";
import { successes } from "./successes-schema.js";

type Maker = FixtureMakers[string];

const plan: Maker = async (tx, regionId) => {
  const [row] = await tx
    .insert(plans)
    .values({ regionId, title: "Fixture Regioplan", startYear: 2025, endYear: 2028 })
    .returning({ id: plans.id });
  return row!.id;
};

const policyAreaIn = async (tx: Parameters<Maker>[0], regionId: string, planId: string) => {
  const [row] = await tx
    .insert(policyAreas)
    .values({ regionId, planId, name: "Kwaliteit", position: 1 })
    .returning({ id: policyAreas.id });
  return row!.id;
};

const policyArea: Maker = async (tx, regionId, self) =>
  policyAreaIn(tx, regionId, await plan(tx, regionId, self));

/** A concept plan that is ready to be vastgesteld (it has a beleidsterrein). */
const planWithPolicyArea: Maker = async (tx, regionId, self) => {
  const planId = await plan(tx, regionId, self);
  await policyAreaIn(tx, regionId, planId);
  return planId;
};

const adoptedPlan: Maker = async (tx, regionId, self) => {
  const [row] = await tx
    .insert(plans)
    .values({
      regionId,
      title: "Fixture Vastgesteld regioplan",
      startYear: 2025,
      endYear: 2028,
      status: "adopted",
      adoptedByBodyId: await governanceFixtures.body!(tx, regionId, self),
      adoptedOn: "2025-03-01",
    })
    .returning({ id: plans.id });
  await policyAreaIn(tx, regionId, row!.id);
  return row!.id;
};

const resultArea: Maker = async (tx, regionId, self) => {
  const [row] = await tx
    .insert(resultAreas)
    .values({
      regionId,
      policyAreaId: await policyArea(tx, regionId, self),
      name: "Minder verloop",
      position: 1,
    })
    .returning({ id: resultAreas.id });
  return row!.id;
};

const programme: Maker = async (tx, regionId) => {
  const [row] = await tx
    .insert(programmes)
    .values({ regionId, name: `Fixture Programma ${crypto.randomUUID()}`, level: "region" })
    .returning({ id: programmes.id });
  return row!.id;
};

const project: Maker = async (tx, regionId, self) => {
  const [row] = await tx
    .insert(projects)
    .values({
      regionId,
      programmeId: await programme(tx, regionId, self),
      name: "Fixture Project",
      level: "district",
    })
    .returning({ id: projects.id });
  return row!.id;
};

const prioritisation: Maker = async (tx, regionId) => {
  const [row] = await tx
    .insert(prioritisations)
    .values({ regionId, title: "Fixture Prioritering" })
    .returning({ id: prioritisations.id });
  return row!.id;
};

/** A topic brought in by the acting user, so a partner or member may change it too. */
const topic: Maker = async (tx, regionId, self) => {
  const [row] = await tx
    .insert(topics)
    .values({
      regionId,
      prioritisationId: await prioritisation(tx, regionId, self),
      title: "Gezond rondkomen",
      createdByUserId: self.userId,
    })
    .returning({ id: topics.id });
  return row!.id;
};

/**
 * A prioritisation in which points are divided, with one topic that has the prioritisation's
 * own id (ids of different tables may coincide), so a route example can name both.
 */
const scoringPrioritisation: Maker = async (tx, regionId) => {
  const [row] = await tx
    .insert(prioritisations)
    .values({ regionId, title: "Fixture Prioritering", status: "scoring" })
    .returning({ id: prioritisations.id });
  await tx.insert(topics).values({ id: row!.id, regionId, prioritisationId: row!.id, title: "Eenzaamheid" });
  return row!.id;
};

const priority: Maker = async (tx, regionId, self) => {
  const prioritisationId = await scoringPrioritisation(tx, regionId, self);
  const [row] = await tx
    .insert(priorities)
    .values({ regionId, prioritisationId, topicId: prioritisationId, title: "Eenzaamheid", position: 1 })
    .returning({ id: priorities.id });
  return row!.id;
};

const action: Maker = async (tx, regionId, self) => {
  const [row] = await tx
    .insert(actions)
    .values({
      regionId,
      priorityId: await priority(tx, regionId, self),
      title: "Fixture Actie",
      ownerOrganisationId: await networkFixtures.organisation!(tx, regionId, self),
      dueDate: "2027-03-01",
    })
    .returning({ id: actions.id });
  return row!.id;
};

const kpi: Maker = async (tx, regionId, self) => {
  const [row] = await tx
    .insert(kpis)
    .values({
      regionId,
      resultAreaId: await resultArea(tx, regionId, self),
      name: `Fixture Indicator ${crypto.randomUUID()}`,
      unit: "%",
      baseline: 20,
      target: 10,
      direction: "down",
    })
    .returning({ id: kpis.id });
  return row!.id;
};

const kpiMeasurement: Maker = async (tx, regionId, self) => {
  const [row] = await tx
    .insert(kpiMeasurements)
    .values({
      regionId,
      kpiId: await kpi(tx, regionId, self),
      period: "2026",
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
      value: 15,
    })
    .returning({ id: kpiMeasurements.id });
  return row!.id;
};

/** A success posted by the acting user, so every role may change it. */
const success: Maker = async (tx, regionId, self) => {
  const [row] = await tx
    .insert(successes)
    .values({
      regionId,
      title: "Fixture Succes",
      story: "Het werkte.",
      happenedOn: "2026-10-01",
      createdByUserId: self.userId,
      authorName: "Fixture",
    })
    .returning({ id: successes.id });
  return row!.id;
};

let nextRound = 0;
/** An open reporting round for a period of its own (a counter, so two fixtures never share one). */
const reportRound: Maker = async (tx, regionId) => {
  const [row] = await tx
    .insert(reportRounds)
    .values({ regionId, period: `${2100 + (nextRound++ % 800)}`, dueDate: "2026-12-31" })
    .returning({ id: reportRounds.id });
  return row!.id;
};

const progressReport: Maker = async (tx, regionId, self) => {
  const [row] = await tx
    .insert(progressReports)
    .values({
      regionId,
      roundId: await reportRound(tx, regionId, self),
      projectId: await project(tx, regionId, self),
    })
    .returning({ id: progressReports.id });
  return row!.id;
};

export const planFixtures: FixtureMakers = {
  plan,
  planWithPolicyArea,
  adoptedPlan,
  policyArea,
  resultArea,
  programme,
  project,
  prioritisation,
  topic,
  scoringPrioritisation,
  priority,
  action,
  kpi,
  kpiMeasurement,
  success,
  reportRound,
  progressReport,
};
