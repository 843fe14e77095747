import type { RunStatus } from "@/lib/generated/prisma/enums";

/** The claim already on a key, with the status of the run that holds it. */
export type ExistingDedupClaim = { runId: string; expiresAt: Date; holderStatus: RunStatus };

export type DedupClaimDecision = { kind: "own" } | { kind: "take-over" } | { kind: "duplicate"; ofRunId: string };

/**
 * Who may have a dedup key that is already claimed (R13). The holder itself
 * (a resumed or retried run) keeps it. A claim past its window, or held by a
 * run that failed permanently and so never did the business action, is taken
 * over. Otherwise the business action is the holder's: this run is a duplicate,
 * including while the holder is still running or waiting for a retry.
 */
export function decideDedupClaim({ claim, runId, now }: { claim: ExistingDedupClaim; runId: string; now: Date }): DedupClaimDecision {
  if (claim.runId === runId) return { kind: "own" };
  if (claim.expiresAt.getTime() <= now.getTime() || claim.holderStatus === "failed") return { kind: "take-over" };
  return { kind: "duplicate", ofRunId: claim.runId };
}
