import { describe, expect, it } from "vitest";
import { computeBackoffDelay, parseRetryAfter } from "./backoff";

describe("computeBackoffDelay", () => {
  const policy = { baseDelayMs: 1000, maxDelayMs: 60_000 };

  it("draws from [0, base·2^(attempt-1)] with full jitter", () => {
    expect(computeBackoffDelay({ ...policy, attempt: 1, random: () => 0.999999 })).toBe(999);
    expect(computeBackoffDelay({ ...policy, attempt: 3, random: () => 0.5 })).toBe(2000);
    expect(computeBackoffDelay({ ...policy, attempt: 3, random: () => 0 })).toBe(0);
  });

  it("never exceeds the cap", () => {
    expect(computeBackoffDelay({ ...policy, attempt: 10, random: () => 0.999999 })).toBeLessThan(60_000);
  });

  it("stays finite for absurd attempt numbers", () => {
    for (const attempt of [60, 1075, 1e9, Number.MAX_SAFE_INTEGER]) {
      const delay = computeBackoffDelay({ ...policy, attempt, random: () => 0.5 });
      expect(delay).toBe(30_000);
    }
  });

  it("treats attempt 0 or negative like the first attempt and clamps a bad random source", () => {
    expect(computeBackoffDelay({ ...policy, attempt: 0, random: () => 0.5 })).toBe(500);
    expect(computeBackoffDelay({ ...policy, attempt: 1, random: () => 7 })).toBe(1000);
  });

  it("uses Math.random by default and stays in range", () => {
    for (let i = 0; i < 100; i += 1) {
      const delay = computeBackoffDelay({ ...policy, attempt: 4 });
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(8000);
    }
  });
});

describe("parseRetryAfter", () => {
  const now = new Date("2026-01-01T00:00:00Z");

  it.each([
    ["7", 7000],
    [" 0 ", 0],
    ["1.5", 1500],
    ["Thu, 01 Jan 2026 00:00:30 GMT", 30_000],
    ["Thursday, 01-Jan-26 00:00:30 GMT", 30_000],
    ["Thu Jan  1 00:00:30 2026", 30_000],
    ["Wed, 31 Dec 2025 23:59:00 GMT", 0],
  ])("parses %j as %i ms", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it.each([null, undefined, "", "soon", "-5", "1e3", "2 hours", "Fri, 99 Foo 2026 00:00:00 GMT"])("returns null for %j", (value) => {
    expect(parseRetryAfter(value, now)).toBeNull();
  });
});
