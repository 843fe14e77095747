import type { ChaosObservations, CheckResult } from "@/tests/chaos/chaos-observations";
import { checkAccounting } from "@/tests/chaos/check-accounting";
import { checkFailures } from "@/tests/chaos/check-failures";
import { checkLedger } from "@/tests/chaos/check-ledger";
import { checkLimits } from "@/tests/chaos/check-limits";
import { checkOrdering } from "@/tests/chaos/check-ordering";
import { checkOverlaps } from "@/tests/chaos/check-overlaps";

export type CheckedResult = CheckResult & { pending: boolean };

/** Every chaos invariant, in report order; a check in a pending group is reported but does not fail the run. */
export function checkInvariants(observed: ChaosObservations): CheckedResult[] {
  const results = [checkAccounting, checkLedger, checkOverlaps, checkLimits, checkFailures, checkOrdering].flatMap((check) => check(observed));
  return results.map((result) => ({ ...result, pending: result.group !== "core" && observed.pending.includes(result.group) }));
}

export function countViolations(results: readonly CheckedResult[]): number {
  return results.filter((result) => !result.pending).reduce((sum, result) => sum + result.violations, 0);
}
