import type { Tx } from "./db.js";

/**
 * Makers of valid resources for the generated test suites: each returns the id of a fresh row
 * in `regionId`. Modules export theirs from `fixtures.ts`; route examples ask for them by name.
 */
export type FixtureMakers = Record<
  string,
  (tx: Tx, regionId: string, self: { userId: string }) => Promise<string>
>;
