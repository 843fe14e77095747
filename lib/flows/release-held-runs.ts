import { db } from "@/lib/db";
import { sendJob } from "@/lib/queue/send-job";

/** Runs enqueued per transaction: small enough to keep each commit short, large enough to drain a long pause quickly. */
const RELEASE_BATCH = 200;

export type ReleaseHeldRunsResult = { released: number; skipped: number; stillPaused: boolean };

/**
 * Enqueues the runs a paused flow held, oldest first, in batches. Each batch
 * sends the runs' jobs and deletes their HeldRun rows in one transaction, so
 * a crash repeats a batch at worst, and the job id (singletonKey = run id)
 * keeps a repeat from starting a run twice. A run cancelled while held is
 * just let go. If the flow is paused again meanwhile, the rest stays held
 * for the next resume.
 */
export async function releaseHeldRuns(flowId: string): Promise<ReleaseHeldRunsResult> {
  const result: ReleaseHeldRunsResult = { released: 0, skipped: 0, stillPaused: false };
  for (;;) {
    const batch = await db.$transaction(async (tx) => {
      const flow = await tx.flow.findUnique({ where: { id: flowId }, select: { status: true } });
      if (flow?.status !== "active") return null;
      const held = await tx.$queryRaw<{ runId: string; status: string }[]>`
        SELECT h."runId", r."status"::text AS status FROM "HeldRun" h JOIN "Run" r ON r."id" = h."runId"
        WHERE h."flowId" = ${flowId}::uuid ORDER BY h."heldAt", h."runId" LIMIT ${RELEASE_BATCH} FOR UPDATE OF h SKIP LOCKED`;
      const queued = held.filter((run) => run.status === "queued");
      for (const run of queued) await sendJob("run.execute", { runId: run.runId }, { tx, singletonKey: run.runId });
      await tx.heldRun.deleteMany({ where: { runId: { in: held.map((run) => run.runId) } } });
      return { released: queued.length, skipped: held.length - queued.length };
    });
    if (batch === null) return { ...result, stillPaused: true };
    result.released += batch.released;
    result.skipped += batch.skipped;
    if (batch.released + batch.skipped < RELEASE_BATCH) return result;
  }
}
