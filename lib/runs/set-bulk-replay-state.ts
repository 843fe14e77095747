import { db, type DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { BulkReplayState } from "@/lib/generated/prisma/enums";
import type { ActingUser } from "@/lib/audit/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { sendJob } from "@/lib/queue/send-job";
import { cancelWaitingSteps } from "@/lib/runs/cancel-run";
import { transitionRuns } from "@/lib/runs/run-transitions";
import type { BulkReplayAction } from "@/lib/runs/schema";

export type SetBulkReplayStateOptions = {
  bulkReplayId: string;
  action: BulkReplayAction;
  actor: ActingUser;
  /** With cancel: also cancel the replay runs not finished yet, in the same transaction. */
  cancelRuns?: boolean;
};

/** From which states each action moves a bulk replay, and where to. */
const ACTIONS: Record<BulkReplayAction, { from: BulkReplayState[]; to: BulkReplayState }> = {
  pause: { from: ["running", "waiting_canary"], to: "paused" },
  // Back to running: the next pass sees whether a canary is still out and waits for it.
  resume: { from: ["paused"], to: "running" },
  cancel: { from: ["running", "waiting_canary", "paused"], to: "cancelled" },
};

/**
 * Pauses, resumes or cancels a bulk replay. The job reads the state before
 * each batch, so a pause or cancel takes effect between batches. Runs already
 * replayed go on, unless a cancel says `cancelRuns`: then those not finished
 * are cancelled too (a running one stops at its next step boundary, its call
 * in flight recorded). Audited; 409 from a state the action does not apply to.
 */
export async function setBulkReplayState({ bulkReplayId, action, actor, cancelRuns = false }: SetBulkReplayStateOptions) {
  const { from, to } = ACTIONS[action];
  return db.$transaction(async (tx) => {
    const finished = to === "cancelled" ? { finishedAt: new Date(), reason: `Cancelled by ${actor.email}` } : {};
    const { count } = await tx.bulkReplay.updateMany({ where: { id: bulkReplayId, state: { in: from } }, data: { state: to, ...finished } });
    const replay = await tx.bulkReplay.findUnique({ where: { id: bulkReplayId }, select: { id: true, state: true } });
    if (!replay) throw new AppError("not_found", "Bulk replay not found");
    if (count === 0) throw new AppError("conflict", `This bulk replay is ${replay.state.replace("_", " ")}; it cannot ${action}`);
    if (action === "resume") await sendJob("replay.bulk", { bulkReplayId }, { tx, singletonKey: bulkReplayId });
    const runsCancelled = action === "cancel" && cancelRuns ? await cancelReplayRuns(tx, bulkReplayId, actor) : undefined;
    await recordAudit({ tx, actor, action: `replay.${action}`, target: { type: "bulk_replay", id: bulkReplayId }, details: runsCancelled === undefined ? undefined : { runsCancelled } });
    return replay;
  });
}

async function cancelReplayRuns(tx: DbTransaction, bulkReplayId: string, actor: ActingUser): Promise<number> {
  const runIds = await transitionRuns({ tx, where: { bulkReplayId }, to: "cancelled", data: { finishedAt: new Date(), statusReason: `Cancelled by ${actor.email} with its bulk replay` } });
  await cancelWaitingSteps(tx, runIds);
  return runIds.length;
}
