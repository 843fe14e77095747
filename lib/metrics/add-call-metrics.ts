import { Gauge, type Registry } from "prom-client";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** What the call metrics look back over; the scrape interval should be shorter. */
export const CALL_WINDOW_MINUTES = 15;
const BUCKETS_SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] as const;

type LatencyRow = { connector: string; calls: number; sum_ms: number; p50: number; p95: number; buckets: number[] };

/**
 * Attempts by failure class and call latency per connector over the last
 * CALL_WINDOW_MINUTES, read from StepAttempt at scrape time: calls happen in
 * worker processes and are scraped from the web, so an in-process histogram
 * would see none of them (and every web replica would report differently).
 * The latency is a window histogram (cumulative `le` buckets as gauges, so
 * histogram_quantile works without rate()) plus p50/p95 from PostgreSQL.
 */
export async function addCallMetrics(registry: Registry): Promise<void> {
  const since = new Date(Date.now() - CALL_WINDOW_MINUTES * 60_000);
  const bucketSql = Prisma.join(BUCKETS_SECONDS.map((le) => Prisma.sql`count(*) FILTER (WHERE "durationMs" <= ${le * 1000})::int`));
  const [byClass, latency] = await Promise.all([
    db.stepAttempt.groupBy({ by: ["errorClass"], where: { startedAt: { gte: since } }, _count: { _all: true } }),
    db.$queryRaw<LatencyRow[]>`
      SELECT "connectorKey" AS connector, count(*)::int AS calls, coalesce(sum("durationMs"), 0)::float AS sum_ms,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationMs") AS p50,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs") AS p95,
             ARRAY[${bucketSql}] AS buckets
      FROM "StepAttempt"
      WHERE "startedAt" >= ${since} AND "connectorKey" IS NOT NULL AND "durationMs" IS NOT NULL
      GROUP BY "connectorKey" ORDER BY "connectorKey" LIMIT 200`,
  ]);
  const gauge = (name: string, help: string, labelNames: string[]) => new Gauge({ name, help, labelNames, registers: [registry] });
  const window = `last ${CALL_WINDOW_MINUTES} minutes`;
  const attempts = gauge("flowgate_step_attempts_recent", `Step attempts in the ${window} by failure class ("none": succeeded).`, ["class"]);
  for (const group of byClass) attempts.set({ class: group.errorClass ?? "none" }, group._count._all);

  const bucket = gauge("flowgate_call_duration_seconds_bucket", `Calls per connector in the ${window} that took at most le seconds.`, ["connector", "le"]);
  const count = gauge("flowgate_call_duration_seconds_count", `Calls per connector in the ${window}.`, ["connector"]);
  const sum = gauge("flowgate_call_duration_seconds_sum", `Total call time per connector in the ${window}, seconds.`, ["connector"]);
  const quantile = gauge("flowgate_call_duration_seconds", `Call latency quantiles per connector over the ${window}.`, ["connector", "quantile"]);
  for (const row of latency) {
    const connector = row.connector;
    BUCKETS_SECONDS.forEach((le, index) => bucket.set({ connector, le: String(le) }, row.buckets[index] ?? 0));
    bucket.set({ connector, le: "+Inf" }, row.calls);
    count.set({ connector }, row.calls);
    sum.set({ connector }, row.sum_ms / 1000);
    quantile.set({ connector, quantile: "0.5" }, row.p50 / 1000);
    quantile.set({ connector, quantile: "0.95" }, row.p95 / 1000);
  }
}
