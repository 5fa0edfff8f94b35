import { defineConfig } from "@playwright/test";
import { serverCommand } from "./scripts/server-command";
import { SMTP_PORT } from "./tests/support/mailbox";

// Browser journeys against the real server (embedded database, demo region) in Debian's Chromium.
const PORT = 3210;
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `rm -rf .tmp/e2e-data && node scripts/build-server.mjs && ${serverCommand}`,
    url: `http://127.0.0.1:${PORT}/readyz`,
    timeout: 120_000,
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATA_DIR: ".tmp/e2e-data",
      LOG_LEVEL: "warn",
      RESPONSE_CHECK: "1",
      DEMO: "1",
      // Mail goes to the real SMTP peer each journey starts (tests/support/mailbox.ts).
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      PUBLIC_URL: `http://127.0.0.1:${PORT}`,
    },
  },
});
