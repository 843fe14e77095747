import { describe, expect, it } from "vitest";
import { addDeferral, closeWaits, readWaitSummary } from "@/lib/runs/wait-summary";
import type { WaitSummary } from "@/lib/runs/schema";

const t = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));

describe("wait summary", () => {
  it("counts deferrals per reason and gives each wait to the reason that started it", () => {
    let summary: WaitSummary | null = null;
    summary = addDeferral(summary, "breaker_open", t(0));
    summary = addDeferral(summary, "breaker_open", t(10));
    summary = addDeferral(summary, "connector_limit", t(25));
    const waited = closeWaits(summary, t(27));
    expect(waited).toEqual({
      breaker_open: { count: 2, totalMs: 25_000, firstAt: t(0).toISOString(), lastAt: t(10).toISOString() },
      connector_limit: { count: 1, totalMs: 2_000, firstAt: t(25).toISOString(), lastAt: t(25).toISOString() },
    });
  });

  it("stays one entry per reason however often a step is deferred", () => {
    let summary: WaitSummary | null = null;
    for (let second = 0; second < 100; second += 1) summary = addDeferral(summary, "breaker_open", t(second));
    expect(Object.keys(summary ?? {})).toEqual(["breaker_open"]);
    expect(closeWaits(summary, t(100)).breaker_open).toMatchObject({ count: 100, totalMs: 100_000 });
  });

  it("never counts a wait negative when another worker's clock is behind", () => {
    const summary = addDeferral(addDeferral(null, "retry_after", t(10)), "connector_limit", t(5));
    expect(summary.retry_after?.totalMs).toBe(1);
    expect(summary.connector_limit?.lastAt).toBe(new Date(t(10).getTime() + 1).toISOString());
    expect(closeWaits(summary, t(4))).toEqual(summary);
    expect(closeWaits(summary, t(12)).connector_limit?.totalMs).toBe(1_999);
  });

  it("reads nothing from an absent, empty or malformed column", () => {
    expect(readWaitSummary(null)).toBeNull();
    expect(readWaitSummary({})).toBeNull();
    expect(readWaitSummary({ breaker_open: { count: "many" } })).toBeNull();
    expect(readWaitSummary({ breaker_open: { count: 1, totalMs: 0, firstAt: t(0).toISOString(), lastAt: t(0).toISOString() } })).not.toBeNull();
  });
});
