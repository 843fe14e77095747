import type { FlowNodeOf } from "@/lib/flows/schema";
import type { StepResult } from "@/lib/nodes/types";
import { StepFailureError } from "@/lib/runs/failure-class";

/**
 * Kinds the definition already describes but the engine cannot run yet.
 * Publishing refuses them (validateGraph), so reaching this means a version
 * was written around the API; fail permanently and visibly, never silently.
 */
export async function executeNotYet(node: FlowNodeOf<"dedup" | "lookup">): Promise<StepResult> {
  throw new StepFailureError({ class: "permanent", code: "kind_not_supported", message: `Nodes of kind "${node.kind}" cannot run yet` });
}
