import { db } from "@/lib/db";
import { CALL_MS_BUCKET_FLOORS } from "@/lib/dashboard/latency-histogram";

export type ReadCallHistogramsOptions = { from: Date; to: Date; stepMinutes: number; flowId?: string; connectorKey?: string };

export type CallHistogram = { at: Date; connectorKey: string; histogram: number[] };

type Row = { at: Date; connectorKey: string; slot: number; n: number };

/**
 * The call-duration histograms of the minute buckets between `from` and `to`,
 * summed per step of `stepMinutes` (counted from `from`) and connector. The
 * arrays are unnested and summed in SQL, so only non-empty latency buckets
 * travel: a week of one connector is a few hundred rows, not ten thousand arrays.
 */
export async function readCallHistograms({ from, to, stepMinutes, flowId, connectorKey }: ReadCallHistogramsOptions): Promise<CallHistogram[]> {
  const flow = flowId ?? null;
  const connector = connectorKey ?? null;
  const rows = await db.$queryRaw<Row[]>`
    SELECT date_bin(make_interval(mins => ${stepMinutes}::int), b.minute, ${from}::timestamptz AT TIME ZONE 'UTC') AS at,
           b."connectorKey", h.slot::int AS slot, sum(h.n)::int AS n
    FROM "RunMinuteBucket" b
    CROSS JOIN LATERAL unnest(b."callMsHistogram") WITH ORDINALITY AS h(n, slot)
    WHERE b."connectorKey" <> '' AND b.attempts > 0 AND h.n > 0
      AND b.minute >= ${from}::timestamptz AT TIME ZONE 'UTC' AND b.minute < ${to}::timestamptz AT TIME ZONE 'UTC'
      AND (${flow}::uuid IS NULL OR b."flowId" = ${flow}::uuid)
      AND (${connector}::text IS NULL OR b."connectorKey" = ${connector}::text)
    GROUP BY 1, 2, 3`;
  const byStep = new Map<string, CallHistogram>();
  for (const row of rows) {
    const key = `${row.at.toISOString()} ${row.connectorKey}`;
    const entry = byStep.get(key) ?? { at: row.at, connectorKey: row.connectorKey, histogram: CALL_MS_BUCKET_FLOORS.map(() => 0) };
    entry.histogram[row.slot - 1] = row.n;
    byStep.set(key, entry);
  }
  return [...byStep.values()];
}
