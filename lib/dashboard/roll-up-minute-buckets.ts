import { db } from "@/lib/db";
import { CALL_MS_BUCKET_FLOORS } from "@/lib/dashboard/latency-histogram";

/** Whole minutes recomputed per pass: a run or attempt written a little late still lands in its bucket. */
export const ROLLUP_MINUTES = 3;
/** Buckets older than this are dropped; the dashboard's longest range is a week. */
export const BUCKET_RETENTION_DAYS = 8;

export type RollUpMinuteBucketsOptions = { now?: Date };

/**
 * Recomputes the RunMinuteBuckets of the last ROLLUP_MINUTES whole minutes
 * from Run (by finishedAt) and StepAttempt (by startedAt). Each statement
 * writes the full count of its minutes (ON CONFLICT sets, never adds), so a
 * second pass or a second worker writes the same numbers instead of doubling them.
 * An attempt that lasts longer than the window is missed: calls are bounded
 * by their timeout, which is far shorter.
 */
export async function rollUpMinuteBuckets({ now = new Date() }: RollUpMinuteBucketsOptions = {}) {
  const to = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const from = new Date(to.getTime() - ROLLUP_MINUTES * 60_000);
  const pruneBefore = new Date(to.getTime() - BUCKET_RETENTION_DAYS * 24 * 3_600_000);
  const [runs, attempts, pruned] = await db.$transaction([
    db.$executeRaw`
      INSERT INTO "RunMinuteBucket" ("minute", "flowId", "connectorKey", "succeeded", "failed")
      SELECT date_trunc('minute', "finishedAt"), "flowId", '',
             count(*) FILTER (WHERE status = 'succeeded'), count(*) FILTER (WHERE status = 'failed')
      FROM "Run"
      WHERE "finishedAt" >= ${from}::timestamptz AT TIME ZONE 'UTC' AND "finishedAt" < ${to}::timestamptz AT TIME ZONE 'UTC' AND status IN ('succeeded', 'failed')
      GROUP BY 1, 2
      ON CONFLICT ("minute", "flowId", "connectorKey") DO UPDATE
        SET "succeeded" = EXCLUDED."succeeded", "failed" = EXCLUDED."failed"`,
    // Each attempt's histogram bucket comes from width_bucket over the same
    // floors the dashboard reads percentiles with; the per-minute array is
    // then spelled out in full (zeros included) so arrays add index by index.
    db.$executeRaw`
      INSERT INTO "RunMinuteBucket" ("minute", "flowId", "connectorKey", "attempts", "failedAttempts", "retried", "callMsSum", "callMsHistogram")
      SELECT g.minute, g."flowId", g."connectorKey", g.attempts, g."failedAttempts", g.retried, g."callMsSum",
             (SELECT array_agg(coalesce(h.n, 0) ORDER BY slot)
              FROM generate_series(1, ${CALL_MS_BUCKET_FLOORS.length}::int) AS slot
              LEFT JOIN (SELECT x, count(*)::int AS n FROM unnest(g.slots) AS x GROUP BY x) h ON h.x = slot)
      FROM (
        SELECT date_trunc('minute', a."startedAt") AS minute, r."flowId", coalesce(a."connectorKey", '') AS "connectorKey",
               count(*) AS attempts,
               count(*) FILTER (WHERE a.status = 'failed') AS "failedAttempts",
               count(*) FILTER (WHERE a.status = 'failed' AND a."retryDelayMs" IS NOT NULL) AS retried,
               coalesce(sum(a."durationMs"), 0) AS "callMsSum",
               array_agg(width_bucket(a."durationMs", ${CALL_MS_BUCKET_FLOORS}::int[])) FILTER (WHERE a."durationMs" IS NOT NULL) AS slots
        FROM "StepAttempt" a
        JOIN "StepRun" s ON s.id = a."stepRunId"
        JOIN "Run" r ON r.id = s."runId"
        WHERE a."startedAt" >= ${from}::timestamptz AT TIME ZONE 'UTC' AND a."startedAt" < ${to}::timestamptz AT TIME ZONE 'UTC'
        GROUP BY 1, 2, 3) g
      ON CONFLICT ("minute", "flowId", "connectorKey") DO UPDATE
        SET "attempts" = EXCLUDED."attempts", "failedAttempts" = EXCLUDED."failedAttempts", "retried" = EXCLUDED."retried",
            "callMsSum" = EXCLUDED."callMsSum", "callMsHistogram" = EXCLUDED."callMsHistogram"`,
    db.runMinuteBucket.deleteMany({ where: { minute: { lt: pruneBefore } } }),
  ]);
  return { from, to, runBuckets: runs, attemptBuckets: attempts, pruned: pruned.count };
}
