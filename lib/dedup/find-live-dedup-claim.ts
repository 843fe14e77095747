import { db } from "@/lib/db";
import { decideDedupClaim } from "@/lib/dedup/decide-dedup-claim";

export type FindLiveDedupClaimOptions = { scope: string; key: string; now?: Date };

/**
 * The run whose claim on a key would make a new run a duplicate right now,
 * or null when a new run would claim it (no claim, an expired one, or one
 * whose run failed). Reads only: the dry run's view of claimDedupKey.
 */
export async function findLiveDedupClaim({ scope, key, now = new Date() }: FindLiveDedupClaimOptions): Promise<{ runId: string } | null> {
  const existing = await db.dedupClaim.findUnique({
    where: { scope_key: { scope, key } },
    select: { runId: true, expiresAt: true, run: { select: { status: true } } },
  });
  if (!existing) return null;
  // No run has this id, so the holder's claim is never "own".
  const decision = decideDedupClaim({ claim: { runId: existing.runId, expiresAt: existing.expiresAt, holderStatus: existing.run.status }, runId: "dry-run", now });
  return decision.kind === "duplicate" ? { runId: decision.ofRunId } : null;
}
