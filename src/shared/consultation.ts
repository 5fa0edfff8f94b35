/**
 * Consultation rounds (draagvlak): an adviesnotitie of a werkgroep goes to the members, who say
 * per question how much they support it (1–5) and why. Shared by server and web.
 */

/**
 * Where an adviesnotitie is (labels: `consultation.status.<status>`): concept, in consultatie,
 * verwerkt, ter besluitvorming, besloten. It only moves forward, one step at a time.
 */
export const CONSULTATION_STATUSES = [
  "draft",
  "consultation",
  "processed",
  "for_decision",
  "decided",
] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** The status an adviesnotitie may move to from `status`, or null when it is decided. */
export const nextStatus = (status: ConsultationStatus): ConsultationStatus | null =>
  CONSULTATION_STATUSES[CONSULTATION_STATUSES.indexOf(status) + 1] ?? null;

/**
 * Whom a round goes to (labels: `consultation.audience.<audience>`): the members of the
 * monodisciplinaire verenigingen, the members of the WSVs, or all members (people who are members
 * themselves or work at a member organisation).
 */
export const CONSULTATION_AUDIENCES = ["associations", "networks", "members"] as const;
export type ConsultationAudience = (typeof CONSULTATION_AUDIENCES)[number];

/** The organisation kind an audience can be narrowed to (some verenigingen, some WSVs). */
export const AUDIENCE_KIND = {
  associations: "professional_association",
  networks: "neighbourhood_network",
  members: null,
} as const;

/** Support on a five-point scale: 1 zeer oneens … 5 zeer eens (labels: `consultation.support.<n>`). */
export const SUPPORT_SCALE = [1, 2, 3, 4, 5] as const;

/** A score of 4 or 5 counts as support for the notitie. */
export const SUPPORTS_FROM = 4;

/**
 * How a comment was handled in the notitie (labels: `consultation.handling.<handling>`):
 * overgenomen, deels overgenomen, niet overgenomen, ter kennisgeving.
 */
export const COMMENT_HANDLINGS = ["adopted", "partly", "not_adopted", "noted"] as const;
export type CommentHandling = (typeof COMMENT_HANDLINGS)[number];

/** How the body decided on the notitie (labels: `consultation.outcome.<outcome>`). */
export const CONSULTATION_OUTCOMES = ["adopted", "amended", "rejected"] as const;
export type ConsultationOutcome = (typeof CONSULTATION_OUTCOMES)[number];

/** The days before the deadline on which those who have not yet responded are reminded. */
export const CONSULTATION_REMINDER_DAYS = 3;
