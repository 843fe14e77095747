import type { DestinationStream } from "pino";
import type { Job, JobResult, PgBoss } from "pg-boss";
import { z } from "zod";
import { env } from "@/lib/env.mjs";
import { randomUUID } from "node:crypto";
import { scheduleAlertEvaluation } from "@/lib/alerts/schedule-alert-evaluation";
import { scheduleDashboardJobs } from "@/lib/dashboard/schedule-dashboard-jobs";
import { beatWorkerHeartbeat } from "@/lib/health/beat-worker-heartbeat";
import { scheduleIntakeRetention } from "@/lib/intake/schedule-intake-retention";
import { createLogger, routeLogs } from "@/lib/log";
import { startBoss, useBoss } from "@/lib/queue/boss";
import { JOBS, JOB_NAMES, type JobName } from "@/lib/queue/jobs";
import { scheduleRunRetention } from "@/lib/retention/schedule-run-retention";
import { redactValue } from "@/lib/redact/redact-value";
import { reconcileFlowSchedules } from "@/lib/triggers/reconcile-flow-schedules";
import { JOB_HANDLERS } from "@/worker/jobs";

const log = createLogger("worker", env.LOG_LEVEL);

// Jobs are fetched a few at a time so a backlog drains continuously (pg-boss
// only fetches again at once after a full batch); each job still settles alone.
const BATCH_SIZE = 4;

export type WorkerOptions = {
  databaseUrl: string;
  concurrency?: number;
  pollingIntervalSeconds?: number;
  /**
   * Where every log line of this process goes instead of stdout: the
   * worker's own and every lib/ logger's (the secret canary test captures
   * them in memory and searches them).
   */
  logDestination?: DestinationStream;
};

/**
 * Starts pg-boss, registers every job in JOBS with its handler and brings
 * the schedules up to date. Returns the running instance.
 */
export async function startWorker({ databaseUrl, concurrency = env.WORKER_CONCURRENCY, pollingIntervalSeconds = 2, logDestination }: WorkerOptions): Promise<PgBoss> {
  if (logDestination) routeLogs(logDestination);
  const boss = await startBoss(databaseUrl, "worker");
  useBoss(boss);
  const batchSize = Math.min(BATCH_SIZE, concurrency);
  const options = {
    batchSize,
    localConcurrency: Math.ceil(concurrency / batchSize),
    burstWhenBatchFull: true,
    perJobResults: true,
    pollingIntervalSeconds,
    // NOTIFY only announces new jobs; a delayed retry becomes due silently,
    // so polling must stay this frequent even while NOTIFY is active.
    notifyPollingIntervalSeconds: pollingIntervalSeconds,
  } as const;
  for (const name of JOB_NAMES) await boss.work(name, options, (jobs) => Promise.all(jobs.map((job) => settle(name, job))));
  // Schedules are rows in pg-boss, so they survive restarts; these repair
  // whatever changed while no worker ran (a flow deleted, a sync lost).
  await scheduleIntakeRetention();
  await scheduleRunRetention();
  await scheduleAlertEvaluation();
  await scheduleDashboardJobs();
  const flows = await reconcileFlowSchedules();
  startHeartbeat(boss);
  log.info({ queues: JOB_NAMES, concurrency, scheduleSyncs: flows }, "worker started");
  return boss;
}

// /api/health reports the queue unserved when no worker beat lately. A
// failed beat is logged, not thrown: the database being away is already
// what the worker's own reconnects handle (R15).
function startHeartbeat(boss: PgBoss): void {
  const heartbeat = { workerId: randomUUID(), startedAt: new Date() };
  const beat = () => beatWorkerHeartbeat(heartbeat).catch((error: unknown) => log.warn({ err: error }, "worker heartbeat not recorded"));
  void beat();
  const timer = setInterval(beat, env.WORKER_HEARTBEAT_SECONDS * 1000);
  timer.unref();
  boss.on("stopped", () => clearInterval(timer));
}

async function settle(name: JobName, job: Job<unknown>): Promise<JobResult> {
  // Widened to one schema type: the union of every job's schema has no common safeParse result.
  const schema: z.ZodType = JOBS[name].schema;
  const parsed = schema.safeParse(job.data);
  if (!parsed.success) {
    // A payload that does not parse will never parse: dead-letter it where it
    // is visible instead of retrying it.
    log.error({ job: job.id, queue: name, issues: z.treeifyError(parsed.error) }, "invalid job payload");
    return { id: job.id, status: "deadletter", output: { error: "invalid payload" } };
  }
  try {
    await (JOB_HANDLERS[name] as (payload: unknown, job: Job<unknown>) => Promise<void>)(parsed.data, job);
    return { id: job.id, status: "completed" };
  } catch (error) {
    log.error({ err: error, job: job.id, queue: name }, "job failed; pg-boss will retry it");
    return { id: job.id, status: "failed", output: redactValue({ error: error instanceof Error ? error.message : String(error) }) as object };
  }
}
