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

/** Disciplines of care professionals and contacts (labels: `person.discipline.<discipline>`). */
export const DISCIPLINES = [
  "general_practitioner",
  "practice_nurse_somatic",
  "practice_nurse_mental_health",
  "practice_manager",
  "doctors_assistant",
  "pharmacist",
  "pharmacy_assistant",
  "physiotherapist",
  "exercise_therapist",
  "dietitian",
  "occupational_therapist",
  "speech_therapist",
  "midwife",
  "psychologist",
  "district_nurse",
  "elderly_care_physician",
  "social_worker",
  "other",
] as const;
export type Discipline = (typeof DISCIPLINES)[number];

/**
 * Who sees a person's entry beyond the bureau: `bureau` (only bureau staff and the board),
 * `members` (also members), `partners` (also partners).
 */
export const PERSON_VISIBILITIES = ["bureau", "members", "partners"] as const;
export type PersonVisibility = (typeof PERSON_VISIBILITIES)[number];

/** Lid, aspirant-lid, buitengewoon lid (labels: `membership.type.<type>`). */
export const MEMBERSHIP_TYPES = ["member", "aspirant", "extraordinary"] as const;
export type MembershipType = (typeof MEMBERSHIP_TYPES)[number];

/** The kinds of organisation that have members: coöperatie, vereniging, WSV, zorggroep. */
export const MEMBERSHIP_BODIES = [
  "cooperative",
  "professional_association",
  "neighbourhood_network",
  "care_group",
] as const satisfies readonly OrganisationKind[];
export type MembershipBody = (typeof MEMBERSHIP_BODIES)[number];
export const isMembershipBody = (kind: OrganisationKind): kind is MembershipBody =>
  (MEMBERSHIP_BODIES as readonly OrganisationKind[]).includes(kind);
