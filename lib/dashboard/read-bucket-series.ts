import { db } from "@/lib/db";

export type SeriesPoint = { at: Date; succeeded: number; failed: number; attempts: number; retried: number; failureRate: number | null };
export type ConnectorLatency = { connectorKey: string; attempts: number; avgMs: number; p95Ms: number | null };

export type ReadBucketSeriesOptions = { from: Date; to: Date; bucketMinutes: number; flowId?: string };

type PointRow = { at: Date; succeeded: number; failed: number; attempts: number; retried: number };

/**
 * The chart points between `from` and `to` (both aligned to the bucket size),
 * one per bucket, empty buckets included as zeros so a quiet hour draws as a
 * flat line instead of a gap, and the call latency per connector over the
 * whole span. Both are summed in SQL from RunMinuteBucket.
 */
export async function readBucketSeries({ from, to, bucketMinutes, flowId }: ReadBucketSeriesOptions) {
  const flow = flowId ?? null;
  const [points, latency] = await Promise.all([
    db.$queryRaw<PointRow[]>`
      WITH slots AS (
        SELECT generate_series(${from}::timestamptz AT TIME ZONE 'UTC', ${to}::timestamptz AT TIME ZONE 'UTC' - make_interval(mins => ${bucketMinutes}::int),
                               make_interval(mins => ${bucketMinutes}::int)) AS at)
      SELECT s.at, coalesce(sum(b.succeeded), 0)::int AS succeeded, coalesce(sum(b.failed), 0)::int AS failed,
             coalesce(sum(b.attempts), 0)::int AS attempts, coalesce(sum(b.retried), 0)::int AS retried
      FROM slots s
      LEFT JOIN "RunMinuteBucket" b ON b.minute >= s.at AND b.minute < s.at + make_interval(mins => ${bucketMinutes}::int)
        AND (${flow}::uuid IS NULL OR b."flowId" = ${flow}::uuid)
      GROUP BY s.at ORDER BY s.at`,
    // The p95 of the minute p95s approximates the span's p95 (each minute
    // counts once, however busy); the exact one needs every duration for a week.
    db.$queryRaw<ConnectorLatency[]>`
      SELECT "connectorKey", sum(attempts)::int AS attempts, (sum("callMsSum") / nullif(sum(attempts), 0))::float AS "avgMs",
             round(percentile_cont(0.95) WITHIN GROUP (ORDER BY "callMsP95"))::int AS "p95Ms"
      FROM "RunMinuteBucket"
      WHERE "connectorKey" <> '' AND attempts > 0
        AND minute >= ${from}::timestamptz AT TIME ZONE 'UTC' AND minute < ${to}::timestamptz AT TIME ZONE 'UTC'
        AND (${flow}::uuid IS NULL OR "flowId" = ${flow}::uuid)
      GROUP BY "connectorKey" ORDER BY "connectorKey" LIMIT 200`,
  ]);
  const series: SeriesPoint[] = points.map((point) => {
    const finished = point.succeeded + point.failed;
    return { ...point, failureRate: finished === 0 ? null : point.failed / finished };
  });
  return { series, latency };
}
