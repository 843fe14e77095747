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
import { DashboardCharts } from "@/components/dashboard/dashboard-charts";
import { StatusTile } from "@/components/dashboard/status-tile";
import { INPUT_CLASSES } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Dashboard · Flowgate" };
export const dynamic = "force-dynamic";

type DashboardPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const hrefFor = (range: string, flowId?: string) => `/?${new URLSearchParams({ range, ...(flowId ? { flowId } : {}) })}`;

export default async function DashboardPage({ searchParams }: DashboardPageProps) {
  const actor = await requirePageActor();
  // Roles without queue health keep the old home page: the flow list.
  if (!actorCan(actor, "queue.read")) redirect("/flows");
  const { range, flowId } = dashboardQuerySchema.parse(await searchParams);
  const dashboard = await loadDashboard({ range, flowId });

  return (
    <>
      <PageHeader title="Dashboard" description="Queue health, throughput and failures from minute buckets (updated every minute), with live queue and breaker state." />
      <div className="mb-4 flex flex-wrap items-end gap-4">
        <nav aria-label="Range" className="flex gap-1">
          {DASHBOARD_RANGES.map((option) => (
            <Link
              key={option}
              href={hrefFor(option, flowId)}
              aria-current={option === range ? "page" : undefined}
              className={`rounded-full border px-2.5 py-0.5 text-xs ${option === range ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}
            >
              last {option}
            </Link>
          ))}
        </nav>
        <form method="get" action="/" className="flex items-end gap-2" aria-label="Dashboard filter">
          <input type="hidden" name="range" value={range} />
          <label htmlFor="dashboard-flow" className="text-xs font-medium text-slate-700">
            Flow
            <select id="dashboard-flow" name="flowId" defaultValue={flowId ?? ""} className={INPUT_CLASSES}>
              <option value="">all flows</option>
              {dashboard.flows.map((flow) => (
                <option key={flow.id} value={flow.id}>
                  {flow.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
            Show
          </button>
        </form>
      </div>
      <div className="space-y-4">
        <AccountingWarning warnings={dashboard.warnings} />
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          {dashboard.tiles.map((tile) => (
            <StatusTile key={tile.name} tile={tile} />
          ))}
        </div>
        <DashboardCharts dashboard={dashboard} />
        <ConnectorHealth latency={dashboard.latency} breakers={dashboard.breakers} />
      </div>
    </>
  );
}
