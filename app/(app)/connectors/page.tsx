import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { can } from "@/lib/auth/permissions";
import { listConnectorStates } from "@/lib/connector-limits/list-connector-states";
import { ConnectorPauseButton } from "@/components/connectors/connector-pause-button";
import { Cell, DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";

export const metadata: Metadata = { title: "Connectors · Flowgate" };
export const dynamic = "force-dynamic";

export default async function ConnectorsPage() {
  const actor = await requirePagePermission("queue.read");
  const connectors = await listConnectorStates();
  const mayPause = can(actor.role, "flows.pause");

  return (
    <>
      <PageHeader title="Connectors" description="Every target Flowgate has called: its limits, calls in flight, breaker, Retry-After and pause. A paused connector holds its calls without failing them." />
      {connectors.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-600">No connector has been called yet.</p>
      ) : (
        <DataTable columns={["Connector", "In flight", "Calls/s", "Breaker", "Retry-After until", "Paused", ""]}>
          {connectors.map((connector) => (
            <tr key={connector.key} data-testid={`connector-${connector.key}`}>
              <Cell className="font-mono text-xs">{connector.key}</Cell>
              <Cell>
                {connector.inFlight} / {connector.limits.maxInFlight}
              </Cell>
              <Cell>
                {connector.callsInLastSecond} / {connector.limits.maxPerSecond}
              </Cell>
              <Cell>
                <StatusBadge status={connector.breaker.status} />
                <span className="ml-2 text-xs text-slate-500">
                  {connector.breaker.windowFailures}/{connector.breaker.windowCalls} failed
                </span>
              </Cell>
              <Cell className="whitespace-nowrap">{connector.retryAfterUntil ? <DateTime value={connector.retryAfterUntil} /> : "—"}</Cell>
              <Cell className="text-xs">{connector.paused ? (connector.paused.reason ?? "paused") : "—"}</Cell>
              <Cell>
                <ConnectorPauseButton connectorKey={connector.key} paused={connector.paused !== null} allowed={mayPause} />
              </Cell>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
