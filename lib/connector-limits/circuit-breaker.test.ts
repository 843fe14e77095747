import { describe, expect, it } from "vitest";
import { admitThroughBreaker, CLOSED_BREAKER, HALF_OPEN_RECHECK_MS, recordBreakerOutcome, type BreakerOutcome } from "./circuit-breaker";
import type { BreakerSettings, BreakerState } from "./schema";

const settings: BreakerSettings = { minCalls: 4, failureRatio: 0.5, windowSeconds: 10, openSeconds: 5, halfOpenProbes: 2 };
const T0 = Date.parse("2026-11-24T10:00:00.000Z");
const at = (ms: number) => new Date(T0 + ms);

/** Records outcomes one after another, `stepMs` apart, starting at `startMs`. */
function record(state: BreakerState, outcomes: BreakerOutcome[], { startMs = 0, stepMs = 100, probe = false } = {}): BreakerState {
  return outcomes.reduce((current, outcome, index) => recordBreakerOutcome({ state: current, settings, now: at(startMs + index * stepMs), outcome, probe }), state);
}

function openedAt(ms: number): BreakerState {
  return { status: "open", openedAt: at(ms), buckets: [], probeSuccesses: 0 };
}

describe("circuit breaker: closed", () => {
  it("lets every call through", () => {
    expect(admitThroughBreaker({ state: CLOSED_BREAKER, settings, now: at(0), probesInFlight: 0 })).toEqual({ allowed: true, probe: false, state: CLOSED_BREAKER });
  });

  it("opens once the window holds the minimum volume and the failure ratio reaches the threshold", () => {
    const state = record(CLOSED_BREAKER, ["success", "failure", "success", "failure"]);
    expect(state).toMatchObject({ status: "open", openedAt: at(300) });
  });

  it("stays closed below the minimum volume, however many of the calls failed", () => {
    expect(record(CLOSED_BREAKER, ["failure", "failure", "failure"]).status).toBe("closed");
  });

  it("stays closed while the failure ratio is under the threshold", () => {
    expect(record(CLOSED_BREAKER, ["failure", "success", "success", "success", "failure", "success"]).status).toBe("closed");
  });

  it("forgets calls older than the window, so old failures do not add up with new ones", () => {
    const early = record(CLOSED_BREAKER, ["failure", "failure", "failure"]);
    // 11 s later the three failures are out of the 10 s window: one more failure is 1 call of 1, under the minimum.
    const later = record(early, ["failure"], { startMs: 11_000 });
    expect(later.status).toBe("closed");
    expect(later.buckets.reduce((sum, bucket) => sum + bucket.calls, 0)).toBe(1);
  });
});

describe("circuit breaker: open", () => {
  it("refuses calls until openSeconds have passed, saying how long is left", () => {
    const decision = admitThroughBreaker({ state: openedAt(0), settings, now: at(2_000), probesInFlight: 0 });
    expect(decision).toMatchObject({ allowed: false, retryInMs: 3_000, state: { status: "open" } });
  });

  it("goes half open after openSeconds and lets the first call through as a probe", () => {
    const decision = admitThroughBreaker({ state: openedAt(0), settings, now: at(5_000), probesInFlight: 0 });
    expect(decision).toMatchObject({ allowed: true, probe: true, state: { status: "half_open", probeSuccesses: 0 } });
  });

  it("ignores outcomes of calls that were in flight when it opened", () => {
    expect(record(openedAt(0), ["success", "success"], { startMs: 1_000 })).toEqual(openedAt(0));
  });
});

describe("circuit breaker: half open", () => {
  const halfOpen: BreakerState = { status: "half_open", openedAt: at(0), buckets: [], probeSuccesses: 0 };

  it("limits probes to halfOpenProbes at once", () => {
    expect(admitThroughBreaker({ state: halfOpen, settings, now: at(6_000), probesInFlight: 1 })).toMatchObject({ allowed: true, probe: true });
    expect(admitThroughBreaker({ state: halfOpen, settings, now: at(6_000), probesInFlight: 2 })).toEqual({ allowed: false, retryInMs: HALF_OPEN_RECHECK_MS, state: halfOpen });
  });

  it("closes when halfOpenProbes probes succeeded, with an empty window", () => {
    const oneDown = record(halfOpen, ["success"], { startMs: 6_000, probe: true });
    expect(oneDown).toMatchObject({ status: "half_open", probeSuccesses: 1 });
    expect(record(oneDown, ["success"], { startMs: 6_100, probe: true })).toEqual(CLOSED_BREAKER);
  });

  it("opens again, from now, when a probe fails", () => {
    expect(record(halfOpen, ["success", "failure"], { startMs: 6_000, probe: true })).toEqual(openedAt(6_100));
  });

  it("is decided only by probes: a late answer to an older call changes nothing", () => {
    expect(record(halfOpen, ["failure", "success"], { startMs: 6_000 })).toEqual(halfOpen);
  });
});
