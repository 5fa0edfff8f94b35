import { BUREAU, ROLES } from "../../../shared/roles.js";
import { definePolicy } from "../../platform/policy.js";

/**
 * The regioplan is the region's shared agenda: everyone in the region reads it, partners
 * included (the zorgverzekeraar and the gemeente follow it). The bureau writes it, its
 * beleidsterreinen and resultaatgebieden, and records that a body vastgesteld it.
 */
export const planPolicy = definePolicy("plan", {
  list: ROLES,
  read: ROLES,
  create: BUREAU,
  update: BUREAU,
  adopt: BUREAU,
  delete: BUREAU,
});

/** Programmes are the region's lines of work: visible to all, set up by the bureau. */
export const programmePolicy = definePolicy("programme", {
  list: ROLES,
  create: BUREAU,
  update: BUREAU,
});

/**
 * Projects are visible to all (the stuurgroep and the zorgverzekeraar follow them). The bureau
 * starts and changes them; a projectleider changes the projects they lead (the service checks
 * that the project is theirs).
 */
export const projectPolicy = definePolicy("project", {
  list: ROLES,
  read: ROLES,
  create: BUREAU,
  update: [...BUREAU, "projectleider"],
});

/**
 * Prioritisations are held with the partners: everyone reads them, brings in topics and divides
 * their own points (the service keeps non-bureau callers to their own topics and points). The
 * bureau sets them up, records points for participants and chooses the speerpunten.
 */
export const prioritisationPolicy = definePolicy("prioritisation", {
  list: ROLES,
  read: ROLES,
  create: BUREAU,
  update: BUREAU,
  decide: BUREAU,
  propose: ROLES,
  score: ROLES,
});

/**
 * Actions are visible to all and anyone may comment on them. The bureau adds and changes them; a
 * projectleider those of the projects they lead; the person who carries one out (also of a
 * partner organisation) updates its status. The service checks which of these the caller is.
 */
export const actionPolicy = definePolicy("action", {
  list: ROLES,
  read: ROLES,
  create: [...BUREAU, "projectleider"],
  update: ROLES,
  comment: ROLES,
});

/**
 * KPIs show how the regioplan is doing: everyone reads them (the stuurgroep and the
 * zorgverzekeraar follow them); the bureau defines them and records or imports measurements.
 */
export const kpiPolicy = definePolicy("kpi", {
  list: ROLES,
  read: ROLES,
  create: BUREAU,
  update: BUREAU,
  measure: BUREAU,
});

/**
 * Successes keep everyone going: everyone reads them and everyone in the region may post one
 * (members and partners too); the service lets others than the bureau change only their own.
 */
export const successPolicy = definePolicy("success", {
  list: ROLES,
  read: ROLES,
  create: ROLES,
  update: ROLES,
});

/**
 * Progress reports go to the stuurgroep and the zorgverzekeraar: everyone reads them. The bureau
 * opens and closes rounds; a projectleider writes the reports of the projects they lead (the
 * service checks which), the bureau any.
 */
export const reportPolicy = definePolicy("report", {
  list: ROLES,
  read: ROLES,
  create: BUREAU,
  close: BUREAU,
  submit: [...BUREAU, "projectleider"],
});
