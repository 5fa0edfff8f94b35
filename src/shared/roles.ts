/** The roles of ARCHITECTURE.md, from most to least powerful. */
export const ROLES = [
  "beheerder",
  "bestuur",
  "medewerker",
  "projectleider",
  "wijkcoordinator",
  "lid",
  "partner",
] as const;
export type Role = (typeof ROLES)[number];
