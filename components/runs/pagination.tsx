import Link from "next/link";
import { runsHref, type RunsLinkQuery } from "@/components/runs/runs-href";

type PaginationProps = { filter: RunsLinkQuery; cursor?: string; nextCursor: string | null };

/** Keyset pages have no numbers: back to the newest, or on to older runs from the last row shown. */
export function Pagination({ filter, cursor, nextCursor }: PaginationProps) {
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100";
  const disabled = "rounded-md border border-slate-200 px-3 py-1 text-slate-400";
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-end gap-2">
      {cursor ? (
        <Link href={runsHref(filter)} className={link} rel="first">
          Newest
        </Link>
      ) : (
        <span className={disabled}>Newest</span>
      )}
      {nextCursor ? (
        <Link href={runsHref({ ...filter, cursor: nextCursor })} className={link} rel="next">
          Older
        </Link>
      ) : (
        <span className={disabled}>Older</span>
      )}
    </nav>
  );
}
