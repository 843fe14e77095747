import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readBulkReplayProgress } from "@/lib/runs/read-bulk-replay-progress";

export type { BulkReplayProgress } from "@/lib/runs/read-bulk-replay-progress";

/** A bulk replay with its progress, without the frozen list of run ids. */
export async function getBulkReplayOrThrow(bulkReplayId: string) {
  const replay = await db.bulkReplay.findUnique({ where: { id: bulkReplayId } });
  if (!replay) throw new AppError("not_found", "Bulk replay not found");
  const progress = await readBulkReplayProgress([replay]);
  const { runIds: _runIds, ...rest } = replay;
  return { ...rest, progress: progress.get(replay.id)! };
}
