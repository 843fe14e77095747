import jsonata from "jsonata";
import { claimDedupKey } from "@/lib/dedup/claim-dedup-key";
import { toDedupKey } from "@/lib/dedup/to-dedup-key";
import { StepFailureError } from "@/lib/runs/failure-class";
import type { NodeExecutor } from "@/lib/nodes/types";

/**
 * A flow's dedup rule (R13): the key is claimed before any later step can
 * act, so of two runs for one business action only the first goes on. The
 * other ends as "duplicate of run X" (or fails, if the rule says so). The
 * input passes on unchanged.
 */
export const executeDedup: NodeExecutor<"dedup"> = async (node, context) => {
  const { config } = node;
  const key = toDedupKey(await evaluateKey(config.key, context.input));
  // Without a key the rule cannot be enforced; letting the run through could repeat an action.
  if (key === null) throw new StepFailureError({ class: "permanent", code: "dedup_key_missing", message: "The dedup key expression gave no value for this event" });
  const scope = config.scope === "global" ? "global" : `flow:${context.run.flowId}`;
  const claim = await claimDedupKey({ scope, key, runId: context.run.id, nodeId: node.id, windowSeconds: config.windowSeconds });
  if (claim.claimed) return { output: context.input };
  const reason = `duplicate of run ${claim.duplicateOfRunId}`;
  if (config.onDuplicate === "fail") throw new StepFailureError({ class: "permanent", code: "duplicate", message: `The dedup key is already claimed: ${reason}` });
  return { output: context.input, endRun: { status: "skipped_duplicate", reason, duplicateOfRunId: claim.duplicateOfRunId } };
};

async function evaluateKey(expression: string, input: unknown): Promise<unknown> {
  try {
    return await jsonata(expression).evaluate(input);
  } catch (error) {
    // jsonata throws plain objects carrying a message; bad data does not get better by retrying.
    const message = (error as { message?: string }).message ?? "expression failed";
    throw new StepFailureError({ class: "permanent", code: "expression_error", message: `Dedup key failed: ${message}` });
  }
}
