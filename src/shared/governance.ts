import type { Discipline } from "./network.js";

/**
 * The kinds of body (orgaan) a regio-organisatie is governed by (labels: `body.kind.<kind>`):
 * ALV/ledenraad, bestuur, raad van toezicht, medische raad, stuurgroep, transitieteam, werkgroep,
 * managementteam, alliantie, adviesraad.
 */
export const BODY_KINDS = [
  "general_assembly",
  "board",
  "supervisory_board",
  "medical_council",
  "steering_group",
  "transition_team",
  "working_group",
  "management_team",
  "alliance",
  "advisory_council",
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/**
 * The role of a seat (labels: `seat.role.<role>`). An adviseur and an agendalid sit at the table
 * without a vote.
 */
export const SEAT_ROLES = ["chair", "secretary", "treasurer", "member", "advisor", "agenda_member"] as const;
export type SeatRole = (typeof SEAT_ROLES)[number];
export const VOTING_ROLES: readonly SeatRole[] = ["chair", "secretary", "treasurer", "member"];

/** How long ahead a term's end is announced and listed: 90 days. */
export const TERM_NOTICE_DAYS = 90;

/** Whom a seat represents: an organisation, a discipline, or a constituency named in words. */
export interface Represents {
  organisationId?: string | null;
  discipline?: Discipline | null;
  constituency?: string | null;
}
