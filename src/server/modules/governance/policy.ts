import { ROLES } from "../../../shared/roles.js";
import { definePolicy } from "../../platform/policy.js";

const BUREAU = ["beheerder", "medewerker"] as const;

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
});
