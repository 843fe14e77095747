import type { Dashboard } from "@/lib/dashboard/load-dashboard";
import type { ConnectorView as ConnectorViewData } from "@/lib/dashboard/shape-connector-view";
import { ConnectorCharts } from "@/components/dashboard/dashboard-charts";
import { StatusTile } from "@/components/dashboard/status-tile";
import { DateTime } from "@/components/ui/date-time";
import { StatusBadge } from "@/components/ui/status-badge";

/** One connector over the range: its tiles and charts, with its breaker and Retry-After as they are now. */
export function ConnectorView({ dashboard, connector }: { dashboard: Dashboard; connector: ConnectorViewData }) {
  return (
    <section aria-labelledby="connector-view-title" data-testid="connector-view" className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="connector-view-title" className="font-mono text-sm font-semibold text-slate-900">
          {connector.key}
        </h2>
        <span className="flex items-center gap-1 text-xs text-slate-600" data-testid="connector-breaker">
          breaker <StatusBadge status={connector.breaker} />
        </span>
        <span className="text-xs text-slate-600" data-testid="connector-retry-after-until">
          Retry-After until {connector.retryAfterUntil ? <DateTime value={connector.retryAfterUntil} /> : "—"}
        </span>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {connector.tiles.map((tile) => (
          <StatusTile key={tile.name} tile={tile} />
        ))}
      </div>
      <ConnectorCharts dashboard={dashboard} connector={connector} />
    </section>
  );
}
