import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActingUser } from "@/lib/audit/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { payloadPurgedError } from "@/lib/retention/payload-purged-error";
import { sendJob } from "@/lib/queue/send-job";
import { stableJobId } from "@/lib/queue/stable-job-id";
import { transitionRun, transitionStep } from "@/lib/runs/run-transitions";

export type RetryRunOptions = { runId: string; actor: ActingUser };

/**
 * Puts a failed or needs-review run back in the queue on the same flow
 * version (R17). Succeeded steps keep their checkpoints; the step that
 * stopped the run waits for its next attempt with its stored idempotency
 * key and a fresh retry budget, its earlier attempts kept as history.
 *
 * The status change, the step reset, the job and the audit row commit
 * together. The change is conditional, so of two clicks one moves the run
 * and the other gets a 409; the job id is the run's retry number, so even a
 * race could not enqueue two jobs.
 */
export async function retryRun({ runId, actor }: RetryRunOptions) {
  return db.$transaction(async (tx) => {
    const before = await tx.run.findUnique({ where: { id: runId }, select: { status: true } });
    if (!before) throw new AppError("not_found", "Run not found");
    const data = { retryCount: { increment: 1 }, finishedAt: null, error: Prisma.DbNull, statusReason: `Retried by ${actor.email}` };
    if (!(await transitionRun({ tx, runId, to: "queued", data }))) {
      const now = await tx.run.findUniqueOrThrow({ where: { id: runId }, select: { status: true } });
      throw new AppError("conflict", `This run is ${now.status.replace("_", " ")}: it was already retried or has not failed; only failed or needs-review runs can be retried`);
    }
    const run = await tx.run.findUniqueOrThrow({
      where: { id: runId },
      select: { id: true, status: true, flowId: true, retryCount: true, bodiesPurgedAt: true, flow: { select: { bodyRetentionDays: true } } },
    });
    // Checked with the row locked by the transition above; throwing rolls the transition back.
    if (run.bodiesPurgedAt) throw payloadPurgedError(run.flow.bodyRetentionDays);
    const stopped = await tx.stepRun.findMany({ where: { runId, status: { in: ["failed", "needs_review"] } } });
    for (const step of stopped) {
      await transitionStep({
        tx,
        stepId: step.id,
        to: "waiting_retry",
        // startedAt restarts the policy's max elapsed time; attempts before retryBudgetFrom no longer count against it.
        // Waits left from before the failure are dropped: the next attempt would otherwise count the whole time the run lay failed.
        data: {
          nextAttemptAt: new Date(),
          waitReason: "operator_retry",
          finishedAt: null,
          startedAt: new Date(),
          retryBudgetFrom: step.attemptCount - step.rateLimitedAttempts,
          pendingWaits: Prisma.DbNull,
        },
      });
    }
    await sendJob("run.execute", { runId }, { tx, singletonKey: runId, id: stableJobId(runId, "retry", String(run.retryCount)) });
    await recordAudit({ tx, actor, action: "run.retry", target: { type: "run", id: runId }, details: { flowId: run.flowId, from: before.status, retry: run.retryCount } });
    return { id: run.id, status: run.status, flowId: run.flowId, retryCount: run.retryCount };
  });
}
