import type { ConnectorState } from "@/lib/connector-limits/list-connector-states";
import { gradeTile } from "@/lib/dashboard/grade-tile";
import type { DashboardTile } from "@/lib/dashboard/load-dashboard";
import type { ConnectorLatency } from "@/lib/dashboard/summarize-connector-calls";
import type { SeriesPoint } from "@/lib/dashboard/read-bucket-series";
import type { RunBacklog } from "@/lib/metrics/read-run-backlog";

export type ShapeConnectorViewOptions = {
  state: ConnectorState;
  /** The connector's row of the range's latency table; undefined when it made no call in the range. */
  latency: ConnectorLatency | undefined;
  series: SeriesPoint[];
  backlog: RunBacklog;
};

/** One connector's part of the dashboard: its tiles over the range, its live breaker and Retry-After, and its chart points. */
export function shapeConnectorView({ state, latency, series, backlog }: ShapeConnectorViewOptions) {
  const attempts = latency?.attempts ?? 0;
  const failureRate = attempts === 0 ? null : (latency?.failedAttempts ?? 0) / attempts;
  const waiting = Object.values(backlog.waitingByReason).reduce((sum, count) => sum + count, 0);
  const tiles: DashboardTile[] = [
    { name: "connector-calls", label: "Calls", value: attempts, unit: "count", level: "ok" },
    { name: "connector-failure-rate", label: "Failed calls", value: failureRate, unit: "ratio", level: gradeTile("failureRate", failureRate) },
    { name: "connector-retries", label: "Retried calls", value: latency?.retried ?? 0, unit: "count", level: "ok" },
    { name: "connector-p50", label: "p50 latency", value: latency?.p50Ms ?? null, unit: "milliseconds", level: "ok" },
    { name: "connector-p95", label: "p95 latency", value: latency?.p95Ms ?? null, unit: "milliseconds", level: "ok" },
    { name: "connector-waiting", label: "Runs waiting on it", value: waiting, unit: "count", level: "ok" },
    { name: "connector-retry-after", label: "of which on Retry-After", value: backlog.waitingByReason.retry_after ?? 0, unit: "count", level: "ok" },
  ];
  return { key: state.key, breaker: state.breaker.status, retryAfterUntil: state.retryAfterUntil, tiles, series };
}

export type ConnectorView = ReturnType<typeof shapeConnectorView>;
