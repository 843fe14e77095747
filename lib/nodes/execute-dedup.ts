import { claimDedupKey } from "@/lib/dedup/claim-dedup-key";
import { computeDedupKey, DedupKeyError } from "@/lib/dedup/compute-dedup-key";
import { dedupScopeOf } from "@/lib/dedup/dedup-scope-of";
import type { DedupConfig } from "@/lib/flows/schema";
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
  const key = await keyOf(config, context.input);
  // Without a key the rule cannot be enforced; letting the run through could repeat an action.
  if (key === null) throw new StepFailureError({ class: "permanent", code: "dedup_key_missing", message: `The dedup key ${config.keyFields ? "fields" : "expression"} gave no value for this event` });
  const claim = await claimDedupKey({ scope: dedupScopeOf(config, context.run.flowId), key, runId: context.run.id, nodeId: node.id, windowSeconds: config.windowSeconds });
  if (claim.claimed) return { output: context.input };
  const reason = `duplicate of run ${claim.duplicateOfRunId}`;
  if (config.onDuplicate === "fail") throw new StepFailureError({ class: "permanent", code: "duplicate", message: `The dedup key is already claimed: ${reason}` });
  if (config.onDuplicate === "update") return { output: context.input, handle: "duplicate" };
  return { output: context.input, endRun: { status: "skipped_duplicate", reason, duplicateOfRunId: claim.duplicateOfRunId } };
};

async function keyOf(config: DedupConfig, input: unknown): Promise<string | null> {
  try {
    return await computeDedupKey(config, input);
  } catch (error) {
    // Bad data does not get better by retrying.
    if (error instanceof DedupKeyError) throw new StepFailureError({ class: "permanent", code: "expression_error", message: error.message });
    throw error;
  }
}
