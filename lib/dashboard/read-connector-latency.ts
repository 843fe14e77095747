import { db } from "@/lib/db";
import { estimatePercentile } from "@/lib/dashboard/latency-histogram";
import { readCallHistograms } from "@/lib/dashboard/read-call-histograms";

export type ConnectorLatency = {
  connectorKey: string;
  attempts: number;
  failedAttempts: number;
  retried: number;
  avgMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
};

export type ReadConnectorLatencyOptions = { from: Date; to: Date; flowId?: string };

type Row = Pick<ConnectorLatency, "connectorKey" | "attempts" | "failedAttempts" | "retried" | "avgMs">;

/**
 * Calls and latency per connector over the whole range: counts and the mean
 * summed in SQL, p50/p95 read off the range's summed call histogram (exact to
 * within one latency bucket, however long the range; see latency-histogram.ts).
 */
export async function readConnectorLatency({ from, to, flowId }: ReadConnectorLatencyOptions): Promise<ConnectorLatency[]> {
  const flow = flowId ?? null;
  const spanMinutes = Math.round((to.getTime() - from.getTime()) / 60_000);
  const [rows, histograms] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT "connectorKey", sum(attempts)::int AS attempts, sum("failedAttempts")::int AS "failedAttempts", sum(retried)::int AS retried,
             (sum("callMsSum") / nullif(sum(attempts), 0))::float AS "avgMs"
      FROM "RunMinuteBucket"
      WHERE "connectorKey" <> '' AND attempts > 0
        AND minute >= ${from}::timestamptz AT TIME ZONE 'UTC' AND minute < ${to}::timestamptz AT TIME ZONE 'UTC'
        AND (${flow}::uuid IS NULL OR "flowId" = ${flow}::uuid)
      GROUP BY "connectorKey" ORDER BY "connectorKey" LIMIT 200`,
    readCallHistograms({ from, to, stepMinutes: spanMinutes, flowId }),
  ]);
  const histogramOf = new Map(histograms.map((entry) => [entry.connectorKey, entry.histogram]));
  return rows.map((row) => {
    const histogram = histogramOf.get(row.connectorKey) ?? [];
    return { ...row, p50Ms: estimatePercentile(histogram, 0.5), p95Ms: estimatePercentile(histogram, 0.95) };
  });
}
