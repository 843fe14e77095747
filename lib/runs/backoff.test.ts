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

describe("the delay distribution (R9: full jitter)", () => {
  // A seeded generator, so the statistics are reproducible rather than flaky.
  function seeded(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it("spreads 20,000 delays uniformly over [0, base·2^(attempt-1)], never beyond, with no clustering at the top", () => {
    const random = seeded(42);
    const ceiling = 4000; // attempt 3, base 1 s
    const samples = Array.from({ length: 20_000 }, () => computeBackoffDelay({ attempt: 3, baseDelayMs: 1000, maxDelayMs: 60_000, random }));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...samples)).toBeLessThanOrEqual(ceiling);
    const mean = samples.reduce((sum, delay) => sum + delay, 0) / samples.length;
    expect(mean).toBeGreaterThan(ceiling * 0.48);
    expect(mean).toBeLessThan(ceiling * 0.52);
    // Ten equal buckets each hold about a tenth: equal jitter would leave the lower half empty.
    const buckets = Array.from({ length: 10 }, () => 0);
    for (const delay of samples) buckets[Math.min(9, Math.floor((delay / ceiling) * 10))]! += 1;
    for (const count of buckets) {
      expect(count / samples.length).toBeGreaterThan(0.085);
      expect(count / samples.length).toBeLessThan(0.115);
    }
    // Spread: retries of many clients do not line up (the point of jitter).
    expect(new Set(samples).size).toBeGreaterThan(3000);
  });

  it("caps the range at maxDelayMs for late attempts while still spreading below it", () => {
    const random = seeded(7);
    const samples = Array.from({ length: 5_000 }, () => computeBackoffDelay({ attempt: 30, baseDelayMs: 1000, maxDelayMs: 10_000, random }));
    expect(Math.max(...samples)).toBeLessThanOrEqual(10_000);
    expect(samples.filter((delay) => delay < 5_000).length / samples.length).toBeGreaterThan(0.45);
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
