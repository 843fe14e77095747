import { db } from "@/lib/db";

export type RunAccounting = {
  flowId: string;
  /** Deliveries that reached intake and were accepted: stored events plus redeliveries answered as duplicates. */
  received: number;
  events: number;
  duplicateDeliveries: number;
  succeeded: number;
  failed: number;
  skippedDuplicate: number;
  skippedStale: number;
  cancelled: number;
  needsReview: number;
  /** Events with a run queued, running or waiting for a retry (a replay too): the identity is only checked at rest. */
  inFlight: number;
  /** Replay runs (R17): extra runs of events already counted; each event is accounted by its latest run. */
  replays: number;
  /** Events without a run: should be impossible (R2); any is a loss. */
  withoutRun: number;
  atRest: boolean;
  /** R16: received = succeeded + failed + duplicates + skipped + cancelled + needs-review, and no event lacks a run. */
  holds: boolean;
};

type Row = { [K in keyof Omit<RunAccounting, "received" | "atRest" | "holds">]: K extends "flowId" ? string : bigint };

/**
 * The R16 accounting identity per flow: every accepted delivery is accounted
 * for by exactly one visible outcome. Each event is counted by its latest run:
 * a replay supersedes the run it replays (a failure fixed by a replay counts
 * as succeeded), and the number of replays is reported beside the identity.
 * Runs are grouped per event in one pass (hash joined to the events) rather
 * than looked up event by event: at a million events that is seconds, not
 * the better part of a minute, and the dashboard.accounting job runs it every minute.
 */
export async function checkRunAccounting(flowId?: string): Promise<RunAccounting[]> {
  const flow = flowId ?? null;
  const rows = await db.$queryRaw<Row[]>`
    SELECT e."flowId",
           count(*)                                                  AS "events",
           coalesce(sum(e."duplicateCount"), 0)::bigint              AS "duplicateDeliveries",
           count(*) FILTER (WHERE r.status = 'succeeded')            AS "succeeded",
           count(*) FILTER (WHERE r.status = 'failed')               AS "failed",
           count(*) FILTER (WHERE r.status = 'skipped_duplicate')    AS "skippedDuplicate",
           count(*) FILTER (WHERE r.status = 'skipped_stale')        AS "skippedStale",
           count(*) FILTER (WHERE r.status = 'cancelled')            AS "cancelled",
           count(*) FILTER (WHERE r.status = 'needs_review')         AS "needsReview",
           count(*) FILTER (WHERE r."inFlight")                      AS "inFlight",
           coalesce(sum(r."replays"), 0)::bigint                     AS "replays",
           count(*) FILTER (WHERE r.status IS NULL)                  AS "withoutRun"
    FROM "Event" e
    LEFT JOIN (
      SELECT "eventId",
             (array_agg(status ORDER BY "createdAt" DESC, id DESC))[1]       AS status,
             bool_or(status IN ('queued', 'running', 'waiting_retry'))       AS "inFlight",
             count(*) FILTER (WHERE "replayOfRunId" IS NOT NULL)             AS "replays"
      FROM "Run"
      WHERE ${flow}::uuid IS NULL OR "eventId" IN (SELECT id FROM "Event" WHERE "flowId" = ${flow}::uuid)
      GROUP BY "eventId") r ON r."eventId" = e.id
    WHERE ${flow}::uuid IS NULL OR e."flowId" = ${flow}::uuid
    GROUP BY e."flowId"
    ORDER BY e."flowId"`;
  return rows.map(toAccounting);
}

function toAccounting(row: Row): RunAccounting {
  const n = (value: bigint) => Number(value);
  const counts = {
    events: n(row.events),
    duplicateDeliveries: n(row.duplicateDeliveries),
    succeeded: n(row.succeeded),
    failed: n(row.failed),
    skippedDuplicate: n(row.skippedDuplicate),
    skippedStale: n(row.skippedStale),
    cancelled: n(row.cancelled),
    needsReview: n(row.needsReview),
    inFlight: n(row.inFlight),
    replays: n(row.replays),
    withoutRun: n(row.withoutRun),
  };
  const received = counts.events + counts.duplicateDeliveries;
  const accounted =
    counts.succeeded + counts.failed + counts.duplicateDeliveries + counts.skippedDuplicate + counts.skippedStale + counts.cancelled + counts.needsReview;
  const atRest = counts.inFlight === 0;
  return { flowId: row.flowId, received, ...counts, atRest, holds: atRest && counts.withoutRun === 0 && received === accounted };
}
