import { PgBoss, type Queue } from "pg-boss";
import { env } from "@/lib/env.mjs";
import { createLogger } from "@/lib/log";
import { JOBS, JOB_NAMES, type JobName } from "@/lib/queue/jobs";

export const BOSS_SCHEMA = "pgboss";
const log = createLogger("queue", env.LOG_LEVEL);

type BossRole = "producer" | "worker";

const holder: { boss?: Promise<PgBoss> } =
  env.NODE_ENV === "development" ? (globalThis as { boss?: Promise<PgBoss> }) : {};

/** Starts pg-boss and makes sure every queue in JOBS exists (idempotent). */
export async function startBoss(connectionString: string, role: BossRole): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString,
    schema: BOSS_SCHEMA,
    max: role === "worker" ? Math.max(4, Math.ceil(env.WORKER_CONCURRENCY / 2) + 2) : 4,
    // Maintenance and cron belong to the worker; the web process only sends.
    supervise: role === "worker",
    // The monitor pass is what fails a job whose heartbeat lapsed (so it is retried),
    // and fetches skip run ids the cached queue stats still list as active: with
    // pg-boss's 60 s defaults a dead worker's run sat idle up to two minutes longer.
    superviseIntervalSeconds: env.WORKER_SUPERVISE_SECONDS,
    monitorIntervalSeconds: env.WORKER_SUPERVISE_SECONDS,
    queueCacheIntervalSeconds: env.WORKER_SUPERVISE_SECONDS,
    schedule: role === "worker",
    application_name: `flowgate-${role}`,
    // Workers hold a LISTEN connection so a new job wakes them at once
    // instead of at their next poll; senders need none.
    useListenNotify: role === "worker",
  });
  // Without a listener, a dropped idle connection (database restart) would
  // be an unhandled 'error' event and crash the process; pg-boss reconnects.
  boss.on("error", (error) => log.error({ err: error, role }, "pg-boss error"));
  await boss.start();
  for (const name of JOB_NAMES) await ensureQueue(boss, name);
  return boss;
}

/** Makes the worker's own instance the one sendJob uses, so a worker process opens one pool, not two. */
export function useBoss(boss: PgBoss): void {
  holder.boss = Promise.resolve(boss);
}

/** The process's pg-boss: the worker's, or a send-only one started on first use (web). */
export function getBoss(): Promise<PgBoss> {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set.");
  const url = env.DATABASE_URL;
  holder.boss ??= startBoss(url, "producer").catch((error: unknown) => {
    // Forget the failed start so the next request tries again instead of
    // serving a rejected promise forever after a database outage.
    holder.boss = undefined;
    throw error;
  });
  return holder.boss;
}

/** Creates a missing queue, and brings an existing one's options up to date after an upgrade. */
async function ensureQueue(boss: PgBoss, name: JobName): Promise<void> {
  const { policy: _policy, ...options } = JOBS[name].queue as Omit<Queue, "name">;
  if (await boss.getQueue(name)) await boss.updateQueue(name, options);
  else await boss.createQueue(name, JOBS[name].queue);
}
