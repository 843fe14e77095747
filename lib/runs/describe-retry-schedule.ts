import type { RetryPolicy } from "@/lib/flows/schema";
import { computeBackoffDelay } from "@/lib/runs/backoff";

export type RetryScheduleRow = {
  /** The attempt this wait comes before: 2 is the first retry. */
  attempt: number;
  minDelayMs: number;
  maxDelayMs: number;
  /** The longest total wait before this attempt starts (call durations not counted). */
  cumulativeMaxMs: number;
};

/**
 * The waits a retry policy allows, for the inspector's table (R9). Full
 * jitter draws each wait from [0, min(maxDelay, base·2^(n-1))], using the
 * executor's own computeBackoffDelay at its extremes; a wait is also cut to
 * the time left of maxElapsedMs (decideRetry clamps it so). Rows stop at
 * maxAttempts, or once even the shortest waits would have used up
 * maxElapsedMs. Retry-After answers replace these waits and are not shown.
 */
export function describeRetrySchedule(policy: Pick<RetryPolicy, "maxAttempts" | "baseDelayMs" | "maxDelayMs" | "maxElapsedMs">): RetryScheduleRow[] {
  const rows: RetryScheduleRow[] = [];
  let cumulativeMin = 0;
  let cumulativeMax = 0;
  for (let attempt = 2; attempt <= policy.maxAttempts; attempt += 1) {
    if (cumulativeMin >= policy.maxElapsedMs) break;
    const bound = (random: number) => computeBackoffDelay({ attempt: attempt - 1, baseDelayMs: policy.baseDelayMs, maxDelayMs: policy.maxDelayMs, random: () => random });
    const minDelayMs = Math.min(bound(0), policy.maxElapsedMs - cumulativeMin);
    const maxDelayMs = Math.min(bound(1), policy.maxElapsedMs - cumulativeMin);
    cumulativeMin += minDelayMs;
    cumulativeMax = Math.min(cumulativeMax + maxDelayMs, policy.maxElapsedMs);
    rows.push({ attempt, minDelayMs, maxDelayMs, cumulativeMaxMs: cumulativeMax });
  }
  return rows;
}
