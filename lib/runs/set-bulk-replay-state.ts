import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { BulkReplayState } from "@/lib/generated/prisma/enums";
import type { ActingUser } from "@/lib/audit/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { sendJob } from "@/lib/queue/send-job";
import type { BulkReplayAction } from "@/lib/runs/schema";

export type SetBulkReplayStateOptions = { bulkReplayId: string; action: BulkReplayAction; actor: ActingUser };

/** From which states each action moves a bulk replay, and where to. */
const ACTIONS: Record<BulkReplayAction, { from: BulkReplayState[]; to: BulkReplayState }> = {
  pause: { from: ["running", "waiting_canary"], to: "paused" },
  // Back to running: the next pass sees whether a canary is still out and waits for it.
  resume: { from: ["paused"], to: "running" },
  cancel: { from: ["running", "waiting_canary", "paused"], to: "cancelled" },
};

/**
 * Pauses, resumes or cancels a bulk replay. The job reads the state before
 * each batch, so a pause or cancel takes effect between batches; runs already
 * replayed go on (cancel them one by one if needed). Audited; 409 from a state
 * the action does not apply to.
 */
export async function setBulkReplayState({ bulkReplayId, action, actor }: SetBulkReplayStateOptions) {
  const { from, to } = ACTIONS[action];
  return db.$transaction(async (tx) => {
    const finished = to === "cancelled" ? { finishedAt: new Date(), reason: `Cancelled by ${actor.email}` } : {};
    const { count } = await tx.bulkReplay.updateMany({ where: { id: bulkReplayId, state: { in: from } }, data: { state: to, ...finished } });
    const replay = await tx.bulkReplay.findUnique({ where: { id: bulkReplayId }, select: { id: true, state: true } });
    if (!replay) throw new AppError("not_found", "Bulk replay not found");
    if (count === 0) throw new AppError("conflict", `This bulk replay is ${replay.state.replace("_", " ")}; it cannot ${action}`);
    if (action === "resume") await sendJob("replay.bulk", { bulkReplayId }, { tx, singletonKey: bulkReplayId });
    await recordAudit({ tx, actor, action: `replay.${action}`, target: { type: "bulk_replay", id: bulkReplayId } });
    return replay;
  });
}
