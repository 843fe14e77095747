import { db } from "@/lib/db";
import { addHistogram, estimatePercentile } from "@/lib/dashboard/latency-histogram";
import { readCallBuckets } from "@/lib/dashboard/read-call-buckets";
import { summarizeConnectorCalls } from "@/lib/dashboard/summarize-connector-calls";

export type SeriesPoint = {
  at: Date;
  succeeded: number;
  failed: number;
  attempts: number;
  failedAttempts: number;
  retried: number;
  failureRate: number | null;
  attemptFailureRate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
};

export type ReadBucketSeriesOptions = { from: Date; to: Date; bucketMinutes: number; flowId?: string; connectorKey?: string };

type PointRow = Pick<SeriesPoint, "at" | "succeeded" | "failed" | "attempts" | "failedAttempts" | "retried">;

const rateOf = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * The chart points between `from` and `to` (both aligned to the bucket size),
 * one per bucket, empty buckets included as zeros so a quiet hour draws as a
 * flat line instead of a gap, and the calls and latency per connector over
 * the whole range. Counts are summed in SQL from RunMinuteBucket; p50/p95
 * come from summed call histograms. With a connector only its call rows
 * count, so runs finished stay 0: a run is not any one connector's.
 */
export async function readBucketSeries({ from, to, bucketMinutes, flowId, connectorKey }: ReadBucketSeriesOptions) {
  const flow = flowId ?? null;
  const connector = connectorKey ?? null;
  const [points, calls] = await Promise.all([
    db.$queryRaw<PointRow[]>`
      WITH slots AS (
        SELECT generate_series(${from}::timestamptz AT TIME ZONE 'UTC', ${to}::timestamptz AT TIME ZONE 'UTC' - make_interval(mins => ${bucketMinutes}::int),
                               make_interval(mins => ${bucketMinutes}::int)) AS at)
      SELECT s.at, coalesce(sum(b.succeeded), 0)::int AS succeeded, coalesce(sum(b.failed), 0)::int AS failed,
             coalesce(sum(b.attempts), 0)::int AS attempts, coalesce(sum(b."failedAttempts"), 0)::int AS "failedAttempts",
             coalesce(sum(b.retried), 0)::int AS retried
      FROM slots s
      LEFT JOIN "RunMinuteBucket" b ON b.minute >= s.at AND b.minute < s.at + make_interval(mins => ${bucketMinutes}::int)
        AND (${flow}::uuid IS NULL OR b."flowId" = ${flow}::uuid)
        AND (${connector}::text IS NULL OR b."connectorKey" = ${connector}::text)
      GROUP BY s.at ORDER BY s.at`,
    readCallBuckets({ from, to, stepMinutes: bucketMinutes, flowId, connectorKey }),
  ]);
  const histogramAt = new Map<number, number[]>();
  for (const { at, histogram } of calls) histogramAt.set(at.getTime(), addHistogram(histogramAt.get(at.getTime()) ?? [], histogram));
  const series: SeriesPoint[] = points.map((point) => {
    const histogram = histogramAt.get(point.at.getTime()) ?? [];
    return {
      ...point,
      failureRate: rateOf(point.failed, point.succeeded + point.failed),
      attemptFailureRate: rateOf(point.failedAttempts, point.attempts),
      p50Ms: estimatePercentile(histogram, 0.5),
      p95Ms: estimatePercentile(histogram, 0.95),
    };
  });
  return { series, latency: summarizeConnectorCalls(calls) };
}
