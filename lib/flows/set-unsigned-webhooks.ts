import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ActingUser } from "@/lib/audit/acting-user";
import { recordFlowAudit } from "@/lib/flows/record-flow-audit";

export type SetUnsignedWebhooksOptions = { flowId: string; allowed: boolean; actor: ActingUser };

/**
 * An admin's explicit, audited permission for one flow to publish a webhook
 * trigger without a signature check (R3). Withdrawing it takes effect at
 * once: intake refuses unsigned events with 401 from the next request on.
 * Like pausing, a repeated click changes nothing and writes no second row.
 */
export async function setUnsignedWebhooks({ flowId, allowed, actor }: SetUnsignedWebhooksOptions) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.flow.updateMany({ where: { id: flowId, unsignedWebhooksAllowed: !allowed }, data: { unsignedWebhooksAllowed: allowed } });
    const flow = await tx.flow.findUnique({ where: { id: flowId } });
    if (!flow) throw new AppError("not_found", "Flow not found");
    if (count > 0) await recordFlowAudit({ tx, actor, action: "flow.unsigned_webhooks", flow, details: { allowed } });
    return flow;
  });
}
