import { db } from "@/lib/db";
import { env } from "@/lib/env.mjs";
import { BOSS_SCHEMA } from "@/lib/queue/boss";

const CHECK_TIMEOUT_MS = 2_000;
/** Missing this many beats in a row means no worker is serving the queue. */
const MISSED_BEATS = 3;

export type CheckState = "up" | "down";
export type Health = {
  ok: boolean;
  status: "ok" | "failing";
  database: CheckState;
  checks: { database: CheckState; queue: CheckState; worker: "up" | "stale" | "none" | "unknown" };
};

/**
 * Database (SELECT 1), queue (pg-boss's schema answers) and worker (a
 * heartbeat newer than three intervals), each bounded by a timeout so a hung
 * database makes health fail fast instead of hanging the probe. Only states,
 * no details that help an attacker: the endpoint is public for load balancers.
 */
export async function checkHealth(now = new Date()): Promise<Health> {
  const database = await probe(() => db.$queryRaw`SELECT 1`);
  const queue = database === "up" ? await probe(() => db.$queryRawUnsafe(`SELECT 1 FROM "${BOSS_SCHEMA}".version LIMIT 1`)) : "down";
  const worker = database === "up" ? await workerState(now) : "unknown";
  const ok = database === "up" && queue === "up" && worker === "up";
  return { ok, status: ok ? "ok" : "failing", database, checks: { database, queue, worker } };
}

async function workerState(now: Date): Promise<Health["checks"]["worker"]> {
  const newest = await withTimeout(db.workerHeartbeat.findFirst({ orderBy: { beatAt: "desc" }, select: { beatAt: true } })).catch(() => undefined);
  if (newest === undefined) return "unknown";
  if (newest === null) return "none";
  return now.getTime() - newest.beatAt.getTime() <= MISSED_BEATS * env.WORKER_HEARTBEAT_SECONDS * 1000 ? "up" : "stale";
}

async function probe(query: () => Promise<unknown>): Promise<CheckState> {
  try {
    await withTimeout(query());
    return "up";
  } catch {
    return "down";
  }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("health check timed out")), CHECK_TIMEOUT_MS)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
