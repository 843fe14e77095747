import { db } from "@/lib/db";
import { decideDedupClaim } from "@/lib/dedup/decide-dedup-claim";

export type ClaimDedupKeyOptions = {
  /** "flow:<flowId>", "connector:<name>" or "global" (dedup-scope-of.ts). */
  scope: string;
  key: string;
  runId: string;
  nodeId: string;
  windowSeconds: number;
};

export type DedupClaimResult = { claimed: true } | { claimed: false; duplicateOfRunId: string };

/** Each pass sees the claim change under it (released, taken over); more than a few in a row means something is wrong. */
const MAX_PASSES = 5;

/**
 * Claims `(scope, key)` for the run, under the table's primary key (R13).
 * Of concurrent runs with one key exactly one inserts: the others' inserts
 * wait for its commit, find its row and learn whose the key is. Taking over
 * an expired or released claim is conditional on the row being unchanged,
 * so two runs cannot both take it over.
 */
export async function claimDedupKey({ scope, key, runId, nodeId, windowSeconds }: ClaimDedupKeyOptions): Promise<DedupClaimResult> {
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const now = new Date();
    const claim = { runId, nodeId, claimedAt: now, expiresAt: new Date(now.getTime() + windowSeconds * 1000) };
    const { count } = await db.dedupClaim.createMany({ data: [{ scope, key, ...claim }], skipDuplicates: true });
    if (count === 1) return { claimed: true };

    const existing = await db.dedupClaim.findUnique({
      where: { scope_key: { scope, key } },
      select: { runId: true, claimedAt: true, expiresAt: true, run: { select: { status: true } } },
    });
    // Released between the two statements: the key is free again.
    if (!existing) continue;
    const decision = decideDedupClaim({ claim: { runId: existing.runId, expiresAt: existing.expiresAt, holderStatus: existing.run.status }, runId, now });
    if (decision.kind === "own") return { claimed: true };
    if (decision.kind === "duplicate") return { claimed: false, duplicateOfRunId: decision.ofRunId };
    const taken = await db.dedupClaim.updateMany({ where: { scope, key, runId: existing.runId, claimedAt: existing.claimedAt }, data: claim });
    if (taken.count === 1) return { claimed: true };
  }
  throw new Error(`The dedup key kept changing hands while run ${runId} tried to claim it`);
}
