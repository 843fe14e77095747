import { computeBackoffDelay } from "./backoff";
import type { FailureClass, StepFailure } from "./failure-class";

export type RetryPolicy = {
  /** Total attempts allowed, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Budget measured from the first attempt's start; no retry is scheduled past it. */
  maxElapsedMs: number;
  retryOn: readonly FailureClass[];
  obeyRetryAfter: boolean;
};

export type DecideRetryOptions = {
  failure: StepFailure;
  /** Attempts already made, the failed one included. */
  attemptsMade: number;
  firstAttemptAt: Date;
  now: Date;
  policy: RetryPolicy;
  random?: () => number;
};

export type RetryDecision =
  | { retry: true; delayMs: number; reason: "backoff" | "retry_after" }
  | { retry: false; reason: "class_not_retried" | "max_attempts" | "max_elapsed" | "retry_after_beyond_deadline" };

/**
 * Decides whether a failed attempt is retried and when (R8, R9, R10).
 * Permanent and auth failures are excluded by the policy's `retryOn`, which
 * is what keeps us out of the retry storms that get accounts banned.
 */
export function decideRetry({ failure, attemptsMade, firstAttemptAt, now, policy, random }: DecideRetryOptions): RetryDecision {
  if (!policy.retryOn.includes(failure.class)) return { retry: false, reason: "class_not_retried" };
  if (attemptsMade >= policy.maxAttempts) return { retry: false, reason: "max_attempts" };

  const remainingMs = firstAttemptAt.getTime() + policy.maxElapsedMs - now.getTime();
  if (remainingMs <= 0) return { retry: false, reason: "max_elapsed" };

  if (policy.obeyRetryAfter && failure.retryAfterMs !== undefined) {
    // The target told us when it will accept work again; retrying earlier only
    // burns an attempt and can escalate to a ban, so past the budget we stop.
    const delayMs = Math.max(failure.retryAfterMs, 0);
    if (delayMs > remainingMs) return { retry: false, reason: "retry_after_beyond_deadline" };
    return { retry: true, delayMs, reason: "retry_after" };
  }

  const jittered = computeBackoffDelay({ attempt: attemptsMade, baseDelayMs: policy.baseDelayMs, maxDelayMs: policy.maxDelayMs, random });
  // Clamped rather than refused: the delay is random, and giving up because
  // the dice came out high would make the last retry a coin toss.
  return { retry: true, delayMs: Math.min(jittered, remainingMs), reason: "backoff" };
}
