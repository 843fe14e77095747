import type { FlowNodeOf, TriggerKind } from "@/lib/flows/schema";
import type { StepContext, StepResult } from "@/lib/nodes/types";

/** A trigger's step passes the event payload on; intake already did the checking. */
export async function executeTrigger<K extends TriggerKind>(_node: FlowNodeOf<K>, context: StepContext): Promise<StepResult> {
  return { output: context.trigger };
}
