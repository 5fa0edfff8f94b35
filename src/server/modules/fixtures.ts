import type { FixtureMakers } from "../platform/fixtures.js";
import { accountFixtures } from "./accounts/fixtures.js";
import { governanceFixtures } from "./governance/fixtures.js";
import { networkFixtures } from "./network/fixtures.js";
import { planFixtures } from "./plan/fixtures.js";

/** Every module's fixture makers, for the generated test suites. A new module adds its own. */
export const fixtures: FixtureMakers = {
  ...accountFixtures,
  ...networkFixtures,
  ...governanceFixtures,
  ...planFixtures,
};
