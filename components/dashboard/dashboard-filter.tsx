import type { Dashboard } from "@/lib/dashboard/load-dashboard";
import { INPUT_CLASSES } from "@/components/ui/field";

type DashboardFilterProps = { dashboard: Pick<Dashboard, "range" | "flowId" | "connector" | "flows" | "breakers"> };

/** The flow and connector pickers: a plain GET form, so every view is a shareable URL and works without JavaScript. */
export function DashboardFilter({ dashboard }: DashboardFilterProps) {
  const { range, flowId, connector, flows, breakers } = dashboard;
  return (
    <form method="get" action="/" className="flex items-end gap-2" aria-label="Dashboard filter">
      <input type="hidden" name="range" value={range} />
      <label htmlFor="dashboard-flow" className="text-xs font-medium text-slate-700">
        Flow
        <select id="dashboard-flow" name="flowId" defaultValue={flowId ?? ""} className={INPUT_CLASSES}>
          <option value="">all flows</option>
          {flows.map((flow) => (
            <option key={flow.id} value={flow.id}>
              {flow.name}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor="dashboard-connector" className="text-xs font-medium text-slate-700">
        Connector
        <select id="dashboard-connector" name="connector" defaultValue={connector?.key ?? ""} className={INPUT_CLASSES}>
          <option value="">all connectors</option>
          {breakers.map((entry) => (
            <option key={entry.key} value={entry.key}>
              {entry.key}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
        Show
      </button>
    </form>
  );
}
