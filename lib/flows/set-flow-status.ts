import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { FlowStatus } from "@/lib/generated/prisma/enums";
import type { ActingUser } from "@/lib/audit/acting-user";
import { recordFlowAudit } from "@/lib/flows/record-flow-audit";
import { sendJob } from "@/lib/queue/send-job";

export type SetFlowStatusOptions = { flowId: string; status: FlowStatus; actor: ActingUser };

/**
 * Pausing stops intake (409) and the flow's schedule without touching
 * versions or runs in flight.
 * The update only matches a flow not already in that status, so a repeated
 * or concurrent click changes nothing and writes no second audit row.
 */
export async function setFlowStatus({ flowId, status, actor }: SetFlowStatusOptions) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.flow.updateMany({ where: { id: flowId, status: { not: status } }, data: { status } });
    const flow = await tx.flow.findUnique({ where: { id: flowId } });
    if (!flow) throw new AppError("not_found", "Flow not found");
    if (count > 0) {
      await recordFlowAudit({ tx, actor, action: status === "paused" ? "flow.pause" : "flow.resume", flow });
      // In this transaction, so a pause that commits always stops the flow's schedule and a resume restarts it.
      await sendJob("flow.sync-schedule", { flowId }, { tx, singletonKey: flowId });
    }
    return flow;
  });
}
