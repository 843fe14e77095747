import { hostname } from "node:os";
import { db } from "@/lib/db";

export type BeatWorkerHeartbeatOptions = { workerId: string; startedAt: Date; now?: Date };

/** Records that this worker process is alive; /api/health reads the newest beat. */
export async function beatWorkerHeartbeat({ workerId, startedAt, now = new Date() }: BeatWorkerHeartbeatOptions): Promise<void> {
  const row = { host: hostname(), pid: process.pid, startedAt, beatAt: now };
  await db.workerHeartbeat.upsert({ where: { id: workerId }, create: { id: workerId, ...row }, update: { beatAt: now } });
}
