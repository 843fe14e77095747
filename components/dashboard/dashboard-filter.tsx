import type { Dashboard } from "@/lib/dashboard/load-dashboard";
import { INPUT_CLASSES } from "@/components/ui/field";
import { SelectOptions } from "@/components/ui/select-options";

type DashboardFilterProps = { dashboard: Pick<Dashboard, "range" | "flowId" | "connector" | "flows" | "breakers"> };

/** The flow and connector pickers: a plain GET form, so every view is a shareable URL and works without JavaScript. */
export function DashboardFilter({ dashboard }: DashboardFilterProps) {
  const { range, flowId, connector, flows, breakers } = dashboard;
  return (
    <form method="get" action="/" className="flex items-end gap-2" aria-label="Dashboard filter">
      <input type="hidden" name="range" value={range} />
      <FilterSelect name="flowId" label="Flow" value={flowId} allLabel="all flows" options={flows.map((flow) => ({ value: flow.id, label: flow.name }))} />
      <FilterSelect name="connector" label="Connector" value={connector?.key} allLabel="all connectors" options={breakers.map((entry) => ({ value: entry.key, label: entry.key }))} />
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
        Show
      </button>
    </form>
  );
}

type FilterSelectProps = { name: string; label: string; value: string | null | undefined; allLabel: string; options: Array<{ value: string; label: string }> };

/** One picker; its empty first option means "no filter". */
function FilterSelect({ name, label, value, allLabel, options }: FilterSelectProps) {
  const id = `dashboard-${name}`;
  return (
    <label htmlFor={id} className="text-xs font-medium text-slate-700">
      {label}
      <select id={id} name={name} defaultValue={value ?? ""} className={INPUT_CLASSES}>
        <option value="">{allLabel}</option>
        <SelectOptions options={options} />
      </select>
    </label>
  );
}
