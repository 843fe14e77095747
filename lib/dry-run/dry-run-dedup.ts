import { dedupScopeOf } from "@/lib/dedup/dedup-scope-of";
import { findLiveDedupClaim } from "@/lib/dedup/find-live-dedup-claim";
import { requireDedupKey } from "@/lib/nodes/require-dedup-key";
import type { DryRunner } from "@/lib/dry-run/types";

/**
 * The dedup decision a run would get now, without claiming anything: the
 * key as the executor computes it, and whether a live claim already holds it.
 */
export const dryRunDedup: DryRunner<"dedup"> = async (node, context) => {
  const { config } = node;
  const key = await requireDedupKey(config, context.input);
  const holder = await findLiveDedupClaim({ scope: dedupScopeOf(config, context.run.flowId), key });
  if (holder === null) return { output: context.input, handle: "out", dedup: { key, decision: "new" } };

  const dedup = { key, decision: "duplicate" as const, duplicateOfRunId: holder.runId };
  const reason = `duplicate of run ${holder.runId}`;
  if (config.onDuplicate === "update") return { output: context.input, handle: "duplicate", dedup, note: `A ${reason}: goes on along the duplicate output` };
  if (config.onDuplicate === "fail") {
    return { dedup, error: { class: "permanent", message: `The dedup key is already claimed: ${reason}` }, stop: "The run would fail at the dedup rule" };
  }
  const end = `The run would end here as a ${reason}`;
  return { output: context.input, dedup, note: end, stop: end };
};
