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

/**
 * What an agenda item is on the agenda for (labels: `agenda.kind.<kind>`): ter besluitvorming,
 * ter bespreking, ter informatie.
 */
export const AGENDA_ITEM_KINDS = ["decision", "discussion", "information"] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

/** Whether a member was there (labels: `attendance.<status>`): aanwezig, afwezig, afgemeld. */
export const ATTENDANCE_STATUSES = ["present", "absent", "excused"] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export interface Quorum {
  /** The members with a vote (seats in a voting role held on the meeting's date). */
  members: number;
  present: number;
  /** How many must be present, or null when the body has no quorum rule. */
  required: number | null;
  reached: boolean;
}

/**
 * The quorum of a meeting: at least `percent` % of the voting members present (rounded up), as
 * the statuten say; a body without a rule always has its quorum. 50 % of 7 members needs 4.
 */
export function quorumOf(members: number, present: number, percent: number | null): Quorum {
  const required = percent === null ? null : Math.ceil((members * percent) / 100);
  return { members, present, required, reached: required === null || present >= required };
}

/** How far an action item is (labels: `actionItem.status.<status>`). */
export const ACTION_ITEM_STATUSES = ["open", "in_progress", "done", "cancelled"] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

/** The code a body's decisions are numbered with when it has none of its own. */
export const DEFAULT_BODY_CODES: Record<BodyKind, string> = {
  general_assembly: "ALV",
  board: "BE",
  supervisory_board: "RVT",
  medical_council: "MR",
  steering_group: "ST",
  transition_team: "TT",
  working_group: "WG",
  management_team: "MT",
  alliance: "AL",
  advisory_council: "AR",
};

/** A body's own code for its decision numbers: capitals and digits, starting with a capital (ST, WGICT). */
export const BODY_CODE = /^[A-Z][A-Z0-9]{0,7}$/;

/** A decision's number: the body's code, the year and a sequence of three digits (`ST-2026-014`). */
export const decisionNumber = (code: string, year: number, sequence: number) =>
  `${code}-${year}-${String(sequence).padStart(3, "0")}`;

/**
 * What a document (stuk) may be: PDF, Word, Excel, PowerPoint, an image, or plain text. The
 * server checks uploads against it by their bytes; the web offers the same types to choose from.
 */
export const DOCUMENT_TYPES = [
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/msword",
  "image/png",
  "image/jpeg",
  "text/plain",
] as const;
