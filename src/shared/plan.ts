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
