import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** 422 when a rule names channels or a flow that do not exist, instead of a rule that silently notifies no one. */
export async function checkRuleReferences({ channelIds, flowId }: { channelIds?: string[]; flowId?: string | null }): Promise<void> {
  if (channelIds && channelIds.length > 0) {
    const found = await db.alertChannel.count({ where: { id: { in: channelIds } } });
    if (found !== new Set(channelIds).size) throw new AppError("validation_failed", "channelIds: a channel does not exist");
  }
  if (flowId && (await db.flow.count({ where: { id: flowId } })) === 0) throw new AppError("validation_failed", "flowId: no such flow");
}
