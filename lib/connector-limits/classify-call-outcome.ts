import type { StepFailure } from "@/lib/runs/failure-class";
import type { BreakerOutcome } from "./circuit-breaker";

/** What a finished call changes about its connector. */
export type CallOutcome = {
  /** How the breaker counts it; null: not at all. */
  breaker: BreakerOutcome | null;
  /** The target asked every caller to wait this long (R10). */
  retryAfterMs?: number;
  /** Set for an auth failure: the connector is paused with this reason (R8). */
  pauseReason?: string;
};

/** Failures that say nothing about the target: our own settings, or our own abort on shutdown. */
const NOT_THE_TARGET = new Set(["outbound_policy_unavailable", "outbound_refused", "aborted_before_send", "aborted_after_send"]);

/**
 * Reads a call's end for its connector. `failure` is null for a success and
 * undefined when the call ended without a classified outcome (an error of
 * ours before anything was sent), which changes nothing.
 */
export function classifyCallOutcome(failure: StepFailure | null | undefined): CallOutcome {
  if (failure === undefined) return { breaker: null };
  if (failure === null) return { breaker: "success" };
  const retryAfter = failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs };
  if (failure.class === "auth") return { breaker: null, pauseReason: failure.message, ...retryAfter };
  if (NOT_THE_TARGET.has(failure.code)) return { breaker: null };
  // A 429 is the target's limiter working, not the target failing: Retry-After
  // and backoff handle it, and counting it would open the breaker on a healthy API.
  if (failure.status === 429) return { breaker: null, ...retryAfter };
  if (failure.class === "temporary" || failure.class === "ambiguous") return { breaker: "failure", ...retryAfter };
  // A permanent answer (4xx) means the target is up and judged the request; without a status it never got there.
  return { breaker: failure.status === undefined ? null : "success", ...retryAfter };
}
