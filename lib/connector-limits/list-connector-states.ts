import { db } from "@/lib/db";
import { countWindow } from "./circuit-breaker";
import { runtimeOf } from "./lock-connector";
import { resolveConnectorLimits } from "./resolve-connector-limits";
import type { BreakerStatusName, ConnectorLimits, ConnectorSettings } from "./schema";

export type ConnectorState = {
  key: string;
  host: string | null;
  /** What applies now: set on the connector, else the catalog's, else the default. */
  limits: ConnectorLimits;
  /** Only what an operator set (null: not set). */
  settings: { [K in keyof ConnectorSettings]-?: Exclude<ConnectorSettings[K], undefined> };
  inFlight: number;
  callsInLastSecond: number;
  breaker: {
    status: BreakerStatusName;
    openedAt: Date | null;
    /** When an open breaker lets its first probe through. */
    probesFrom: Date | null;
    windowCalls: number;
    windowFailures: number;
  };
  /** Set while a Retry-After holds calls back (R10). */
  retryAfterUntil: Date | null;
  paused: { at: Date; reason: string | null } | null;
  updatedAt: Date;
};

/** Every connector that has been called, with its limits and live state (R11, R18), for the API and the operator console. */
export async function listConnectorStates(): Promise<ConnectorState[]> {
  const now = new Date();
  const [rows, permits] = await Promise.all([
    db.connector.findMany({ orderBy: { key: "asc" } }),
    db.connectorPermit.groupBy({ by: ["connectorKey"], where: { expiresAt: { gt: now } }, _count: { _all: true } }),
  ]);
  const inFlight = new Map(permits.map((group) => [group.connectorKey, group._count._all]));
  return rows.map((row) => {
    const limits = resolveConnectorLimits(row);
    const { breaker } = runtimeOf(row);
    const window = countWindow(breaker.buckets, limits, now);
    return {
      key: row.key,
      host: row.host,
      limits,
      settings: {
        maxInFlight: row.maxInFlight,
        maxPerSecond: row.maxPerSecond,
        minCalls: row.minCalls,
        failureRatio: row.failureRatio,
        windowSeconds: row.windowSeconds,
        openSeconds: row.openSeconds,
        halfOpenProbes: row.halfOpenProbes,
      },
      inFlight: inFlight.get(row.key) ?? 0,
      callsInLastSecond: row.recentCallStarts.filter((start) => start.getTime() > now.getTime() - 1000).length,
      breaker: {
        status: breaker.status,
        openedAt: breaker.openedAt,
        probesFrom: breaker.status === "open" && breaker.openedAt ? new Date(breaker.openedAt.getTime() + limits.openSeconds * 1000) : null,
        windowCalls: window.calls,
        windowFailures: window.failures,
      },
      retryAfterUntil: row.retryAfterUntil !== null && row.retryAfterUntil > now ? row.retryAfterUntil : null,
      paused: row.pausedAt === null ? null : { at: row.pausedAt, reason: row.pauseReason },
      updatedAt: row.updatedAt,
    };
  });
}
