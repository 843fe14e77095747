import type { DbTransaction } from "@/lib/db";

/**
 * Parks a new run instead of enqueueing it, if its flow is still paused in
 * hold mode. The flow row is read under FOR SHARE: a resume (which updates
 * that row and sends flow.release-held in its own transaction) either waits
 * for this transaction, and its release then finds the HeldRun, or committed
 * first, and this sees the flow active and the caller enqueues as usual. So no
 * run is ever parked behind a resume that already happened.
 */
export async function holdRunIfStillPaused(tx: DbTransaction, flowId: string, runId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ status: string; whilePaused: string }[]>`
    SELECT "status"::text AS status, "whilePaused"::text AS "whilePaused" FROM "Flow" WHERE "id" = ${flowId}::uuid FOR SHARE`;
  const flow = rows[0];
  if (flow?.status !== "paused" || flow.whilePaused !== "hold") return false;
  await tx.heldRun.create({ data: { runId, flowId } });
  return true;
}
