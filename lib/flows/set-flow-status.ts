import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ActingUser } from "@/lib/audit/acting-user";
import { recordFlowAudit } from "@/lib/flows/record-flow-audit";
import type { FlowStatusInput } from "@/lib/flows/requests";
import { sendJob } from "@/lib/queue/send-job";

export type SetFlowStatusOptions = FlowStatusInput & { flowId: string; actor: ActingUser };

/**
 * Pausing stops the flow's schedule and, by the flow's `whilePaused`, either
 * refuses new events (409) or holds their runs; versions and runs in flight
 * are left alone. Resuming restarts the schedule and releases held runs.
 * The update only matches a flow whose status or mode would change, so a
 * repeated or concurrent click changes nothing and writes no second audit row.
 */
export async function setFlowStatus({ flowId, status, whilePaused, actor }: SetFlowStatusOptions) {
  return db.$transaction(async (tx) => {
    const mode = status === "paused" ? whilePaused : undefined;
    const { count } = await tx.flow.updateMany({
      where: { id: flowId, OR: [{ status: { not: status } }, ...(mode ? [{ whilePaused: { not: mode } }] : [])] },
      data: { status, ...(mode ? { whilePaused: mode } : {}) },
    });
    const flow = await tx.flow.findUnique({ where: { id: flowId } });
    if (!flow) throw new AppError("not_found", "Flow not found");
    if (count > 0) {
      const details = status === "paused" ? { whilePaused: flow.whilePaused } : undefined;
      await recordFlowAudit({ tx, actor, action: status === "paused" ? "flow.pause" : "flow.resume", flow, details });
      // In this transaction, so a pause that commits always stops the flow's schedule and a resume restarts it.
      await sendJob("flow.sync-schedule", { flowId }, { tx, singletonKey: flowId });
      // Likewise a resume always releases what was held; the row lock this
      // update holds orders it after any intake still parking a run (hold-run-if-still-paused.ts).
      if (status === "active") await sendJob("flow.release-held", { flowId }, { tx, singletonKey: flowId });
    }
    return flow;
  });
}
