import { db } from "@/lib/db";
import type { BulkReplay } from "@/lib/generated/prisma/client";
import type { BulkReplayState } from "@/lib/generated/prisma/enums";
import { sendJob } from "@/lib/queue/send-job";
import { createReplayRun } from "@/lib/runs/create-replay-run";
import { FINAL_RUN_STATUSES, isFinalRunStatus } from "@/lib/runs/run-transitions";

/** How long a pass waits before looking again at a batch still executing. */
const RECHECK_SECONDS = 1;
const ACTIVE: BulkReplayState[] = ["running", "waiting_canary"];

/**
 * One pass of a bulk replay (the replay.bulk job). A batch is replayed only
 * when the previous one has finished, so pause and cancel (read here, every
 * pass) take effect between batches. With a canary, the first batch is the
 * canary: the rest follows only if every canary run succeeded, else the bulk
 * replay stops as canary_failed with the reason. Each pass ends by sending
 * the next one, until the replay is done, paused, cancelled or failed.
 */
export async function advanceBulkReplay(bulkReplayId: string): Promise<BulkReplayState | "missing"> {
  const replay = await db.bulkReplay.findUnique({ where: { id: bulkReplayId } });
  if (!replay) return "missing";
  if (!ACTIVE.includes(replay.state)) return replay.state;
  if ((await db.run.count({ where: { bulkReplayId, status: { notIn: FINAL_RUN_STATUSES } } })) > 0) return again(replay);

  const canaryOut = replay.canary !== null && !replay.canaryPassed && replay.cursor > 0;
  if (canaryOut) {
    const failed = await db.run.findFirst({ where: { bulkReplayId, status: { not: "succeeded" } }, orderBy: { createdAt: "asc" }, select: { id: true, status: true } });
    if (failed) return finish(replay, "canary_failed", `Canary run ${failed.id} ended ${failed.status.replace("_", " ")}; the other runs were not replayed`);
    await db.bulkReplay.updateMany({ where: { id: bulkReplayId, state: { in: ACTIVE } }, data: { canaryPassed: true, state: "running" } });
  }
  if (replay.cursor >= replay.runIds.length) return finish(replay, "done", null);

  const isCanary = replay.canary !== null && replay.cursor === 0;
  const batch = replay.runIds.slice(replay.cursor, replay.cursor + (isCanary ? (replay.canary ?? 0) : replay.batchSize));
  const moved = await db.$transaction(async (tx) => {
    // Conditional on the cursor and state this pass read: a pause or cancel
    // committed meanwhile, or a redelivered pass, replays nothing.
    const claimed = await tx.bulkReplay.updateMany({
      where: { id: bulkReplayId, cursor: replay.cursor, state: { in: ACTIVE } },
      data: { cursor: replay.cursor + batch.length, state: isCanary ? "waiting_canary" : "running" },
    });
    if (claimed.count === 0) return false;
    const originals = await tx.run.findMany({
      where: { id: { in: batch } },
      select: { id: true, status: true, flowId: true, eventId: true, environment: true, flowVersionId: true, flow: { select: { publishedVersionId: true } }, event: { select: { bodyPurgedAt: true } } },
    });
    for (const original of originals) {
      const flowVersionId = replay.version === "latest" ? original.flow.publishedVersionId : original.flowVersionId;
      // A run retried since the replay started is no longer finished: it is being handled already.
      if (!flowVersionId || !isFinalRunStatus(original.status)) continue;
      // Retention emptied its event: replaying would send blanks (a single replay answers 409 for the same reason).
      if (original.event.bodyPurgedAt) continue;
      await createReplayRun(tx, { original, flowVersionId, bulkReplayId });
    }
    return true;
  });
  return moved ? again(replay) : stateOf(bulkReplayId);
}

async function stateOf(bulkReplayId: string): Promise<BulkReplayState | "missing"> {
  return (await db.bulkReplay.findUnique({ where: { id: bulkReplayId }, select: { state: true } }))?.state ?? "missing";
}

async function again(replay: BulkReplay): Promise<BulkReplayState | "missing"> {
  await sendJob("replay.bulk", { bulkReplayId: replay.id }, { singletonKey: replay.id, startAfter: RECHECK_SECONDS });
  return stateOf(replay.id);
}

async function finish(replay: BulkReplay, state: "done" | "canary_failed", reason: string | null): Promise<BulkReplayState | "missing"> {
  const { count } = await db.bulkReplay.updateMany({ where: { id: replay.id, state: { in: ACTIVE } }, data: { state, reason, finishedAt: new Date() } });
  return count > 0 ? state : stateOf(replay.id);
}
