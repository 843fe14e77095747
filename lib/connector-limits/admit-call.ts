import { admitThroughBreaker } from "./circuit-breaker";
import type { BreakerState, ConnectorLimits, PermitDenialReason } from "./schema";

/** The shared state of one connector that decides whether a call may start. */
export type ConnectorRuntime = {
  pausedAt: Date | null;
  retryAfterUntil: Date | null;
  /** Start times of the calls admitted within the last second. */
  recentCallStarts: Date[];
  breaker: BreakerState;
  /** The latest wake-up handed to a deferred caller (see deferInTurn). */
  nextWakeAt: Date | null;
};

export type AdmitCallOptions = {
  runtime: ConnectorRuntime;
  limits: ConnectorLimits;
  /** Unexpired permits of this connector, probes included. */
  inFlight: number;
  probesInFlight: number;
  now: Date;
};

export type CallAdmission =
  | { admitted: true; probe: boolean; runtime: ConnectorRuntime }
  | { admitted: false; reason: PermitDenialReason; retryInMs: number; runtime: ConnectorRuntime };

/** A paused connector waits for an operator; steps look again this often. */
export const PAUSED_RECHECK_MS = 30_000;
/** With every in-flight slot taken the next free one cannot be predicted; look again soon. */
export const IN_FLIGHT_RECHECK_MS = 100;
const RATE_WINDOW_MS = 1_000;

/**
 * Decides whether a call to a connector may start now (R10, R11), in the
 * order an operator would explain a wait: paused, Retry-After, breaker,
 * in-flight limit, per-second limit. Pure: the caller holds the row lock
 * and writes back the returned runtime (an admitted call is logged in the
 * per-second window; a breaker may have gone half open).
 */
export function admitCall({ runtime, limits, inFlight, probesInFlight, now }: AdmitCallOptions): CallAdmission {
  if (runtime.pausedAt !== null) return deny(runtime, "connector_paused", PAUSED_RECHECK_MS);
  if (runtime.retryAfterUntil !== null && runtime.retryAfterUntil > now) return deferInTurn(runtime, "retry_after", runtime.retryAfterUntil.getTime() - now.getTime(), limits, now);

  const breaker = admitThroughBreaker({ state: runtime.breaker, settings: limits, now, probesInFlight });
  const next = { ...runtime, breaker: breaker.state };
  if (!breaker.allowed) return deferInTurn(next, "breaker_open", breaker.retryInMs, limits, now);
  if (inFlight >= limits.maxInFlight) return deny(next, "connector_limit", IN_FLIGHT_RECHECK_MS);

  // A sliding window rather than a token bucket: no burst can put more than
  // maxPerSecond calls into any one second, which is how providers count.
  const windowStart = now.getTime() - RATE_WINDOW_MS;
  const recent = runtime.recentCallStarts.filter((start) => start.getTime() > windowStart).sort((a, b) => a.getTime() - b.getTime());
  if (recent.length >= limits.maxPerSecond) {
    // The slot frees when the call that took it leaves the window.
    const frees = recent[recent.length - limits.maxPerSecond]!.getTime() + RATE_WINDOW_MS;
    return deny(next, "connector_limit", Math.max(1, frees - now.getTime()));
  }
  return { admitted: true, probe: breaker.probe, runtime: { ...next, recentCallStarts: [...recent, now] } };
}

/**
 * A step held by a Retry-After or an open breaker is deferred to a new job,
 * so it gets a wake-up slot: no earlier than the wait requires, and one
 * call's spacing (1 / maxPerSecond) after the previous deferred step's. A
 * backlog of thousands then returns at the pace the connector admits,
 * instead of every step asking for this row's lock in the same instant and
 * most being deferred again.
 */
function deferInTurn(runtime: ConnectorRuntime, reason: PermitDenialReason, waitMs: number, limits: ConnectorLimits, now: Date): CallAdmission {
  const earliest = now.getTime() + waitMs;
  const wake = runtime.nextWakeAt === null ? earliest : Math.max(earliest, runtime.nextWakeAt.getTime() + 1_000 / limits.maxPerSecond);
  return deny({ ...runtime, nextWakeAt: new Date(wake) }, reason, wake - now.getTime());
}

function deny(runtime: ConnectorRuntime, reason: PermitDenialReason, retryInMs: number): CallAdmission {
  return { admitted: false, reason, retryInMs: Math.max(0, Math.ceil(retryInMs)), runtime };
}
