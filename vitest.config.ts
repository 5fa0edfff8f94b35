import { defineConfig } from "vitest/config";

// Unit and integration tests run on PGlite; with TEST_DATABASE_URL set, the integration tests run
// a second time against that PostgreSQL server (a fresh database per test file).
const integration = ["tests/api/**/*.test.ts", "src/server/**/*.test.ts"];
const onPostgres = process.env.TEST_DATABASE_URL
  ? [
      {
        extends: true as const,
        test: { name: "postgres", include: integration, env: { TEST_DB: "postgres" } },
      },
    ]
  : [];

export default defineConfig({
  test: {
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "pglite",
          include: [...integration, "src/shared/**/*.test.ts"],
          env: { TEST_DB: "pglite" },
        },
      },
      ...onPostgres,
    ],
  },
});
