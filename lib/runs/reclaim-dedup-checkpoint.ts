import type { FlowNodeOf } from "@/lib/flows/schema";
import { executeDedup } from "@/lib/nodes/execute-dedup";
import type { StepContext } from "@/lib/nodes/types";
import { StepFailureError } from "@/lib/runs/failure-class";
import type { StepOutcome } from "@/lib/runs/run-step";

/**
 * A dedup step that succeeded earlier claims its key again whenever its run
 * is executed anew. A permanent failure released the run's claims (R13), so a
 * retried run must not trust its old checkpoint: another event with the same
 * key may have taken the key meanwhile, and this run is then its duplicate.
 * Claiming is idempotent: a claim the run still holds is simply its own.
 * No attempt is recorded: the claim is ours, not an external effect.
 */
export async function reclaimDedupCheckpoint(node: FlowNodeOf<"dedup">, context: StepContext): Promise<Exclude<StepOutcome, { kind: "done" }> | { kind: "done"; handle: string }> {
  try {
    const result = await executeDedup(node, context);
    return result.endRun ? { kind: "end-run", end: result.endRun } : { kind: "done", handle: result.handle ?? "out" };
  } catch (error) {
    if (error instanceof StepFailureError) return { kind: "failed", failure: error.failure };
    throw error;
  }
}
