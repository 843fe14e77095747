import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type BulkReplayProgress = { total: number; replayed: number; inFlight: number; succeeded: number; failed: number };

/**
 * A bulk replay with its progress, read from the runs it created: how many
 * are replayed so far, still executing, succeeded, and ended otherwise.
 */
export async function getBulkReplayOrThrow(bulkReplayId: string) {
  const replay = await db.bulkReplay.findUnique({ where: { id: bulkReplayId } });
  if (!replay) throw new AppError("not_found", "Bulk replay not found");
  const counts = await db.run.groupBy({ by: ["status"], where: { bulkReplayId }, _count: { _all: true } });
  const count = (match: (status: string) => boolean) => counts.filter((row) => match(row.status)).reduce((sum, row) => sum + row._count._all, 0);
  const inFlight = count((status) => ["queued", "running", "waiting_retry"].includes(status));
  const succeeded = count((status) => status === "succeeded");
  const { runIds, ...rest } = replay;
  const progress: BulkReplayProgress = { total: runIds.length, replayed: count(() => true), inFlight, succeeded, failed: count(() => true) - inFlight - succeeded };
  return { ...rest, progress };
}
