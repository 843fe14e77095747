import { describe, expect, it } from "vitest";
// Nothing from lib/ here: the suite points DATABASE_URL at its own server before lib/env.mjs loads.
import { chaosPgPort, parsePendingChecks } from "@/tests/chaos/chaos-options";
import { runChaosSuite } from "@/tests/chaos/run-chaos-suite";

// A few hundred events keep this at a few minutes on two cores; `npm run chaos` runs thousands.
const EVENTS = 300;
const SEED = Number(process.env.CHAOS_SEED ?? 20_261_124);

describe("chaos (R6–R16 under faults, crashes and a database restart)", () => {
  it("keeps every invariant with duplicates, stale versions, provider faults, killed workers and a PostgreSQL restart", async () => {
    const outcome = await runChaosSuite(
      {
        events: EVENTS,
        seed: SEED,
        workers: 2,
        workerConcurrency: 4,
        // Spread over about twenty seconds, so the kills and the restart land while work is in flight.
        rate: 15,
        killEverySeconds: 8,
        quiescenceTimeoutSeconds: 180,
        pgPort: chaosPgPort(process.env.FLOWGATE_CHAOS_PG_PORT),
        dataDir: ".data/chaos-pg",
        pending: parsePendingChecks(process.env.CHAOS_PENDING_CHECKS),
      },
      `${process.env.CHAOS_PENDING_CHECKS ? `CHAOS_PENDING_CHECKS=${process.env.CHAOS_PENDING_CHECKS} ` : ""}CHAOS_SEED=${SEED} npx vitest run --project integration tests/integration/chaos.test.ts`,
    );
    console.log(outcome.report);
    // The whole report on failure: every line's count, each violation's examples and the seed.
    expect(outcome.violations, outcome.report).toBe(0);
    // The chaos really happened: otherwise a clean report would prove nothing.
    const { observations } = outcome;
    expect(observations.kills.length).toBeGreaterThan(0);
    expect(observations.pgRestarts).toBe(1);
    expect(observations.provider.requestLog.some((entry) => entry.fault !== null)).toBe(true);
    expect(observations.runs.some((run) => run.status === "failed")).toBe(true);
  }, 480_000);
});
