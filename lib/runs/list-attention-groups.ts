import { db } from "@/lib/db";

/** Runs that need a person: failed for good, or stopped for review. */
export const ATTENTION_STATUSES = ["failed", "needs_review"] as const;

export type AttentionGroup = {
  flowId: string;
  flowName: string;
  connectorKey: string | null;
  failureClass: string | null;
  failed: number;
  needsReview: number;
  firstSeen: Date;
  lastSeen: Date;
  /** The error message of the group's newest run. */
  newestError: string | null;
};

// An operator reads this page to choose what to fix first; beyond this many groups a filter is the better tool.
const MAX_GROUPS = 200;

/**
 * Failed and needs-review runs grouped by flow, connector and failure class
 * (R18): how many, since when, until when, and the newest error, so each
 * group can be fixed at its cause and then replayed as one. Replays that
 * have superseded a run (a newer run of the same event) are not counted.
 */
export async function listAttentionGroups(): Promise<AttentionGroup[]> {
  const rows = await db.$queryRaw<Array<Omit<AttentionGroup, "failed" | "needsReview"> & { failed: number; needsReview: number }>>`
    SELECT r."flowId", f.name AS "flowName", r."connectorKey", r."failureClass",
           count(*) FILTER (WHERE r.status = 'failed')::int AS failed,
           count(*) FILTER (WHERE r.status = 'needs_review')::int AS "needsReview",
           min(r."createdAt") AS "firstSeen",
           max(r."createdAt") AS "lastSeen",
           (array_agg(r.error->>'message' ORDER BY r."createdAt" DESC))[1] AS "newestError"
    FROM "Run" r
    JOIN "Flow" f ON f.id = r."flowId"
    WHERE r.status IN ('failed', 'needs_review')
      AND NOT EXISTS (SELECT 1 FROM "Run" newer WHERE newer."replayOfRunId" = r.id)
    GROUP BY r."flowId", f.name, r."connectorKey", r."failureClass"
    ORDER BY max(r."createdAt") DESC
    LIMIT ${MAX_GROUPS}`;
  return rows;
}
