import type { BreakerSettings, BreakerState } from "./schema";

/**
 * The circuit breaker of one connector as a pure state machine (R11):
 *
 *   closed ──(≥ minCalls in the window, failure ratio ≥ failureRatio)──▶ open
 *   open ──(openSeconds elapsed)──▶ half_open
 *   half_open ──(halfOpenProbes probes succeeded)──▶ closed
 *   half_open ──(a probe failed)──▶ open
 *
 * The database row holds the state; acquire and release load it, apply these
 * functions under a row lock and write it back, so every worker process
 * sees one breaker. Probes in flight are counted from permit rows (not kept
 * here), so a probe whose worker died frees its slot when its lease expires.
 */

/** The window is cut into this many slices; calls older than the window drop out slice by slice. */
const WINDOW_SLICES = 10;
/** While every probe slot is taken, a caller looks again after this long. */
export const HALF_OPEN_RECHECK_MS = 1_000;

export const CLOSED_BREAKER: BreakerState = { status: "closed", openedAt: null, buckets: [], probeSuccesses: 0 };

export type BreakerAdmission =
  | { allowed: true; probe: boolean; state: BreakerState }
  | { allowed: false; retryInMs: number; state: BreakerState };

export type AdmitThroughBreakerOptions = { state: BreakerState; settings: BreakerSettings; now: Date; probesInFlight: number };

/** May a call start now? While half open only `halfOpenProbes` trial calls run at once. */
export function admitThroughBreaker({ state, settings, now, probesInFlight }: AdmitThroughBreakerOptions): BreakerAdmission {
  let current = state;
  if (current.status === "open") {
    const reopensAt = (current.openedAt?.getTime() ?? 0) + settings.openSeconds * 1000;
    if (now.getTime() < reopensAt) return { allowed: false, retryInMs: reopensAt - now.getTime(), state: current };
    current = { ...current, status: "half_open", probeSuccesses: 0 };
  }
  if (current.status === "half_open") {
    if (probesInFlight >= settings.halfOpenProbes) return { allowed: false, retryInMs: HALF_OPEN_RECHECK_MS, state: current };
    return { allowed: true, probe: true, state: current };
  }
  return { allowed: true, probe: false, state: current };
}

/**
 * How a call ended, as the breaker counts it. "failure" is a sign the target
 * is unwell (temporary or ambiguous); an answer that blames the request
 * (4xx) is a "success" here, because the target did answer.
 */
export type BreakerOutcome = "success" | "failure";

export type RecordBreakerOutcomeOptions = { state: BreakerState; settings: BreakerSettings; now: Date; outcome: BreakerOutcome; probe: boolean };

export function recordBreakerOutcome({ state, settings, now, outcome, probe }: RecordBreakerOutcomeOptions): BreakerState {
  if (state.status === "half_open") {
    // Only probes decide a half-open breaker: a call admitted before it opened says nothing about now.
    if (!probe) return state;
    if (outcome === "failure") return openBreaker(now);
    const probeSuccesses = state.probeSuccesses + 1;
    return probeSuccesses >= settings.halfOpenProbes ? CLOSED_BREAKER : { ...state, probeSuccesses };
  }
  // Calls that were already in flight when it opened change nothing until it half-opens.
  if (state.status === "open") return state;

  const buckets = countInBucket(liveBuckets(state.buckets, settings, now), settings, now, outcome);
  const { calls, failures } = countWindow(buckets, settings, now);
  if (calls >= settings.minCalls && failures / calls >= settings.failureRatio) return openBreaker(now);
  return { ...state, buckets };
}

/** Calls and failures inside the window ending now. */
export function countWindow(buckets: BreakerState["buckets"], settings: BreakerSettings, now: Date): { calls: number; failures: number } {
  const live = liveBuckets(buckets, settings, now);
  return { calls: live.reduce((sum, bucket) => sum + bucket.calls, 0), failures: live.reduce((sum, bucket) => sum + bucket.failures, 0) };
}

function openBreaker(now: Date): BreakerState {
  return { status: "open", openedAt: now, buckets: [], probeSuccesses: 0 };
}

function sliceMs(settings: BreakerSettings): number {
  return Math.max(1, Math.floor((settings.windowSeconds * 1000) / WINDOW_SLICES));
}

/** The slices still inside the window ending now. */
function liveBuckets(buckets: BreakerState["buckets"], settings: BreakerSettings, now: Date): BreakerState["buckets"] {
  const oldest = now.getTime() - settings.windowSeconds * 1000;
  return buckets.filter((bucket) => bucket.start + sliceMs(settings) > oldest);
}

function countInBucket(buckets: BreakerState["buckets"], settings: BreakerSettings, now: Date, outcome: BreakerOutcome): BreakerState["buckets"] {
  const start = now.getTime() - (now.getTime() % sliceMs(settings));
  const failures = outcome === "failure" ? 1 : 0;
  const existing = buckets.find((bucket) => bucket.start === start);
  if (!existing) return [...buckets, { start, calls: 1, failures }];
  return buckets.map((bucket) => (bucket === existing ? { ...bucket, calls: bucket.calls + 1, failures: bucket.failures + failures } : bucket));
}
