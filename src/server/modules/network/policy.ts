import { BUREAU, ROLES } from "../../../shared/roles.js";
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
  merge: ["beheerder", "medewerker"],
  delete: ["beheerder"],
});

/**
 * People: everyone in the region may look people up, but members and partners see only the
 * entries shared with them (`visibility`, applied in the service); the bureau keeps them.
 */
export const personPolicy = definePolicy("person", {
  list: ROLES,
  read: ROLES,
  export: ["beheerder", "bestuur", "medewerker", "projectleider", "wijkcoordinator"],
  create: BUREAU,
  update: BUREAU,
  /** AVG: export everything stored about a person; erase a person on request. */
  dossier: BUREAU,
  erase: ["beheerder"],
});

/** Where people work: read with the person; kept by the bureau. */
export const workRelationPolicy = definePolicy("workRelation", {
  list: ROLES,
  create: BUREAU,
  update: BUREAU,
  delete: BUREAU,
});

/** Memberships (lidmaatschappen): read by everyone in the region, kept by the bureau. */
export const membershipPolicy = definePolicy("membership", {
  list: ROLES,
  create: BUREAU,
  update: BUREAU,
});

/**
 * The werkgebied (gemeenten, wijken, buurten, inhabitants) is read by everyone in the region; the
 * bureau imports CBS figures and decides which wijken each WSV covers.
 */
export const areaPolicy = definePolicy("area", {
  list: ROLES,
  import: BUREAU,
  assign: BUREAU,
});

/**
 * The sociale kaart: everyone in the region searches it (people as their visibility allows); only
 * a beheerder publishes the public version without login.
 */
export const socialMapPolicy = definePolicy("socialMap", {
  search: ROLES,
  publish: ["beheerder"],
});

/** Importing organisations from spreadsheets, and undoing an import: the bureau. */
export const importPolicy = definePolicy("import", {
  list: BUREAU,
  create: BUREAU,
  undo: BUREAU,
});
