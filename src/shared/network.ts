/** The kinds of organisation the field has (labels in the web app's i18n: `org.kind.<kind>`). */
export const ORGANISATION_KINDS = [
  "general_practice",
  "health_centre",
  "pharmacy",
  "physiotherapy",
  "exercise_therapy",
  "dietetics",
  "occupational_therapy",
  "speech_therapy",
  "midwifery",
  "mental_health",
  "district_nursing",
  "elderly_care",
  "hospital",
  "gp_out_of_hours",
  "municipality",
  "health_insurer",
  "social_domain",
  "neighbourhood_network",
  "care_group",
  "professional_association",
  "cooperative",
  "other",
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** In oprichting, actief, opgegaan in een andere organisatie, beëindigd. */
export const ORGANISATION_STATUSES = ["founding", "active", "merged", "ended"] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];
