import { claimDedupKey } from "@/lib/dedup/claim-dedup-key";
import { dedupScopeOf } from "@/lib/dedup/dedup-scope-of";
import { requireDedupKey } from "@/lib/nodes/require-dedup-key";
import { StepFailureError } from "@/lib/runs/failure-class";
import type { NodeExecutor } from "@/lib/nodes/types";

/**
 * A flow's dedup rule (R13): the key is claimed before any later step can
 * act, so of two runs for one business action only the first goes on. The
 * other ends as "duplicate of run X", fails, or (onDuplicate "update") goes
 * on along the "duplicate" output, where the flow updates the existing
 * record instead of creating one. The input passes on unchanged.
 */
export const executeDedup: NodeExecutor<"dedup"> = async (node, context) => {
  const { config } = node;
  const key = await requireDedupKey(config, context.input);
  const claim = await claimDedupKey({ scope: dedupScopeOf(config, context.run.flowId), key, runId: context.run.id, nodeId: node.id, windowSeconds: config.windowSeconds });
  if (claim.claimed) return { output: context.input };
  const reason = `duplicate of run ${claim.duplicateOfRunId}`;
  if (config.onDuplicate === "fail") throw new StepFailureError({ class: "permanent", code: "duplicate", message: `The dedup key is already claimed: ${reason}` });
  if (config.onDuplicate === "update") return { output: context.input, handle: "duplicate" };
  return { output: context.input, endRun: { status: "skipped_duplicate", reason, duplicateOfRunId: claim.duplicateOfRunId } };
};
