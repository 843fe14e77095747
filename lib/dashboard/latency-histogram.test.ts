import { describe, expect, it } from "vitest";
import { addHistogram, CALL_MS_BUCKET_FLOORS, estimatePercentile } from "./latency-histogram";

/** What the rollup's width_bucket does: the last bucket whose floor is ≤ the duration. */
function histogramOf(durations: number[]): number[] {
  const histogram = CALL_MS_BUCKET_FLOORS.map(() => 0);
  for (const duration of durations) {
    const index = CALL_MS_BUCKET_FLOORS.findLastIndex((floor) => floor <= duration);
    histogram[index] = (histogram[index] ?? 0) + 1;
  }
  return histogram;
}

describe("CALL_MS_BUCKET_FLOORS", () => {
  it("rises from 0 ms to 800 s, each bucket at most 25 % wider than its floor above 10 ms", () => {
    expect(CALL_MS_BUCKET_FLOORS[0]).toBe(0);
    expect(CALL_MS_BUCKET_FLOORS.at(-1)).toBe(800_000);
    CALL_MS_BUCKET_FLOORS.forEach((floor, index) => {
      const next = CALL_MS_BUCKET_FLOORS[index + 1];
      if (next === undefined) return;
      expect(next).toBeGreaterThan(floor);
      if (floor >= 10) expect(next / floor).toBeLessThanOrEqual(1.25);
    });
  });
});

describe("estimatePercentile", () => {
  it("has no percentile for an empty histogram", () => {
    expect(estimatePercentile([], 0.5)).toBeNull();
    expect(estimatePercentile(histogramOf([]), 0.95)).toBeNull();
  });

  it("places a lone call in the middle of its bucket", () => {
    expect(estimatePercentile(histogramOf([100]), 0.5)).toBe(110);
    expect(estimatePercentile(histogramOf([119]), 0.95)).toBe(110);
  });

  it("interpolates by rank inside a bucket and crosses into the bucket holding the rank", () => {
    const histogram = histogramOf([...Array.from({ length: 9 }, () => 100), 1000]);
    expect(estimatePercentile(histogram, 0.5)).toBe(110);
    expect(estimatePercentile(histogram, 0.95)).toBe(1100);
  });

  it("reports the floor of the open-ended last bucket", () => {
    expect(estimatePercentile(histogramOf([900_000, 2_000_000]), 0.95)).toBe(800_000);
  });

  it("stays within 25 % of the exact percentile over a wide spread of durations", () => {
    const durations = Array.from({ length: 5000 }, (_, index) => 10 + index * 3);
    const exact = (p: number) => durations[Math.ceil(p * durations.length) - 1]!;
    for (const p of [0.5, 0.9, 0.95, 0.99]) {
      const estimate = estimatePercentile(histogramOf(durations), p)!;
      expect(Math.abs(estimate - exact(p)) / exact(p)).toBeLessThanOrEqual(0.25);
    }
  });
});

describe("addHistogram", () => {
  it("sums bucket by bucket, so two minutes combine into the histogram of both", () => {
    const first = histogramOf([100, 200]);
    const second = histogramOf([200, 5000]);
    expect(addHistogram(addHistogram([], first), second)).toEqual(histogramOf([100, 200, 200, 5000]));
  });
});
