import { db } from "@/lib/db";

/**
 * A run that failed permanently did not do its business action, so its dedup
 * keys are freed for a later event with the same key (R13). Claims of failed
 * runs are also treated as free when claimed, so a failure recorded without
 * this (a crash in between, a dead-lettered job) never blocks a key for the window.
 */
export async function releaseDedupClaims(runId: string): Promise<number> {
  const { count } = await db.dedupClaim.deleteMany({ where: { runId } });
  return count;
}
