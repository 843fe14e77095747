import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { actorCan } from "@/lib/auth/actor-can";
import { loadDashboard } from "@/lib/dashboard/load-dashboard";
import { DASHBOARD_RANGES } from "@/lib/dashboard/pick-bucket-size";
import { dashboardQuerySchema } from "@/lib/dashboard/schema";
import { AccountingWarning } from "@/components/dashboard/accounting-warning";
import { ConnectorHealth } from "@/components/dashboard/connector-health";
import { ConnectorView } from "@/components/dashboard/connector-view";
import { DashboardCharts } from "@/components/dashboard/dashboard-charts";
import { DashboardFilter } from "@/components/dashboard/dashboard-filter";
import { LiveRefresh } from "@/components/dashboard/live-refresh";
import { StatusTile } from "@/components/dashboard/status-tile";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Dashboard · Flowgate" };
export const dynamic = "force-dynamic";

type DashboardPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

type DashboardView = { range: string; flowId?: string | null; connector?: string | null };

const hrefFor = ({ range, flowId, connector }: DashboardView) =>
  `/?${new URLSearchParams({ range, ...(flowId ? { flowId } : {}), ...(connector ? { connector } : {}) })}`;

export default async function DashboardPage({ searchParams }: DashboardPageProps) {
  const actor = await requirePageActor();
  // Roles without queue health keep the old home page: the flow list.
  if (!actorCan(actor, "queue.read")) redirect("/flows");
  const { range, flowId, connector } = dashboardQuerySchema.parse(await searchParams);
  const dashboard = await loadDashboard({ range, flowId, connectorKey: connector });
  const view = { range, flowId, connector: dashboard.connector?.key };

  return (
    <>
      <PageHeader title="Dashboard" description="Queue health, throughput and failures from minute buckets (updated every minute), with live queue and breaker state." />
      <div className="mb-4 flex flex-wrap items-end gap-4">
        <nav aria-label="Range" className="flex gap-1">
          {DASHBOARD_RANGES.map((option) => (
            <Link
              key={option}
              href={hrefFor({ ...view, range: option })}
              aria-current={option === range ? "page" : undefined}
              className={`rounded-full border px-2.5 py-0.5 text-xs ${option === range ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}
            >
              last {option}
            </Link>
          ))}
        </nav>
        <DashboardFilter dashboard={dashboard} />
        <div className="ml-auto">
          <LiveRefresh renderedAt={dashboard.renderedAt.toISOString()} />
        </div>
      </div>
      <div className="space-y-4">
        {dashboard.unknownConnector ? (
          <p role="status" data-testid="unknown-connector" className="rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900">
            No connector is called “{dashboard.unknownConnector}”: showing all connectors.
          </p>
        ) : null}
        <AccountingWarning warnings={dashboard.warnings} />
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          {dashboard.tiles.map((tile) => (
            <StatusTile key={tile.name} tile={tile} />
          ))}
        </div>
        {dashboard.connector ? <ConnectorView dashboard={dashboard} connector={dashboard.connector} /> : null}
        <DashboardCharts dashboard={dashboard} />
        <ConnectorHealth latency={dashboard.latency} breakers={dashboard.breakers} hrefFor={(key) => hrefFor({ ...view, connector: key })} />
      </div>
    </>
  );
}
