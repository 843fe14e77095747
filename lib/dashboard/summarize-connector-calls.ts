import { addHistogram, estimatePercentile } from "@/lib/dashboard/latency-histogram";
import type { CallBucket } from "@/lib/dashboard/read-call-buckets";

export type ConnectorLatency = {
  connectorKey: string;
  attempts: number;
  failedAttempts: number;
  retried: number;
  avgMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
};

/**
 * Calls and latency per connector over every step given: counts and the
 * mean added up, p50/p95 read off the summed histogram (exact to within one
 * latency bucket, however long the range; see latency-histogram.ts).
 */
export function summarizeConnectorCalls(calls: readonly CallBucket[]): ConnectorLatency[] {
  const byConnector = new Map<string, Omit<CallBucket, "at">>();
  for (const { at: _at, ...call } of calls) {
    const sum = byConnector.get(call.connectorKey);
    byConnector.set(
      call.connectorKey,
      sum
        ? {
            connectorKey: call.connectorKey,
            attempts: sum.attempts + call.attempts,
            failedAttempts: sum.failedAttempts + call.failedAttempts,
            retried: sum.retried + call.retried,
            callMsSum: sum.callMsSum + call.callMsSum,
            histogram: addHistogram(sum.histogram, call.histogram),
          }
        : { ...call, histogram: [...call.histogram] },
    );
  }
  return [...byConnector.values()]
    .sort((a, b) => a.connectorKey.localeCompare(b.connectorKey))
    .map(({ histogram, callMsSum, ...counts }) => ({
      ...counts,
      avgMs: counts.attempts === 0 ? null : callMsSum / counts.attempts,
      p50Ms: estimatePercentile(histogram, 0.5),
      p95Ms: estimatePercentile(histogram, 0.95),
    }));
}
