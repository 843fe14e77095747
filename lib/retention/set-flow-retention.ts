import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ActingUser } from "@/lib/audit/acting-user";
import { recordFlowAudit } from "@/lib/flows/record-flow-audit";
import type { FlowRetention } from "@/lib/retention/schema";

export type SetFlowRetentionOptions = FlowRetention & { flowId: string; actor: ActingUser };

/**
 * An admin's change to how long a flow's runs keep their payloads and how
 * long they are kept at all; the next retention.purge applies it. Audited
 * with the old and new values, since a shorter window deletes history for
 * good. Saving the same values again writes no second audit row.
 */
export async function setFlowRetention({ flowId, bodyRetentionDays, runRetentionDays, actor }: SetFlowRetentionOptions) {
  return db.$transaction(async (tx) => {
    const before = await tx.flow.findUnique({ where: { id: flowId }, select: { bodyRetentionDays: true, runRetentionDays: true } });
    if (!before) throw new AppError("not_found", "Flow not found");
    const flow = await tx.flow.update({ where: { id: flowId }, data: { bodyRetentionDays, runRetentionDays } });
    if (before.bodyRetentionDays !== bodyRetentionDays || before.runRetentionDays !== runRetentionDays) {
      await recordFlowAudit({ tx, actor, action: "flow.retention", flow, details: { from: before, to: { bodyRetentionDays, runRetentionDays } } });
    }
    return flow;
  });
}
