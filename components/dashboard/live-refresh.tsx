"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** How often an open, visible dashboard asks the server for fresh numbers (the buckets change once a minute). */
const REFRESH_MS = 30_000;

/**
 * Re-renders the dashboard's server component every 30 s while the tab is
 * visible: a hidden tab stops polling (no load from forgotten tabs) and
 * refreshes at once when shown again. `renderedAt` (ISO) is the server's
 * render time, so the indicator says how fresh the numbers are, not when the
 * browser last asked. Formatted in UTC, the same on server and client.
 */
export function LiveRefresh({ renderedAt }: { renderedAt: string }) {
  const router = useRouter();
  useEffect(() => {
    const refreshIfVisible = () => {
      if (document.visibilityState === "visible") router.refresh();
    };
    const timer = window.setInterval(refreshIfVisible, REFRESH_MS);
    document.addEventListener("visibilitychange", refreshIfVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", refreshIfVisible);
    };
  }, [router]);
  return (
    <div className="flex items-center gap-2 text-xs text-slate-600">
      <span data-testid="dashboard-updated" data-rendered-at={renderedAt} aria-live="polite">
        updated <time dateTime={renderedAt}>{renderedAt.slice(11, 19)}</time> UTC
      </span>
      <button type="button" onClick={() => router.refresh()} className="rounded-md border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-100">
        Refresh now
      </button>
    </div>
  );
}
