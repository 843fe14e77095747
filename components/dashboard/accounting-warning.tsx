import Link from "next/link";
import type { Dashboard } from "@/lib/dashboard/load-dashboard";

/** R16: names every flow whose received events are not all accounted for, with the numbers that disagree. */
export function AccountingWarning({ warnings }: Pick<Dashboard, "warnings">) {
  if (warnings.length === 0) return null;
  return (
    <div role="alert" data-testid="accounting-warning" className="rounded-lg border border-red-500 bg-red-50 p-4 text-sm text-red-900">
      <p className="font-medium">Events not accounted for (R16): received ≠ succeeded + failed + duplicates + skipped + cancelled + needs review.</p>
      <ul className="mt-2 list-disc pl-5">
        {warnings.map((flow) => (
          <li key={flow.flowId}>
            <Link href={`/flows/${flow.flowId}`} className="underline underline-offset-2">
              {flow.flowName}
            </Link>
            : {flow.received} received, {flow.succeeded} succeeded, {flow.failed} failed, {flow.duplicateDeliveries + flow.skippedDuplicate} duplicates,{" "}
            {flow.skippedStale} stale, {flow.cancelled} cancelled, {flow.needsReview} needs review
            {flow.withoutRun > 0 ? `; ${flow.withoutRun} event(s) without a run` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}
