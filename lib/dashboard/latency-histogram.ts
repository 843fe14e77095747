/**
 * Call durations are stored per minute bucket as counts in fixed latency
 * buckets instead of as a per-minute percentile. Percentiles do not combine:
 * the p95 of sixty minute-p95s is not the hour's p95 (a quiet minute weighs
 * as much as a busy one). Counts do: summing the histograms of any range and
 * reading the percentile off the sum is right to within one bucket, whatever
 * the range. Above 10 ms each bucket is at most 25 % wider than its floor
 * (1-1.2-1.5-1.8-2-2.5-3-3.5-4-5-6-7-8 per decade), so an estimate there is within
 * 25 % of the exact value; 75 buckets reach 800 s, longer than any call timeout.
 */
const MANTISSAS = [1, 1.2, 1.5, 1.8, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8] as const;

/** Lower edge (ms, inclusive) of each bucket; the last bucket is open-ended (≥ 800 s). */
export const CALL_MS_BUCKET_FLOORS: readonly number[] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
  ...[10, 100, 1_000, 10_000, 100_000].flatMap((decade) => MANTISSAS.map((mantissa) => Math.round(mantissa * decade))),
];

/**
 * The p-quantile (0 < p ≤ 1) of the durations counted in `histogram` (one
 * count per CALL_MS_BUCKET_FLOORS entry), or null when it counts nothing.
 * Within its bucket the value is interpolated linearly, each counted call
 * taking the middle of an equal share of the bucket's width.
 */
export function estimatePercentile(histogram: readonly number[], p: number): number | null {
  const total = histogram.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let before = 0;
  for (const [index, count] of histogram.entries()) {
    if (before + count >= rank) {
      const floor = CALL_MS_BUCKET_FLOORS[index] ?? 0;
      const ceiling = CALL_MS_BUCKET_FLOORS[index + 1] ?? floor;
      return Math.round(floor + ((ceiling - floor) * (rank - before - 0.5)) / count);
    }
    before += count;
  }
  return null;
}

/** Adds `histogram` into `into`, bucket by bucket. */
export function addHistogram(into: number[], histogram: readonly number[]): number[] {
  histogram.forEach((count, index) => {
    into[index] = (into[index] ?? 0) + count;
  });
  return into;
}
