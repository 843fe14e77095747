import Link from "next/link";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "@/lib/audit/schema";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";

type AuditFiltersProps = { params: Record<string, string> };

// A bare date in a date box is read as a UTC day by the filter schema; only the date part of a typed date-time can be shown here.
const dateValue = (value: string | undefined) => value?.slice(0, 10);

/** A plain GET form: every filter is a shareable URL and works without JavaScript. */
export function AuditFilters({ params }: AuditFiltersProps) {
  return (
    <form method="get" action="/audit" aria-label="Filter audit entries" className="flex flex-wrap items-end gap-3">
      <SelectField id="audit-action" name="action" label="Action" options={AUDIT_ACTIONS} emptyOption="all" defaultValue={params.action ?? ""} />
      <Field id="audit-actor" name="actor" label="Actor email contains" defaultValue={params.actor} maxLength={200} className="w-56" />
      <SelectField id="audit-outcome" name="outcome" label="Outcome" options={AUDIT_OUTCOMES} emptyOption="all" defaultValue={params.outcome ?? ""} />
      <Field id="audit-from" name="from" type="date" label="From (UTC)" defaultValue={dateValue(params.from)} />
      <Field id="audit-to" name="to" type="date" label="To (UTC, inclusive)" defaultValue={dateValue(params.to)} />
      <Button type="submit">Apply</Button>
      <Link href="/audit" className={buttonClasses("secondary")}>
        Clear
      </Link>
    </form>
  );
}
