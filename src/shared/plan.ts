/**
 * The regioplan (or transitieagenda): vision, ambitions, beleidsterreinen and their
 * resultaatgebieden for a period of years. Shared by server and web.
 */

/**
 * Where a regioplan is (labels: `plan.status.<status>`): a concept is written and changed; once
 * vastgesteld by a body on a date it is the record, and a change needs a new version.
 */
export const PLAN_STATUSES = ["concept", "adopted"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The longest period a regioplan may cover, in years (an IZA regioplan runs three). */
export const PLAN_MAX_YEARS = 10;

/** A plan's period as people write it: "2025–2028", or "2026" for one year. */
export const planPeriod = (startYear: number, endYear: number) =>
  startYear === endYear ? String(startYear) : `${startYear}–${endYear}`;

/** Where a programme or project works (labels: `programme.level.<level>`): praktijk, wijk or regio. */
export const WORK_LEVELS = ["practice", "district", "region"] as const;
export type WorkLevel = (typeof WORK_LEVELS)[number];

/**
 * A project's phase (labels: `project.phase.<phase>`), the columns of the kanban: idee,
 * voorbereiding, uitvoering, afronding, afgerond.
 */
export const PROJECT_PHASES = ["idea", "preparation", "execution", "completion", "closed"] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];

/**
 * Where a prioritisation (prioritering) is (labels: `prioritisation.status.<status>`): topics are
 * gathered with the partners, then the participants divide their points over them, then the
 * speerpunten are chosen and the topics and points are the record.
 */
export const PRIORITISATION_STATUSES = ["gathering", "scoring", "decided"] as const;
export type PrioritisationStatus = (typeof PRIORITISATION_STATUSES)[number];

/** How an action stands (labels: `action.status.<status>`). */
export const ACTION_STATUSES = ["open", "in_progress", "done", "cancelled"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** An action that is neither done nor cancelled still needs someone to do it. */
export const isOpenAction = (status: ActionStatus) => status === "open" || status === "in_progress";

/** A progress report's traffic light (labels: `report.rag.<rag>`): groen, oranje, rood. */
export const REPORT_RAGS = ["green", "orange", "red"] as const;
export type ReportRag = (typeof REPORT_RAGS)[number];
