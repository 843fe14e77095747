export const DASHBOARD_RANGES = ["hour", "day", "week"] as const;
export type DashboardRange = (typeof DASHBOARD_RANGES)[number];

/** Span and chart step per range: about 60–96 points each, so every chart stays small. */
const RANGE_SHAPES = {
  hour: { spanMinutes: 60, bucketMinutes: 1 },
  day: { spanMinutes: 24 * 60, bucketMinutes: 15 },
  week: { spanMinutes: 7 * 24 * 60, bucketMinutes: 120 },
} as const satisfies Record<DashboardRange, { spanMinutes: number; bucketMinutes: number }>;

/** How far back a range looks and how many minute buckets one chart point sums. */
export function pickBucketSize(range: DashboardRange): { spanMinutes: number; bucketMinutes: number } {
  return RANGE_SHAPES[range];
}
