import { describe, expect, it } from "vitest";
import { admitCall, IN_FLIGHT_RECHECK_MS, PAUSED_RECHECK_MS, type ConnectorRuntime } from "./admit-call";
import { CLOSED_BREAKER } from "./circuit-breaker";
import type { ConnectorLimits } from "./schema";

const limits: ConnectorLimits = { maxInFlight: 3, maxPerSecond: 2, minCalls: 4, failureRatio: 0.5, windowSeconds: 10, openSeconds: 5, halfOpenProbes: 1 };
const T0 = Date.parse("2026-11-24T10:00:00.000Z");
const at = (ms: number) => new Date(T0 + ms);
const idle: ConnectorRuntime = { pausedAt: null, retryAfterUntil: null, recentCallStarts: [], breaker: CLOSED_BREAKER, nextWakeAt: null };
const admit = (runtime: Partial<ConnectorRuntime>, { inFlight = 0, probesInFlight = 0, now = at(0) } = {}) =>
  admitCall({ runtime: { ...idle, ...runtime }, limits, inFlight, probesInFlight, now });

describe("admitCall", () => {
  it("admits a call to an idle connector and logs its start in the per-second window", () => {
    expect(admit({})).toEqual({ admitted: true, probe: false, runtime: { ...idle, recentCallStarts: [at(0)] } });
  });

  it("holds every call to a paused connector, whatever else is true", () => {
    expect(admit({ pausedAt: at(-1), retryAfterUntil: at(60_000) })).toMatchObject({ admitted: false, reason: "connector_paused", retryInMs: PAUSED_RECHECK_MS });
  });

  it("holds calls until a Retry-After deadline, and not a moment longer", () => {
    expect(admit({ retryAfterUntil: at(5_000) })).toMatchObject({ admitted: false, reason: "retry_after", retryInMs: 5_000 });
    expect(admit({ retryAfterUntil: at(5_000) }, { now: at(5_000) })).toMatchObject({ admitted: true });
  });

  it("spaces the wake-ups of steps deferred by a Retry-After at the connector's pace, from the deadline on", () => {
    let runtime: ConnectorRuntime = { ...idle, retryAfterUntil: at(5_000) };
    const wakes: number[] = [];
    for (let caller = 0; caller < 5; caller += 1) {
      const admission = admitCall({ runtime, limits, inFlight: 0, probesInFlight: 0, now: at(caller * 10) });
      if (admission.admitted) throw new Error("admitted inside a Retry-After window");
      wakes.push(caller * 10 + admission.retryInMs);
      runtime = admission.runtime;
    }
    // maxPerSecond 2: one wake-up every 500 ms, the first at the deadline.
    expect(wakes).toEqual([5_000, 5_500, 6_000, 6_500, 7_000]);
    // A slot handed out long ago does not hold back a new wait.
    expect(admit({ retryAfterUntil: at(60_000), nextWakeAt: at(7_000) })).toMatchObject({ retryInMs: 60_000 });
  });

  it("holds calls while the breaker is open", () => {
    const breaker = { status: "open" as const, openedAt: at(-1_000), buckets: [], probeSuccesses: 0 };
    expect(admit({ breaker })).toMatchObject({ admitted: false, reason: "breaker_open", retryInMs: 4_000 });
    // The next caller held by the same open breaker wakes one call's spacing later.
    expect(admit({ breaker, nextWakeAt: at(4_000) })).toMatchObject({ admitted: false, reason: "breaker_open", retryInMs: 4_500 });
  });

  it("admits a half-open breaker's probe as a probe, and only one at a time", () => {
    const breaker = { status: "open" as const, openedAt: at(-5_000), buckets: [], probeSuccesses: 0 };
    expect(admit({ breaker })).toMatchObject({ admitted: true, probe: true, runtime: { breaker: { status: "half_open" } } });
    expect(admit({ breaker }, { probesInFlight: 1, inFlight: 1 })).toMatchObject({ admitted: false, reason: "breaker_open", runtime: { breaker: { status: "half_open" } } });
  });

  it("refuses a call beyond the in-flight limit", () => {
    expect(admit({}, { inFlight: 2 })).toMatchObject({ admitted: true });
    expect(admit({}, { inFlight: 3 })).toMatchObject({ admitted: false, reason: "connector_limit", retryInMs: IN_FLIGHT_RECHECK_MS });
  });

  it("never lets more than maxPerSecond calls start within any one second, and says when the next may", () => {
    const recentCallStarts = [at(-900), at(-300)];
    expect(admit({ recentCallStarts })).toMatchObject({ admitted: false, reason: "connector_limit", retryInMs: 100 });
    // At +100 ms the call from -900 ms has left the window.
    const later = admit({ recentCallStarts }, { now: at(100) });
    expect(later).toMatchObject({ admitted: true, runtime: { recentCallStarts: [at(-300), at(100)] } });
  });
});
