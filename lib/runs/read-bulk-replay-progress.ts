import { db } from "@/lib/db";

export type BulkReplayProgress = { total: number; replayed: number; inFlight: number; succeeded: number; failed: number };

const IN_FLIGHT = new Set(["queued", "running", "waiting_retry"]);

/**
 * Progress of bulk replays, read from the runs they created (one grouped
 * query for all of them): how many are replayed so far, still executing,
 * succeeded, and ended otherwise.
 */
export async function readBulkReplayProgress(replays: Array<{ id: string; runIds: string[] }>): Promise<Map<string, BulkReplayProgress>> {
  const groups = await db.run.groupBy({ by: ["bulkReplayId", "status"], where: { bulkReplayId: { in: replays.map((replay) => replay.id) } }, _count: { _all: true } });
  const progress = new Map(replays.map((replay) => [replay.id, { total: replay.runIds.length, replayed: 0, inFlight: 0, succeeded: 0, failed: 0 }]));
  for (const group of groups) {
    const entry = group.bulkReplayId ? progress.get(group.bulkReplayId) : undefined;
    if (!entry) continue;
    const count = group._count._all;
    entry.replayed += count;
    if (IN_FLIGHT.has(group.status)) entry.inFlight += count;
    else if (group.status === "succeeded") entry.succeeded += count;
    else entry.failed += count;
  }
  return progress;
}
