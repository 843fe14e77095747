import type { DbTransaction } from "@/lib/db";
import { Prisma, type Connector } from "@/lib/generated/prisma/client";
import type { ConnectorRuntime } from "./admit-call";
import type { ConnectorRef } from "./connector-of";
import { resolveConnectorLimits } from "./resolve-connector-limits";
import { breakerBucketsSchema, type ConnectorLimits } from "./schema";

export type LockedConnector = {
  row: Connector;
  runtime: ConnectorRuntime;
  limits: ConnectorLimits;
  /** The database's clock, read after the lock was granted: one clock for every worker host. */
  now: Date;
  inFlight: number;
  probesInFlight: number;
};

/** Long enough to queue behind a busy pool; the work under the lock itself takes milliseconds. */
export const CONNECTOR_TX_OPTIONS = { maxWait: 10_000, timeout: 10_000 } as const;

/**
 * Locks a connector's row for the rest of the transaction (creating it on
 * first use) and reads what a decision about it needs. Every permit is
 * granted or returned under this lock, so concurrent workers in any
 * process see each other's calls: the in-flight count and the per-second
 * window are never read stale.
 */
export async function lockConnector(tx: DbTransaction, { key, host }: ConnectorRef): Promise<LockedConnector> {
  const lock = () => tx.$queryRaw<Array<{ key: string }>>`SELECT key FROM "Connector" WHERE key = ${key} FOR UPDATE`;
  if ((await lock()).length === 0) {
    await tx.$executeRaw`INSERT INTO "Connector" (key, host, "updatedAt") VALUES (${key}, ${host}, now()) ON CONFLICT (key) DO NOTHING`;
    await lock();
  }
  const row = await tx.connector.findUniqueOrThrow({ where: { key } });
  // Expired permits (their worker died mid-call) stop counting, and are deleted, here.
  const [counts] = await tx.$queryRaw<Array<{ now: Date; inFlight: number; probesInFlight: number }>>`
    WITH expired AS (DELETE FROM "ConnectorPermit" WHERE "connectorKey" = ${key} AND "expiresAt" <= clock_timestamp())
    SELECT clock_timestamp() AS now,
           count(*)::int AS "inFlight",
           (count(*) FILTER (WHERE probe))::int AS "probesInFlight"
    FROM "ConnectorPermit" WHERE "connectorKey" = ${key} AND "expiresAt" > clock_timestamp()`;
  if (!counts) throw new Error("The permit count query returned no row");
  return { row, runtime: runtimeOf(row), limits: resolveConnectorLimits(row), now: counts.now, inFlight: counts.inFlight, probesInFlight: counts.probesInFlight };
}

/** Writes back a runtime decided under the lock (pausing is release's and resume's, with its reason). */
export async function saveRuntime(tx: DbTransaction, key: string, runtime: ConnectorRuntime): Promise<void> {
  await tx.connector.update({
    where: { key },
    data: {
      retryAfterUntil: runtime.retryAfterUntil,
      recentCallStarts: runtime.recentCallStarts,
      breakerStatus: runtime.breaker.status,
      breakerOpenedAt: runtime.breaker.openedAt,
      breakerBuckets: runtime.breaker.buckets as Prisma.InputJsonValue,
      breakerProbeSuccesses: runtime.breaker.probeSuccesses,
      nextWakeAt: runtime.nextWakeAt,
    },
  });
}

export function runtimeOf(row: Connector): ConnectorRuntime {
  // A bucket list that does not parse (hand-edited) only costs the window's history, never a call.
  const buckets = breakerBucketsSchema.safeParse(row.breakerBuckets);
  return {
    pausedAt: row.pausedAt,
    retryAfterUntil: row.retryAfterUntil,
    recentCallStarts: row.recentCallStarts,
    breaker: { status: row.breakerStatus, openedAt: row.breakerOpenedAt, buckets: buckets.success ? buckets.data : [], probeSuccesses: row.breakerProbeSuccesses },
    nextWakeAt: row.nextWakeAt,
  };
}
