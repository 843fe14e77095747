import { defineConfig, devices } from "@playwright/test";
import { E2E_ADMIN, E2E_BASE_URL, E2E_DEMO_CRM_PORT, E2E_MASTER_KEYS, E2E_PORT } from "./e2e/support/constants";

// `npm test` provides a fresh database and the Chromium to use.
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set: run the e2e tests through `npm test`.");

const baseURL = E2E_BASE_URL;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json"]],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH,
      // Without these, Chromium keeps reaching for Google's hosts on a closed network.
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    command: "node --import tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 40_000 },
    env: {
      ...(process.env as Record<string, string>),
      DATABASE_URL: databaseUrl,
      PORT: String(E2E_PORT),
      APP_URL: baseURL,
      DATA_DIR: ".data/e2e",
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      DEMO_TARGET_URL: `http://127.0.0.1:${E2E_DEMO_CRM_PORT}/crm/leads`,
      // The demo CRM is on loopback, which outbound calls may reach only when allow-listed (R23).
      OUTBOUND_ALLOWLIST: "127.0.0.1",
      LOG_LEVEL: "warn",
      // With DATABASE_URL set, `npm start` requires a configured vault key, as a deployment would.
      FLOWGATE_MASTER_KEYS: E2E_MASTER_KEYS,
    },
  },
});
