import { ROLES } from "../../../shared/roles.js";
import { definePolicy } from "../../platform/policy.js";

/**
 * Organisations are the region's shared directory: everyone in the region reads them; the bureau
 * (beheerder, medewerker) keeps them up to date; only a beheerder removes one.
 */
export const organisationPolicy = definePolicy("organisation", {
  list: ROLES,
  read: ROLES,
  export: ["beheerder", "bestuur", "medewerker", "projectleider", "wijkcoordinator"],
  create: ["beheerder", "medewerker"],
  update: ["beheerder", "medewerker"],
  delete: ["beheerder"],
});
