import { BUREAU, ROLES } from "../../../shared/roles.js";
import { definePolicy } from "../../platform/policy.js";

export { isBureau } from "../../../shared/roles.js";

/**
 * Bodies (organen) and who sits in them are known to everyone in the region: legitimacy depends on
 * it being visible. The bureau sets bodies up and keeps their seats and terms.
 */
export const bodyPolicy = definePolicy("body", {
  list: ROLES,
  read: ROLES,
  create: BUREAU,
  update: BUREAU,
});

/** Seats and their terms (zetels, zittingstermijnen): read with the body; kept by the bureau. */
export const seatPolicy = definePolicy("seat", {
  list: ROLES,
  create: BUREAU,
  update: BUREAU,
  appoint: BUREAU,
  delete: BUREAU,
});

/**
 * Mandates (mandaten): who speaks for whom is visible to everyone in the region, so a
 * constituency's organisations can see who represents them; the bureau records them.
 */
export const mandatePolicy = definePolicy("mandate", {
  list: ROLES,
  read: ROLES,
  create: BUREAU,
  update: BUREAU,
});

/**
 * Meetings (vergaderingen) are visible to everyone in the region, a confidential agenda item's
 * content only to the body's members and the bureau (the service hides it). The bureau plans
 * meetings, builds agendas, sends them and records attendance.
 */
export const meetingPolicy = definePolicy("meeting", {
  list: ROLES,
  read: ROLES,
  create: BUREAU,
  update: BUREAU,
  send: BUREAU,
  attendance: BUREAU,
  minutes: BUREAU,
});

/** The besluitenlijst is public within the region; the bureau records decisions as minuted. */
export const decisionPolicy = definePolicy("decision", {
  list: ROLES,
  create: BUREAU,
  update: BUREAU,
});

/**
 * The actielijst is visible to everyone in the region. The bureau records and changes actions;
 * an action's owner (whatever their role) may move its status: the service checks ownership.
 */
export const actionItemPolicy = definePolicy("actionItem", {
  list: ROLES,
  create: BUREAU,
  update: ROLES,
});

/**
 * Proposals and votes (voorstellen, stemmingen) are visible to everyone in the region; the
 * bureau writes, opens, records and closes them. Anyone may try to vote or give a proxy: the
 * service checks that the vote is theirs (a voting seat, or a proxy).
 */
export const proposalPolicy = definePolicy("proposal", {
  list: ROLES,
  read: ROLES,
  create: BUREAU,
  update: BUREAU,
  open: BUREAU,
  close: BUREAU,
  record: BUREAU,
  vote: ROLES,
  proxy: ROLES,
});

/** Everyone in the region but partners: a consultation asks the members, not the partners. */
const MEMBERS = ROLES.filter((r) => r !== "partner");

/**
 * Consultation rounds (draagvlak) are the members' business: partners do not see them. The bureau
 * writes adviesnotities, moves them on, records responses received by mail and says how each
 * comment was handled. Anyone may try to respond: the service checks that they were asked. The
 * results are the bureau's and the board's while the round runs, everyone's once it is processed
 * (the service checks).
 */
export const consultationPolicy = definePolicy("consultation", {
  list: MEMBERS,
  read: MEMBERS,
  create: BUREAU,
  update: BUREAU,
  advance: BUREAU,
  invitees: BUREAU,
  process: BUREAU,
  respond: MEMBERS,
  results: MEMBERS,
});

/**
 * Documents (stukken) of bodies, meetings and agenda items are visible to everyone in the region;
 * a confidential one only to the body's members and the bureau (the service hides it, so it is
 * not found). The bureau uploads and keeps them.
 */
export const documentPolicy = definePolicy("document", {
  list: ROLES,
  read: ROLES,
  create: BUREAU,
  update: BUREAU,
});
