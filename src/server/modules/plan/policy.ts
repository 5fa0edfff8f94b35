import { ROLES } from "../../../shared/roles.js";
import { definePolicy } from "../../platform/policy.js";

/**
 * The regioplan is the region's shared agenda: everyone in the region reads it, partners
 * included (the zorgverzekeraar and the gemeente follow it). The bureau writes it, its
 * beleidsterreinen and resultaatgebieden, and records that a body vastgesteld it.
 */
export const planPolicy = definePolicy("plan", {
  list: ROLES,
  read: ROLES,
  create: ["beheerder", "medewerker"],
  update: ["beheerder", "medewerker"],
  adopt: ["beheerder", "medewerker"],
  delete: ["beheerder", "medewerker"],
});
