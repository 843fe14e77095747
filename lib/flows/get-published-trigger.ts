import { db } from "@/lib/db";
import { flowDefinitionSchema, isTriggerKind, type FlowNode, type TriggerKind } from "@/lib/flows/schema";

export type TriggerNode = Extract<FlowNode, { kind: TriggerKind }>;

/** The trigger of the version that runs, which is what intake enforces; null before the first publish. */
export async function getPublishedTrigger(publishedVersionId: string | null): Promise<TriggerNode | null> {
  if (!publishedVersionId) return null;
  const version = await db.flowVersion.findUnique({ where: { id: publishedVersionId }, select: { definition: true } });
  if (!version) return null;
  const trigger = flowDefinitionSchema.parse(version.definition).nodes.find(isTrigger);
  return trigger ?? null;
}

function isTrigger(node: FlowNode): node is TriggerNode {
  return isTriggerKind(node.kind);
}
