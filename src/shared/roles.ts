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

/** The bureau of the regio-organisatie: the roles that keep the region's records. */
export const BUREAU = ["beheerder", "medewerker"] as const;

/** Whether the actor works at the bureau (beheerder or medewerker): they see and keep everything. */
export const isBureau = (actor: { role: string }) => (BUREAU as readonly string[]).includes(actor.role);
