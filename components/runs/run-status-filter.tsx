import Link from "next/link";
import { RUN_STATUSES } from "@/lib/runs/schema";
import { runsHref } from "@/components/runs/runs-href";

/** Plain links rather than a select: works without JavaScript and every filter is a shareable URL. */
export function RunStatusFilter({ flowId, current }: { flowId?: string; current?: string }) {
  const options: Array<{ label: string; status?: string }> = [{ label: "all" }, ...RUN_STATUSES.map((status) => ({ label: status, status }))];
  return (
    <nav aria-label="Filter by status" className="flex flex-wrap gap-1">
      {options.map(({ label, status }) => {
        const active = status === current;
        return (
          <Link
            key={label}
            href={runsHref({ flowId, status })}
            aria-current={active ? "page" : undefined}
            className={`rounded-full border px-2.5 py-0.5 text-xs ${active ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
