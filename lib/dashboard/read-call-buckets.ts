import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { CALL_MS_BUCKET_FLOORS } from "@/lib/dashboard/latency-histogram";

export type ReadCallBucketsOptions = { from: Date; to: Date; stepMinutes: number; flowId?: string; connectorKey?: string };

/** The calls to one connector in one chart step, with their duration histogram. */
export type CallBucket = { at: Date; connectorKey: string; attempts: number; failedAttempts: number; retried: number; callMsSum: number; histogram: number[] };

/**
 * One sum per latency bucket, spelled out: adding arrays index by index in an
 * aggregate is several times faster than unnesting every array into rows (a
 * week of buckets is 75 elements times hundreds of thousands of rows).
 * Arrays written before the histogram existed are empty: their subscripts
 * read NULL, which sum skips.
 */
const SUM_PER_BUCKET = Prisma.raw(CALL_MS_BUCKET_FLOORS.map((_, index) => `coalesce(sum(b."callMsHistogram"[${index + 1}]), 0)`).join(", "));

/**
 * The call rows of the minute buckets between `from` and `to`, summed per
 * step of `stepMinutes` (counted from `from`) and connector, in one scan:
 * chart points sum them per step, the latency table per connector.
 */
export async function readCallBuckets({ from, to, stepMinutes, flowId, connectorKey }: ReadCallBucketsOptions): Promise<CallBucket[]> {
  const flow = flowId ?? null;
  const connector = connectorKey ?? null;
  return db.$queryRaw<CallBucket[]>`
    SELECT date_bin(make_interval(mins => ${stepMinutes}::int), b.minute, ${from}::timestamptz AT TIME ZONE 'UTC') AS at, b."connectorKey",
           sum(b.attempts)::int AS attempts, sum(b."failedAttempts")::int AS "failedAttempts", sum(b.retried)::int AS retried,
           sum(b."callMsSum")::float AS "callMsSum", ARRAY[${SUM_PER_BUCKET}]::int[] AS histogram
    FROM "RunMinuteBucket" b
    WHERE b."connectorKey" <> '' AND b.attempts > 0
      AND b.minute >= ${from}::timestamptz AT TIME ZONE 'UTC' AND b.minute < ${to}::timestamptz AT TIME ZONE 'UTC'
      AND (${flow}::uuid IS NULL OR b."flowId" = ${flow}::uuid)
      AND (${connector}::text IS NULL OR b."connectorKey" = ${connector}::text)
    GROUP BY 1, 2`;
}
