// `npm test`: unit, integration (real PostgreSQL + pg-boss), the chaos suite
// and Playwright e2e (Chromium) tests, then one summary line "N passed, N failed".
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { findChromium } from "@/scripts/support/find-chromium";
import { createDatabaseFrom } from "@/tests/support/database-admin";
import { TEMPLATE_DB, TEST_DB_PREFIX } from "@/tests/support/test-db-names";
import { dropDatabasesWithPrefix, prepareTemplate, startTestPostgres } from "@/tests/support/test-postgres";

type Counts = { passed: number; failed: number; skipped: number };
const RESULTS = path.resolve(".data/test-results");
const E2E_DB = `${TEST_DB_PREFIX}e2e`;

const chromiumPath = findChromium();
if (!chromiumPath) {
  console.error("No Chromium found for the e2e tests. Install Debian's (apt-get install -y chromium), or set CHROMIUM_PATH, or run `npx playwright install chromium` where the network allows.");
  process.exit(1);
}

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
const server = await startTestPostgres();
let totals: Counts = { passed: 0, failed: 0, skipped: 0 };
let crashed = false;
try {
  await prepareTemplate(server.serverUrl);
  // The fake providers listen on 127.0.0.1, which the outbound policy refuses unless allow-listed (R23).
  const env = { ...process.env, FLOWGATE_TEST_PG_SERVER: server.serverUrl, NEXT_TELEMETRY_DISABLED: "1", OUTBOUND_ALLOWLIST: "127.0.0.1" };

  const vitestReport = path.join(RESULTS, "vitest.json");
  run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`], env);
  totals = add(totals, readVitest(vitestReport));

  // The chaos suite kills workers and restarts its own PostgreSQL for minutes;
  // alone, so the other files' load does not decide its timing, nor it theirs.
  const chaosReport = path.join(RESULTS, "chaos.json");
  run("npx", ["vitest", "run", "--project", "integration", "tests/integration/chaos.test.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${chaosReport}`], { ...env, FLOWGATE_CHAOS: "1" });
  totals = add(totals, readVitest(chaosReport));

  const e2eUrl = await createDatabaseFrom(server.serverUrl, E2E_DB, TEMPLATE_DB);
  const playwrightReport = path.join(RESULTS, "playwright.json");
  run("npx", ["playwright", "test"], { ...env, CHROMIUM_PATH: chromiumPath, E2E_DATABASE_URL: e2eUrl, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
  totals = add(totals, readPlaywright(playwrightReport));
} catch (error) {
  crashed = true;
  console.error(error);
} finally {
  await dropDatabasesWithPrefix(server.serverUrl, TEST_DB_PREFIX).catch(() => {});
  await server.stop();
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed > 0 || crashed || totals.passed === 0 ? 1 : 0);

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  // A failing suite still writes its report; the summary decides the exit code.
  spawnSync(command, args, { stdio: "inherit", env });
}

function add(a: Counts, b: Counts): Counts {
  return { passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped };
}

function readVitest(file: string): Counts {
  const report = readReport(file) as { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number; numFailedTestSuites?: number } | null;
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  // A file that fails to load has no tests but is a failure all the same.
  const failed = (report.numFailedTests ?? 0) + (report.numFailedTests ? 0 : (report.numFailedTestSuites ?? 0));
  return { passed: report.numPassedTests ?? 0, failed, skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0) };
}

function readPlaywright(file: string): Counts {
  const report = readReport(file) as { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number }; errors?: unknown[] } | null;
  if (!report?.stats) return { passed: 0, failed: 1, skipped: 0 };
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  const setupErrors = report.errors?.length ?? 0;
  return { passed: expected + flaky, failed: unexpected + (unexpected === 0 ? setupErrors : 0), skipped };
}

function readReport(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    console.error(`No test report at ${file}: the runner crashed before writing it.`);
    return null;
  }
}
