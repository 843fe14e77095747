import { db } from "@/lib/db";

/** An interval in which the connector's breaker was open without a break: from when it opened to the last sample that still saw it open. */
export type BreakerOpenWindow = { from: number; until: number };

/**
 * A Retry-After window as the engine recorded it (R10): `from` is when the
 * first sample that showed it came back, so the engine had written it by
 * then; no call admitted after that moment may start before `until`.
 */
export type RecordedRetryAfter = { from: number; until: number };

export type ConnectorWatch = { stop: () => Promise<{ breakerOpenWindows: BreakerOpenWindow[]; retryAfterWindows: RecordedRetryAfter[] }> };

/** Short: a window first seen late only makes the Retry-After check see fewer calls, never wrongly blame one. */
const SAMPLE_MS = 50;

/**
 * Samples the connector's shared state (R10, R11). A breaker window ends at
 * the last sample that saw it open, not at the first that did not, because
 * the move to half-open happens when a probe call is admitted: that probe
 * is allowed and must not count as a call while open.
 */
export function watchConnector(key: string): ConnectorWatch {
  const breakerWindows = new Map<number, BreakerOpenWindow>();
  const retryAfter = new Map<number, RecordedRetryAfter>();
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const sampledAt = Date.now();
      // The database restart makes some samples fail; the next one continues.
      const row = await db.connector.findUnique({ where: { key }, select: { breakerStatus: true, breakerOpenedAt: true, retryAfterUntil: true } }).catch(() => null);
      const openedAt = row?.breakerOpenedAt?.getTime();
      if (row?.breakerStatus === "open" && openedAt !== undefined) {
        const window = breakerWindows.get(openedAt) ?? { from: openedAt, until: sampledAt };
        window.until = Math.max(window.until, sampledAt);
        breakerWindows.set(openedAt, window);
      }
      // Read when the answer is back, not when the query was sent: the row may
      // have been committed in between, and a window must never be dated
      // earlier than it was recorded (that would blame calls admitted before it).
      const answeredAt = Date.now();
      const until = row?.retryAfterUntil?.getTime();
      if (until !== undefined && until > answeredAt && !retryAfter.has(until)) retryAfter.set(until, { from: answeredAt, until });
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      return { breakerOpenWindows: [...breakerWindows.values()], retryAfterWindows: [...retryAfter.values()] };
    },
  };
}
