import { db } from "@/lib/db";
import { FINAL_RUN_STATUSES } from "@/lib/runs/run-transitions";

export type PurgeExpiredRunDataOptions = { now?: Date; batchSize?: number };

export type PurgedRunData = {
  /** Runs whose steps' inputs/outputs and attempts' requests/responses were cleared. */
  runsPurged: number;
  stepsPurged: number;
  attemptsPurged: number;
  /** Events whose raw body and headers were cleared. */
  eventsPurged: number;
  /** Events deleted past the run window, and the runs (with steps and attempts) deleted with them. */
  eventsDeleted: number;
  runsDeleted: number;
};

const DAY_MS = 24 * 3600 * 1000;

/*
 * Each statement handles one batch of one flow and commits alone, so a large
 * backlog never holds long locks or one huge transaction against live runs.
 * Rows another transaction holds (a retry moving the run) are skipped and
 * picked up the next day. Only final runs are touched: a queued, running or
 * waiting run still needs its checkpoints however old it is. Times travel as
 * ISO text: the columns are UTC timestamps without a zone.
 */

const PURGE_RUNS = `
  WITH picked AS (
    UPDATE "Run" SET "bodiesPurgedAt" = $4::timestamptz AT TIME ZONE 'UTC'
    WHERE id IN (
      SELECT id FROM "Run"
      WHERE "flowId" = $1::uuid AND "bodiesPurgedAt" IS NULL AND status::text = ANY($5::text[])
        AND coalesce("finishedAt", "createdAt") < $2::timestamptz AT TIME ZONE 'UTC'
      LIMIT $3::int FOR UPDATE SKIP LOCKED)
    RETURNING id),
  steps AS (
    UPDATE "StepRun" s SET input = NULL, output = NULL, "outputSealed" = NULL, "outputKeyId" = NULL
    FROM picked WHERE s."runId" = picked.id RETURNING s.id),
  attempts AS (
    UPDATE "StepAttempt" a SET request = NULL, response = NULL
    FROM steps WHERE a."stepRunId" = steps.id RETURNING a.id)
  SELECT (SELECT count(*) FROM picked)::int AS a, (SELECT count(*) FROM steps)::int AS b, (SELECT count(*) FROM attempts)::int AS c`;

// An event's body goes once every run of it has been purged: a recent replay
// of an old event keeps the body it runs on.
const PURGE_EVENTS = `
  WITH picked AS (
    UPDATE "Event" SET "rawBody" = '', headers = '{}'::jsonb, "bodyPurgedAt" = $4::timestamptz AT TIME ZONE 'UTC'
    WHERE id IN (
      SELECT e.id FROM "Event" e
      WHERE e."flowId" = $1::uuid AND e."bodyPurgedAt" IS NULL AND e."receivedAt" < $2::timestamptz AT TIME ZONE 'UTC'
        AND EXISTS (SELECT 1 FROM "Run" r WHERE r."eventId" = e.id)
        AND NOT EXISTS (SELECT 1 FROM "Run" r WHERE r."eventId" = e.id AND (r."bodiesPurgedAt" IS NULL OR r.status::text <> ALL($5::text[])))
      LIMIT $3::int FOR UPDATE SKIP LOCKED)
    RETURNING id)
  SELECT (SELECT count(*) FROM picked)::int AS a, 0 AS b, 0 AS c`;

// Runs go with their event (cascading to steps and attempts), so the R16
// identity never sees an event without a run. An event whose intake dedup key
// still exists stays until intake.retention removed the key (R4: deleting the
// event would drop the key with it), and so does one whose run holds a live
// dedup-node claim (R13).
const DELETE_EVENTS = `
  WITH picked AS (
    SELECT e.id FROM "Event" e
    WHERE e."flowId" = $1::uuid AND e."receivedAt" < $2::timestamptz AT TIME ZONE 'UTC'
      AND NOT EXISTS (SELECT 1 FROM "IntakeKey" k WHERE k."eventId" = e.id)
      AND NOT EXISTS (
        SELECT 1 FROM "Run" r WHERE r."eventId" = e.id
          AND (NOT (r.status::text = ANY($5::text[])) OR coalesce(r."finishedAt", r."createdAt") >= $2::timestamptz AT TIME ZONE 'UTC'))
      AND NOT EXISTS (
        SELECT 1 FROM "DedupClaim" d JOIN "Run" r ON r.id = d."runId"
        WHERE r."eventId" = e.id AND d."expiresAt" > $4::timestamptz AT TIME ZONE 'UTC')
    LIMIT $3::int FOR UPDATE SKIP LOCKED),
  runs AS (SELECT count(*)::int AS n FROM "Run" WHERE "eventId" IN (SELECT id FROM picked)),
  gone AS (DELETE FROM "Event" WHERE id IN (SELECT id FROM picked) RETURNING id)
  SELECT (SELECT count(*) FROM gone)::int AS a, (SELECT n FROM runs) AS b, 0 AS c`;

/**
 * The retention.purge job: per flow, clears the payloads of final runs past
 * the flow's body window (keeping statuses, error classes, codes, messages,
 * timings and idempotency keys) and deletes final runs past its run window
 * with their steps, attempts and event. Running it again finds nothing new.
 */
export async function purgeExpiredRunData({ now = new Date(), batchSize = 1_000 }: PurgeExpiredRunDataOptions = {}): Promise<PurgedRunData> {
  const totals: PurgedRunData = { runsPurged: 0, stepsPurged: 0, attemptsPurged: 0, eventsPurged: 0, eventsDeleted: 0, runsDeleted: 0 };
  const flows = await db.flow.findMany({ select: { id: true, bodyRetentionDays: true, runRetentionDays: true } });
  for (const flow of flows) {
    const bodyCutoff = new Date(now.getTime() - flow.bodyRetentionDays * DAY_MS);
    const runCutoff = new Date(now.getTime() - flow.runRetentionDays * DAY_MS);
    const batch = (statement: string, cutoff: Date) => inBatches(statement, [flow.id, cutoff.toISOString(), batchSize, now.toISOString(), FINAL_RUN_STATUSES], batchSize);
    const runs = await batch(PURGE_RUNS, bodyCutoff);
    const events = await batch(PURGE_EVENTS, bodyCutoff);
    const deleted = await batch(DELETE_EVENTS, runCutoff);
    totals.runsPurged += runs.a;
    totals.stepsPurged += runs.b;
    totals.attemptsPurged += runs.c;
    totals.eventsPurged += events.a;
    totals.eventsDeleted += deleted.a;
    totals.runsDeleted += deleted.b;
  }
  return totals;
}

type Counts = { a: number; b: number; c: number };

async function inBatches(statement: string, params: unknown[], batchSize: number): Promise<Counts> {
  const total: Counts = { a: 0, b: 0, c: 0 };
  for (;;) {
    const [row] = await db.$queryRawUnsafe<Counts[]>(statement, ...params);
    const counts = row ?? { a: 0, b: 0, c: 0 };
    total.a += counts.a;
    total.b += counts.b;
    total.c += counts.c;
    if (counts.a < batchSize) return total;
  }
}
