// Imports nothing from lib/ statically: the environment is set from the chaos
// database before lib/env.mjs first loads.
import { chaosOptionsSchema, type ChaosOptionsInput } from "@/tests/chaos/chaos-options";
import { startChaosDatabase } from "@/tests/chaos/start-chaos-database";
import type { ChaosOutcome } from "@/tests/chaos/run-chaos";

/**
 * Starts the chaos suite's own database, points this process (and through
 * its environment, every worker it spawns) at it, runs the chaos and tears
 * the database down. Shared by `npm run chaos` and the integration test.
 */
export async function runChaosSuite(input: ChaosOptionsInput, reproduce: string): Promise<ChaosOutcome> {
  const options = chaosOptionsSchema.parse(input);
  const database = await startChaosDatabase({ port: options.pgPort, dataDir: options.dataDir });
  try {
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      // Short leases, so a killed worker's run restarts in seconds (R14); the
      // harness's own pg-boss must agree, because it writes the queue options.
      WORKER_HEARTBEAT_SECONDS: "10",
      WORKER_SUPERVISE_SECONDS: "1",
      // The fake provider listens on loopback, which the outbound policy refuses unless allowed (R23).
      OUTBOUND_ALLOWLIST: "127.0.0.1",
      LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? "fatal",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "chaos-suite-session-secret-0123456789abcdef",
    });
    const { runChaos } = await import("@/tests/chaos/run-chaos");
    return await runChaos(options, database, reproduce);
  } finally {
    // CHAOS_KEEP_DB=1 leaves the run's database for a look (the next run drops it).
    const keep = process.env.CHAOS_KEEP_DB === "1";
    if (keep) console.error(`chaos: database kept at ${database.url} (server stopped; start it with the same data dir and port)`);
    await database.stop({ keep });
  }
}
