import { computeDedupKey, DedupKeyError } from "@/lib/dedup/compute-dedup-key";
import type { DedupConfig } from "@/lib/flows/schema";
import { StepFailureError } from "@/lib/runs/failure-class";

/**
 * A dedup node's key for its input, or a permanent failure: a failing
 * expression, or no value at all. Without a key the rule cannot be
 * enforced, and letting the run through could repeat an action.
 */
export async function requireDedupKey(config: DedupConfig, input: unknown): Promise<string> {
  let key: string | null;
  try {
    key = await computeDedupKey(config, input);
  } catch (error) {
    // Bad data does not get better by retrying.
    if (error instanceof DedupKeyError) throw new StepFailureError({ class: "permanent", code: "expression_error", message: error.message });
    throw error;
  }
  if (key === null) {
    throw new StepFailureError({ class: "permanent", code: "dedup_key_missing", message: `The dedup key ${config.keyFields ? "fields" : "expression"} gave no value for this event` });
  }
  return key;
}
