import type pg from "pg";
import { CALL_MS_BUCKET_FLOORS } from "@/lib/dashboard/latency-histogram";

/**
 * A week of RunMinuteBuckets for every flow, as the rollup leaves them: per
 * minute one runs row and one calls row on the flow's connector
 * (crm-<n % 4>@api.example.com, also written to Connector) with a few
 * latency buckets filled, so the dashboard reads its longest range at full size.
 */
export async function seedBenchBuckets(client: pg.Client, { flowIds }: { flowIds: string[] }): Promise<void> {
  await client.query(
    `INSERT INTO "Connector" (key, host, "updatedAt") SELECT 'crm-' || n || '@api.example.com', 'api.example.com', now() FROM generate_series(0, 3) AS n
     ON CONFLICT DO NOTHING`,
  );
  await client.query(
    `INSERT INTO "RunMinuteBucket" (minute, "flowId", "connectorKey", succeeded, failed, attempts, "failedAttempts", retried, "callMsSum", "callMsHistogram")
     SELECT m.minute, f."flowId", k."connectorKey",
            CASE WHEN k."connectorKey" = '' THEN 20 + (random() * 20)::int ELSE 0 END,
            CASE WHEN k."connectorKey" = '' THEN (random() * 3)::int ELSE 0 END,
            h.attempts, h.failed, h.failed / 2, h.attempts * 180,
            CASE WHEN k."connectorKey" = '' THEN '{}'::int[] ELSE h.histogram END
     FROM unnest($1::uuid[]) WITH ORDINALITY AS f("flowId", n)
     CROSS JOIN generate_series(date_trunc('minute', now() AT TIME ZONE 'UTC') - interval '7 days', date_trunc('minute', now() AT TIME ZONE 'UTC'), interval '1 minute') AS m(minute)
     CROSS JOIN LATERAL (VALUES (''), ('crm-' || (f.n % 4) || '@api.example.com')) AS k("connectorKey")
     CROSS JOIN LATERAL (
       SELECT CASE WHEN k."connectorKey" = '' THEN 0 ELSE 30 END AS attempts, CASE WHEN k."connectorKey" = '' THEN 0 ELSE (random() * 4)::int END AS failed,
              (SELECT array_agg(CASE WHEN slot BETWEEN $3 AND $3 + 4 THEN 6 ELSE 0 END ORDER BY slot) FROM generate_series(1, $2::int) AS slot) AS histogram) AS h`,
    [flowIds, CALL_MS_BUCKET_FLOORS.length, CALL_MS_BUCKET_FLOORS.findIndex((floor) => floor >= 120)],
  );
  await client.query('ANALYZE "RunMinuteBucket"');
}
