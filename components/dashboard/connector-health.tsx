import Link from "next/link";
import type { Dashboard } from "@/lib/dashboard/load-dashboard";
import { Cell, DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { formatDuration } from "@/components/ui/format-duration";
import { StatusBadge } from "@/components/ui/status-badge";

/**
 * Per connector: calls and latency over the range (from the buckets) beside
 * its breaker and Retry-After now; each name opens the connector's view.
 */
export function ConnectorHealth({ latency, breakers, hrefFor }: Pick<Dashboard, "latency" | "breakers"> & { hrefFor: (connectorKey: string) => string }) {
  const keys = [...new Set([...latency.map((row) => row.connectorKey), ...breakers.map((row) => row.key)])].sort();
  if (keys.length === 0) return <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-600">No connector has been called yet.</p>;
  return (
    <DataTable columns={["Connector", "Calls", "Failed", "Avg latency", "p50 latency", "p95 latency", "Breaker", "Retry-After until"]}>
      {keys.map((key) => {
        const calls = latency.find((row) => row.connectorKey === key);
        const breaker = breakers.find((row) => row.key === key);
        return (
          <tr key={key} data-testid={`connector-health-${key}`}>
            <Cell className="font-mono text-xs">
              {breaker ? (
                <Link href={hrefFor(key)} className="underline underline-offset-2">
                  {key}
                </Link>
              ) : (
                key
              )}
            </Cell>
            <Cell>{calls?.attempts ?? 0}</Cell>
            <Cell>{calls?.failedAttempts ?? 0}</Cell>
            <Cell>{formatDuration(calls?.avgMs)}</Cell>
            <Cell>{formatDuration(calls?.p50Ms)}</Cell>
            <Cell>{formatDuration(calls?.p95Ms)}</Cell>
            <Cell>{breaker ? <StatusBadge status={breaker.status} /> : "—"}</Cell>
            <Cell className="whitespace-nowrap">{breaker?.retryAfterUntil ? <DateTime value={breaker.retryAfterUntil} /> : "—"}</Cell>
          </tr>
        );
      })}
    </DataTable>
  );
}
