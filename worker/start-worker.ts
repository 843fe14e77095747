import type { PgBoss } from "pg-boss";
import { env } from "@/lib/env.mjs";
import { createLogger } from "@/lib/log";
import { startBoss, useBoss } from "@/lib/queue/boss";
import { JOBS, JOB_NAMES, type JobName } from "@/lib/queue/jobs";
import { JOB_HANDLERS } from "@/worker/jobs";

const log = createLogger("worker", env.LOG_LEVEL);

export type WorkerOptions = { databaseUrl: string; concurrency?: number; pollingIntervalSeconds?: number };

/** Starts pg-boss and registers every job in JOBS with its handler. Returns the running instance. */
export async function startWorker({ databaseUrl, concurrency = env.WORKER_CONCURRENCY, pollingIntervalSeconds = 2 }: WorkerOptions): Promise<PgBoss> {
  const boss = await startBoss(databaseUrl, "worker");
  useBoss(boss);
  boss.on("error", (error) => log.error({ err: error }, "pg-boss error"));
  for (const name of JOB_NAMES) await register(boss, name, concurrency, pollingIntervalSeconds);
  log.info({ queues: JOB_NAMES, concurrency }, "worker started");
  return boss;
}

async function register<N extends JobName>(boss: PgBoss, name: N, concurrency: number, pollingIntervalSeconds: number) {
  await boss.work(name, { batchSize: 1, localConcurrency: concurrency, pollingIntervalSeconds }, async ([job]) => {
    if (!job) return;
    // A payload that does not parse is a bug upstream; failing the job puts
    // it in pg-boss's failed state where it is visible, instead of looping.
    const payload = JOBS[name].schema.parse(job.data) as Parameters<(typeof JOB_HANDLERS)[N]>[0];
    await JOB_HANDLERS[name](payload, job);
  });
}
