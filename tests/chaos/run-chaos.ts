import { configureConnector } from "@/lib/connector-limits/configure-connector";
import { db } from "@/lib/db";
import { getBoss } from "@/lib/queue/boss";
import { checkRunAccounting } from "@/lib/runs/check-run-accounting";
import { startFakeProvider, type FakeProvider } from "@/tests/support/fake-provider";
import { createPublishedFlow } from "@/tests/support/fixtures";
import { createRandom } from "@/tests/support/seeded-random";
import { buildChaosFlowDefinition } from "@/tests/chaos/build-chaos-flow";
import { buildChaosFaultPlan } from "@/tests/chaos/chaos-fault-mix";
import type { ChaosObservations } from "@/tests/chaos/chaos-observations";
import { CHAOS_BREAKER, CHAOS_CONNECTOR_KEY, CHAOS_CONNECTOR_LIMIT, CHAOS_CONNECTOR_PER_SECOND, type ChaosOptions } from "@/tests/chaos/chaos-options";
import { checkInvariants, countViolations, type CheckedResult } from "@/tests/chaos/check-invariants";
import { formatReport } from "@/tests/chaos/format-report";
import { startWorkerKiller, type WorkerKiller } from "@/tests/chaos/kill-workers";
import { loadObservedRuns } from "@/tests/chaos/load-observed-runs";
import { planDeliveries } from "@/tests/chaos/plan-deliveries";
import { sendDeliveries } from "@/tests/chaos/send-deliveries";
import { spawnWorkers, type WorkerPool } from "@/tests/chaos/spawn-workers";
import type { ChaosDatabase } from "@/tests/chaos/start-chaos-database";
import { waitForQuiescence, waitForShareFinal } from "@/tests/chaos/wait-for-quiescence";
import { watchConnector } from "@/tests/chaos/watch-connector";

export type ChaosOutcome = { report: string; violations: number; results: CheckedResult[]; observations: ChaosObservations };

/** How long the database stays down during its restart. */
const DATABASE_DOWN_MS = 2_000;
/**
 * Workers are killed until this share of the runs is final: kills land
 * across the whole workload, while the tail, which each kill would stretch
 * by a lease, runs undisturbed to rest.
 */
const KILL_UNTIL_SHARE = 0.9;

/**
 * One chaos run against `database` (already in DATABASE_URL): a published
 * flow calling the fake provider under a seeded fault mix, webhook deliveries
 * through intake in this process, worker child processes killed and replaced,
 * the database restarted once; then, at rest, every invariant checked.
 */
export async function runChaos(options: ChaosOptions, database: ChaosDatabase, reproduce: string): Promise<ChaosOutcome> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  // Separate streams, so changing how often one of them draws leaves the others' choices alone.
  const plan = planDeliveries({ orders: options.events, duplicateShare: options.duplicateShare, versionShare: options.versionShare, random: createRandom(options.seed) });
  const killRandom = createRandom(options.seed + 1);
  const restartAt = Math.floor(plan.deliveries * (0.3 + 0.4 * createRandom(options.seed + 2).next()));

  let killer: WorkerKiller | undefined;
  let pool: WorkerPool | undefined;
  let provider: FakeProvider | undefined;
  try {
    provider = await startFakeProvider({ onAnswered: (entry, status) => killer?.onAnswered(entry, status) });
    provider.setFaultPlan(buildChaosFaultPlan(options.seed));
    const { flow } = await createPublishedFlow(buildChaosFlowDefinition(`${provider.url}/crm/orders`), "Chaos");
    // The same constants the limit checks judge the provider's observations by.
    await configureConnector({ key: CHAOS_CONNECTOR_KEY, settings: { maxInFlight: CHAOS_CONNECTOR_LIMIT, maxPerSecond: CHAOS_CONNECTOR_PER_SECOND, ...CHAOS_BREAKER } });
    // Installs pg-boss and the queues before the workers race to do the same.
    await getBoss();

    let databaseUp: Promise<void> = Promise.resolve();
    const workers = spawnWorkers({
      count: options.workers,
      env: { ...process.env, WORKER_CONCURRENCY: String(options.workerConcurrency) },
      gate: () => databaseUp,
    });
    pool = workers;
    killer = startWorkerKiller({ pool: workers, random: killRandom, meanSeconds: options.killEverySeconds, afterCreateChance: options.killAfterCreateChance });
    const connector = watchConnector(CHAOS_CONNECTOR_KEY);
    // Deliveries start once every worker is up, so the load meets a working system and its kills.
    await workers.whenAllReady();
    log(`chaos: ${plan.deliveries} deliveries for ${plan.orders} orders, ${options.workers} workers${options.restartDatabase ? `, database restart after delivery ${restartAt}` : ""}`);

    let pgRestarts = 0;
    let restart: Promise<void> = Promise.resolve();
    const delivery = await sendDeliveries({
      hookKey: flow.hookKey,
      plan,
      rate: options.rate,
      onDelivered: (count) => {
        if (count === restartAt && options.restartDatabase) {
          log(`chaos: restarting PostgreSQL after ${count} deliveries`);
          // Not while a worker is starting: R15 is about running workers; a worker
          // whose start meets a dead database exits (reported separately).
          databaseUp = restart = workers.whenAllReady().then(() => database.restart(DATABASE_DOWN_MS)).then(() => {
            pgRestarts += 1;
          });
        }
        if (count % 500 === 0) log(`chaos: ${count} deliveries accepted, ${killer?.kills.length ?? 0} kills`);
      },
    });
    await restart;
    log(`chaos: all delivered after ${((Date.now() - started) / 1000).toFixed(0)} s; killing on until ${KILL_UNTIL_SHARE * 100}% of the runs are final`);
    await waitForShareFinal({ flowId: flow.id, share: KILL_UNTIL_SHARE, timeoutMs: options.quiescenceTimeoutSeconds * 1000 });
    killer.stop();
    log(`chaos: killing stopped after ${((Date.now() - started) / 1000).toFixed(0)} s; waiting for rest`);
    const quiescence = await waitForQuiescence({ flowId: flow.id, timeoutMs: options.quiescenceTimeoutSeconds * 1000 });
    const { breakerOpenWindows, retryAfterWindows } = await connector.stop();
    await pool.stop();

    const observations: ChaosObservations = {
      seed: options.seed,
      plan,
      delivery,
      provider,
      runs: await loadObservedRuns(flow.id, "create"),
      accounting: (await checkRunAccounting(flow.id))[0],
      quiescence,
      kills: killer.kills,
      killOwnerNotFound: killer.ownerNotFound,
      killPicked: killer.picked,
      workersStarted: pool.started,
      workersDiedOnTheirOwn: pool.diedOnTheirOwn,
      pgRestarts,
      connectorLimit: CHAOS_CONNECTOR_LIMIT,
      connectorPerSecond: CHAOS_CONNECTOR_PER_SECOND,
      breakerOpenWindows,
      retryAfterWindows,
      pending: options.pending,
      durationMs: Date.now() - started,
    };
    const results = checkInvariants(observations);
    const violations = countViolations(results);
    let report = formatReport(observations, results, reproduce);
    if (violations > 0 && workers.errorTail.length > 0) report += `\n\nLast worker errors:\n${workers.errorTail.join("\n")}`;
    return { report, violations, results, observations };
  } finally {
    killer?.stop();
    await pool?.stop();
    await provider?.close();
    await (await getBoss().catch(() => undefined))?.stop({ graceful: false });
    await db.$disconnect();
  }
}
