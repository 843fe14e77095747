import { env } from "@/lib/env.mjs";
import { db } from "@/lib/db";
import { createLogger } from "@/lib/log";

const log = createLogger("intake", env.LOG_LEVEL);

/** Counts are written at most this often per process, one row per flow, minute and reason. */
const FLUSH_INTERVAL_MS = 1_000;
/** A bound on memory if flushing fails for a long time; counts past it are dropped, not queued. */
const MAX_PENDING = 10_000;

type Pending = { flowId: string; minute: Date; reason: string; count: number; lastAt: Date };
const pending = new Map<string, Pending>();
let timer: NodeJS.Timeout | undefined;

/**
 * Counts a refused request instead of storing it (R3): a flood of forged or
 * malformed requests costs one upsert per flow, reason and second, however
 * large, and the flow's events view can still say why calls were refused.
 */
export function countRejection(flowId: string, reason: string, now = new Date()): void {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const id = `${flowId}|${minute.toISOString()}|${reason}`;
  const entry = pending.get(id);
  if (entry) {
    entry.count += 1;
    entry.lastAt = now;
  } else if (pending.size < MAX_PENDING) {
    pending.set(id, { flowId, minute, reason, count: 1, lastAt: now });
  }
  timer ??= setTimeout(() => void flushRejectionCounts(), FLUSH_INTERVAL_MS).unref();
}

/** Writes the buffered counts; also called by tests and on shutdown so nothing waits for the timer. */
export async function flushRejectionCounts(): Promise<void> {
  clearTimeout(timer);
  timer = undefined;
  const batch = [...pending.values()];
  pending.clear();
  if (batch.length === 0) return;
  try {
    // One statement for the whole batch; a flow deleted meanwhile simply loses its counts.
    // Times travel as ISO text: the columns are UTC timestamps without a zone.
    await db.$executeRaw`
      INSERT INTO "IntakeRejection" ("flowId", "minute", "reason", "count", "lastAt")
      SELECT r."flowId", r."minute"::timestamptz AT TIME ZONE 'UTC', r."reason", r."count", r."lastAt"::timestamptz AT TIME ZONE 'UTC'
      FROM unnest(${batch.map((b) => b.flowId)}::uuid[], ${batch.map((b) => b.minute.toISOString())}::text[], ${batch.map((b) => b.reason)}::text[],
                  ${batch.map((b) => b.count)}::int[], ${batch.map((b) => b.lastAt.toISOString())}::text[]) AS r("flowId", "minute", "reason", "count", "lastAt")
      WHERE EXISTS (SELECT 1 FROM "Flow" f WHERE f."id" = r."flowId")
      ON CONFLICT ("flowId", "minute", "reason") DO UPDATE
        SET "count" = "IntakeRejection"."count" + EXCLUDED."count", "lastAt" = GREATEST("IntakeRejection"."lastAt", EXCLUDED."lastAt")`;
  } catch (error) {
    // Counters are diagnostics: losing a second of them must never fail intake.
    log.warn({ err: error, rows: batch.length }, "could not write intake rejection counts");
  }
}
