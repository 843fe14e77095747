import type pg from "pg";

/**
 * A million runs in a few statements (generate_series, no round trips):
 * events, runs and one call step each, spread over 30 days and `flowIds`
 * with a skew (the first flows get most traffic), with a realistic status
 * mix: mostly succeeded, a few percent failed (by class) or waiting.
 * Ids are md5-derived so runs and steps can name their events without joins.
 */
export async function seedBenchRuns(client: pg.Client, { runs, flows }: { runs: number; flows: { flowId: string; versionIds: string[] }[] }): Promise<void> {
  const flowIds = flows.map((flow) => flow.flowId);
  const versionIds = flows.map((flow) => flow.versionIds);
  await client.query("SET synchronous_commit = off");
  await client.query(
    `CREATE TEMP TABLE seed AS
     SELECT i,
            md5(i || 'e')::uuid AS event_id,
            md5(i || 'r')::uuid AS run_id,
            1 + floor(power(random(), 2) * $2)::int AS flow_no,
            now() - random() * interval '30 days' AS at,
            random() AS dice
     FROM generate_series(1, $1) AS i`,
    [runs, flowIds.length],
  );
  await client.query(
    `INSERT INTO "Event" (id, "flowId", source, "providerEventId", "businessKey", "contentType", "rawBody", headers, "receivedAt")
     SELECT event_id, ($1::uuid[])[flow_no], 'hook:' || ($1::uuid[])[flow_no], 'evt-' || i, 'ORD-' || (i / 3), 'application/json', '{}', '{}', at FROM seed`,
    [flowIds],
  );
  await client.query(
    `INSERT INTO "Run" (id, "flowId", "flowVersionId", "eventId", status, "traceId", error, "connectorKey", "createdAt", "startedAt", "finishedAt")
     SELECT run_id, ($1::uuid[])[flow_no], ($2::uuid[])[flow_no][1 + (i % 2)], event_id, s.status::"RunStatus", md5(i || 't'),
            CASE WHEN s.class IS NULL THEN NULL ELSE jsonb_build_object('class', s.class, 'code', 'http_' || s.code, 'message', 'seeded') END,
            CASE WHEN s.class IS NULL THEN NULL ELSE 'crm-' || (i % 4) || '@api.example.com' END,
            at, at, CASE WHEN s.status IN ('queued', 'running', 'waiting_retry') THEN NULL ELSE at + interval '150 ms' END
     FROM seed CROSS JOIN LATERAL (SELECT * FROM (VALUES
       (0.85, 'succeeded', NULL, NULL), (0.88, 'failed', 'permanent', 422), (0.90, 'failed', 'temporary', 503),
       (0.91, 'failed', 'auth', 401), (0.93, 'waiting_retry', 'temporary', 429), (0.94, 'queued', NULL, NULL),
       (0.95, 'running', NULL, NULL), (0.97, 'skipped_duplicate', NULL, NULL), (0.98, 'cancelled', NULL, NULL),
       (0.99, 'needs_review', 'ambiguous', 500), (1.01, 'skipped_stale', NULL, NULL)) AS t(upto, status, class, code)
       WHERE seed.dice < t.upto ORDER BY t.upto LIMIT 1) AS s`,
    [flowIds, versionIds],
  );
  await client.query(
    `INSERT INTO "StepRun" (id, "runId", "nodeId", kind, position, status, "idempotencyKey", "attemptCount", "startedAt")
     SELECT md5(i || 's')::uuid, run_id, 'call', 'http-request', 2, 'succeeded', 'fg-' || md5(i || 'k'), 1, at FROM seed`,
  );
  await client.query("DROP TABLE seed");
  await client.query('ANALYZE "Event", "Run", "StepRun"');
}
