// `npm test`: type check, lint, unit + integration tests (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), then the browser journeys with Debian's Chromium.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const run = (label, cmd, args, env = {}) => {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`✖ ${label} failed`);
    process.exit(r.status ?? 1);
  }
};

run("type check", "npx", ["tsc", "--noEmit"]);
run("lint", "npx", ["biome", "check", "."]);
run(`unit + integration tests (PGlite${process.env.TEST_DATABASE_URL ? " and PostgreSQL" : ""})`, "npx", [
  "vitest",
  "run",
]);

if (!existsSync(CHROMIUM)) {
  const msg = `\n!!! Chromium not found at ${CHROMIUM}: BROWSER TESTS SKIPPED. Install Debian's 'chromium' package. !!!\n`;
  if (process.env.REQUIRE_BROWSER === "1") {
    console.error(`${msg}REQUIRE_BROWSER=1, so this is a failure.`);
    process.exit(1);
  }
  console.warn(msg);
} else if (existsSync("tests/e2e")) {
  run("build web app", "node", ["scripts/build-web.mjs", "--force"]);
  run("browser journeys (Playwright + axe)", "npx", ["playwright", "test"]);
}
console.log("\n✔ all test stages passed");
