import Link from "next/link";
import { runsHref, type RunsLinkQuery } from "@/components/runs/runs-href";
import type { RunStatusCounts } from "@/lib/runs/count-runs-by-status";
import { RUN_STATUSES } from "@/lib/runs/schema";

type RunStatusCountsProps = { filter: RunsLinkQuery; selected: readonly string[]; counts: RunStatusCounts };

/** One tile per status with its count under the rest of the filter; a click toggles that status in the filter. */
export function RunStatusCountTiles({ filter, selected, counts }: RunStatusCountsProps) {
  return (
    <nav aria-label="Filter by status" className="mb-4 flex flex-wrap gap-2">
      {RUN_STATUSES.map((status) => {
        const active = selected.includes(status);
        const next = active ? selected.filter((item) => item !== status) : [...selected, status];
        return (
          <Link
            key={status}
            href={runsHref({ ...filter, status: next })}
            aria-current={active ? "true" : undefined}
            data-testid={`count-${status}`}
            className={`rounded-md border px-3 py-1.5 text-xs ${active ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}
          >
            {status.replaceAll("_", " ")} <span className="font-semibold tabular-nums">{counts[status]}</span>
          </Link>
        );
      })}
    </nav>
  );
}
