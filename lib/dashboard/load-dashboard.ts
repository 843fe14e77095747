import { listConnectorStates } from "@/lib/connector-limits/list-connector-states";
import { db } from "@/lib/db";
import { listFlowNames } from "@/lib/flows/list-flow-names";
import { readBucketSeries } from "@/lib/dashboard/read-bucket-series";
import { gradeTile, type TileLevel } from "@/lib/dashboard/grade-tile";
import { pickBucketSize, type DashboardRange } from "@/lib/dashboard/pick-bucket-size";
import { shapeConnectorView } from "@/lib/dashboard/shape-connector-view";
import { readRunBacklog } from "@/lib/metrics/read-run-backlog";
import type { RunAccounting } from "@/lib/runs/check-run-accounting";

export type LoadDashboardOptions = { range: DashboardRange; flowId?: string; connectorKey?: string; now?: Date };

export type DashboardTile = {
  name: string;
  label: string;
  value: number | null;
  unit: "count" | "ratio" | "seconds" | "milliseconds";
  level: TileLevel;
  /** A line under the value, e.g. how old a stored figure is. */
  note?: string;
};

/** A flow whose R16 identity fails: at rest and unbalanced, or with an event that has no run at all. */
export type AccountingWarning = RunAccounting & { flowName: string };

/**
 * Everything the dashboard shows (R18): chart series and connector latency
 * from the minute buckets, live tiles from the same queries as /api/metrics,
 * the R16 identity per flow as the dashboard.accounting job last stored it
 * (checking it here would scan every event on every load), and, for a known
 * connector, its own calls, latency, breaker and waiting runs. Flows still in
 * flight are not flagged: the identity is only defined at rest.
 */
export async function loadDashboard({ range, flowId, connectorKey, now = new Date() }: LoadDashboardOptions) {
  const { spanMinutes, bucketMinutes } = pickBucketSize(range);
  const step = bucketMinutes * 60_000;
  const to = new Date(Math.floor(now.getTime() / step) * step + step);
  const from = new Date(to.getTime() - spanMinutes * 60_000);
  // The connector's own queries run alongside the rest and are dropped if the key is unknown.
  const [{ series, latency }, backlog, connectors, accounting, flows, connectorCalls, connectorBacklog] = await Promise.all([
    readBucketSeries({ from, to, bucketMinutes, flowId }),
    readRunBacklog({ flowId }),
    listConnectorStates(),
    db.flowAccountingCheck.findMany({ where: { flowId }, orderBy: { flowId: "asc" } }),
    listFlowNames(),
    connectorKey ? readBucketSeries({ from, to, bucketMinutes, flowId, connectorKey }) : null,
    connectorKey ? readRunBacklog({ flowId, connectorKey }) : null,
  ]);
  const total = series.reduce((sum, point) => ({ succeeded: sum.succeeded + point.succeeded, failed: sum.failed + point.failed, retried: sum.retried + point.retried }), { succeeded: 0, failed: 0, retried: 0 });
  const finished = total.succeeded + total.failed;
  const failureRate = finished === 0 ? null : total.failed / finished;
  const oldestPendingSeconds = backlog.oldestQueuedAt ? Math.max(0, Math.round((now.getTime() - backlog.oldestQueuedAt.getTime()) / 1000)) : 0;
  const openBreakers = connectors.filter((connector) => connector.breaker.status === "open").length;
  const nameOf = new Map(flows.map((flow) => [flow.id, flow.name]));
  const warnings: AccountingWarning[] = accounting
    .filter((flow) => flow.withoutRun > 0 || (flow.atRest && !flow.holds))
    .map((flow) => ({ ...flow, flowName: nameOf.get(flow.flowId) ?? flow.flowId }));
  // The oldest row dates the whole check: every flow shown was checked at least that recently.
  const accountingCheckedAt = accounting.reduce<Date | null>((oldest, flow) => (oldest === null || flow.checkedAt < oldest ? flow.checkedAt : oldest), null);
  const accountingAgeSeconds = accountingCheckedAt ? Math.max(0, Math.round((now.getTime() - accountingCheckedAt.getTime()) / 1000)) : null;

  const tiles: DashboardTile[] = [
    { name: "queue-depth", label: "Queued runs", value: backlog.queued, unit: "count", level: "ok" },
    { name: "oldest-pending", label: "Oldest pending", value: oldestPendingSeconds, unit: "seconds", level: gradeTile("oldestPendingSeconds", oldestPendingSeconds) },
    { name: "success-rate", label: "Success rate", value: failureRate === null ? null : 1 - failureRate, unit: "ratio", level: gradeTile("failureRate", failureRate) },
    { name: "failure-rate", label: "Failure rate", value: failureRate, unit: "ratio", level: gradeTile("failureRate", failureRate) },
    { name: "retries", label: "Retried attempts", value: total.retried, unit: "count", level: "ok" },
    { name: "open-breakers", label: "Open breakers", value: openBreakers, unit: "count", level: gradeTile("openBreakers", openBreakers) },
    { name: "retry-after", label: "Waiting on Retry-After", value: backlog.waitingByReason.retry_after ?? 0, unit: "count", level: "ok" },
    {
      name: "accounting",
      label: "R16 violations",
      value: warnings.length,
      unit: "count",
      level: gradeTile("accountingViolations", warnings.length),
      note: accountingAgeSeconds === null ? "not checked yet" : `checked ${accountingAgeSeconds} s ago`,
    },
  ];
  const breakers = connectors.map((connector) => ({ key: connector.key, status: connector.breaker.status, retryAfterUntil: connector.retryAfterUntil }));
  const selected = connectors.find((connector) => connector.key === connectorKey);
  const connector =
    selected && connectorCalls && connectorBacklog
      ? shapeConnectorView({ state: selected, latency: connectorCalls.latency[0], series: connectorCalls.series, backlog: connectorBacklog })
      : null;
  return {
    range,
    flowId: flowId ?? null,
    connector,
    /** A connector key from the URL that names no connector: the page says so and shows every connector. */
    unknownConnector: connectorKey && !selected ? connectorKey : null,
    renderedAt: now,
    from,
    to,
    bucketMinutes,
    series,
    tiles,
    latency,
    breakers,
    warnings,
    accountingCheckedAt,
    flows,
  };
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
