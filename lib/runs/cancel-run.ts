import { db, type DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ActingUser } from "@/lib/audit/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { transitionRun } from "@/lib/runs/run-transitions";

export type CancelRunOptions = { runId: string; actor: ActingUser; reason?: string };

/**
 * Cancels a run in any non-final state (R14). A queued or waiting run never
 * starts again; a running one stops at its next step boundary (the call in
 * flight completes and is recorded, so nothing is left half-known). The
 * change and its audit row commit together; a second cancel is a 409.
 */
export async function cancelRun({ runId, actor, reason }: CancelRunOptions) {
  return db.$transaction(async (tx) => {
    const statusReason = `Cancelled by ${actor.email}${reason ? `: ${reason}` : ""}`;
    const cancelled = await transitionRun({ tx, runId, to: "cancelled", data: { finishedAt: new Date(), statusReason } });
    const run = await tx.run.findUnique({ where: { id: runId }, select: { id: true, status: true, flowId: true } });
    if (!run) throw new AppError("not_found", "Run not found");
    if (!cancelled) throw new AppError("conflict", `This run is already ${run.status.replace("_", " ")}; only queued, running, waiting or needs-review runs can be cancelled`);
    await cancelWaitingSteps(tx, [runId]);
    await recordAudit({ tx, actor, action: "run.cancel", target: { type: "run", id: runId }, details: { flowId: run.flowId, ...(reason ? { reason } : {}) } });
    return run;
  });
}

/** A cancelled run's steps that wait (for an attempt or a person) end with it; a running step is left to notice at its boundary. */
export async function cancelWaitingSteps(tx: DbTransaction, runIds: string[]): Promise<void> {
  await tx.stepRun.updateMany({ where: { runId: { in: runIds }, status: { in: ["waiting_retry", "needs_review"] } }, data: { status: "cancelled", finishedAt: new Date(), nextAttemptAt: null } });
}
