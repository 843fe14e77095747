import Link from "next/link";
import { runsHref, type RunsFilter } from "@/components/runs/runs-href";

type PaginationProps = { filter: RunsFilter; page: number; pageCount: number; total: number };

export function Pagination({ filter, page, pageCount, total }: PaginationProps) {
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100";
  const disabled = "rounded-md border border-slate-200 px-3 py-1 text-slate-400";
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between">
      <span className="text-slate-600">
        Page {page} of {pageCount} · {total} {total === 1 ? "run" : "runs"}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link href={runsHref({ ...filter, page: Math.min(page - 1, pageCount) })} className={link} rel="prev">
            Previous
          </Link>
        ) : (
          <span className={disabled}>Previous</span>
        )}
        {page < pageCount ? (
          <Link href={runsHref({ ...filter, page: page + 1 })} className={link} rel="next">
            Next
          </Link>
        ) : (
          <span className={disabled}>Next</span>
        )}
      </span>
    </nav>
  );
}
