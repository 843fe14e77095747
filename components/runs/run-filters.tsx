import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field, INPUT_CLASSES, SelectField } from "@/components/ui/field";
import { FAILURE_CLASSES } from "@/lib/runs/failure-class";
import type { RunFilter } from "@/lib/runs/schema";

type RunFiltersProps = { filter: RunFilter; flows: { id: string; name: string }[] };

// datetime-local shows and sends the server's local time, like the table's timestamps.
const localInput = (date?: Date) => (date ? new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : undefined);

/** A plain GET form: works without JavaScript and every filter is a shareable URL; the status tiles keep their choice as hidden fields. */
export function RunFilters({ filter, flows }: RunFiltersProps) {
  return (
    <form method="get" action="/runs" className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-8" aria-label="Run filters">
      <Field id="runs-q" name="q" label="Search (event id, business key, trace id, idempotency key)" defaultValue={filter.q} className="col-span-2" />
      <div>
        <label htmlFor="runs-flow" className="mb-1 block text-xs font-medium text-slate-700">
          Flow
        </label>
        <select id="runs-flow" name="flowId" defaultValue={filter.flowId ?? ""} className={INPUT_CLASSES}>
          <option value="">all</option>
          {flows.map((flow) => (
            <option key={flow.id} value={flow.id}>
              {flow.name}
            </option>
          ))}
        </select>
      </div>
      <Field id="runs-version" name="version" label="Version" type="number" min={1} defaultValue={filter.version} />
      <SelectField id="runs-class" name="failureClass" label="Failure class" options={FAILURE_CLASSES} emptyOption="all" defaultValue={filter.failureClass ?? ""} />
      <div>
        <Field id="runs-connector" name="connector" label="Connector" defaultValue={filter.connector} />
        <label className="mt-1 flex items-center gap-1 text-xs text-slate-600">
          <input type="checkbox" name="withoutConnector" value="true" defaultChecked={filter.withoutConnector === true} /> stopped before any call
        </label>
      </div>
      <Field id="runs-from" name="from" label="From" type="datetime-local" defaultValue={localInput(filter.from)} />
      <Field id="runs-to" name="to" label="To" type="datetime-local" defaultValue={localInput(filter.to)} />
      {filter.status?.map((status) => <input key={status} type="hidden" name="status" value={status} />)}
      <div className="col-span-2 flex items-end gap-2">
        <Button type="submit">Apply</Button>
        <Link href="/runs" className={buttonClasses("secondary")}>
          Clear
        </Link>
      </div>
    </form>
  );
}
