import { db } from "@/lib/db";
import type { ListBulkReplaysQuery } from "@/lib/runs/schema";
import { readBulkReplayProgress } from "@/lib/runs/read-bulk-replay-progress";

/**
 * Bulk replays newest first, with progress, so one started from a dialog can
 * be found and steered again after the page was closed. The frozen run id
 * lists stay out of the answer: they can hold 10,000 ids each.
 */
export async function listBulkReplays({ state, limit }: ListBulkReplaysQuery) {
  const replays = await db.bulkReplay.findMany({ where: state ? { state: { in: state } } : undefined, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
  const progress = await readBulkReplayProgress(replays);
  return replays.map(({ runIds: _runIds, ...replay }) => ({ ...replay, progress: progress.get(replay.id)! }));
}
