import { db } from "@/lib/db";

/** An interval in which the connector's breaker was open without a break: from when it opened to the last sample that still saw it open. */
export type BreakerOpenWindow = { from: number; until: number };

export type BreakerWatch = { stop: () => Promise<BreakerOpenWindow[]> };

const SAMPLE_MS = 200;

/**
 * Samples the connector's shared breaker state (R11). A window ends at the
 * last sample that saw it open, not at the first that did not, because the
 * move to half-open happens when a probe call is admitted: that probe is
 * allowed and must not count as a call while open.
 */
export function watchBreaker(key: string): BreakerWatch {
  const windows = new Map<number, BreakerOpenWindow>();
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const sampledAt = Date.now();
      // The database restart makes some samples fail; the next one continues.
      const row = await db.connector.findUnique({ where: { key }, select: { breakerStatus: true, breakerOpenedAt: true } }).catch(() => null);
      const openedAt = row?.breakerOpenedAt?.getTime();
      if (row?.breakerStatus === "open" && openedAt !== undefined) {
        const window = windows.get(openedAt) ?? { from: openedAt, until: sampledAt };
        window.until = Math.max(window.until, sampledAt);
        windows.set(openedAt, window);
      }
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      return [...windows.values()];
    },
  };
}
