"use client";

import { useEffect, useState, type ReactNode } from "react";
import { RunStatusCountTiles } from "@/components/runs/run-status-counts";
import { RunsTable, type RunRow } from "@/components/runs/runs-table";
import type { RunsLinkQuery } from "@/components/runs/runs-href";
import type { RunStatusCounts } from "@/lib/runs/count-runs-by-status";

const POLL_MS = 5_000;

type RunsLiveProps = {
  /** The first page's filter as URL parameters, polled as is. */
  apiQuery: string;
  filter: RunsLinkQuery;
  selected: readonly string[];
  /** The server-rendered tiles and table, shown until the first poll answers (no hydration of local times). */
  children: ReactNode;
};

type Live = { runs: RunRow[]; counts: RunStatusCounts };
type RunJson = Omit<RunRow, "createdAt" | "startedAt" | "finishedAt"> & { createdAt: string; startedAt: string | null; finishedAt: string | null };

const toDate = (value: string | null) => (value === null ? null : new Date(value));

/**
 * Keeps the newest page current: polls the runs API every 5 s while the tab
 * is visible (a hidden tab costs the database nothing) and at once when it
 * shows again. A failed poll keeps the last rows; the next one tries again.
 */
export function RunsLive({ apiQuery, filter, selected, children }: RunsLiveProps) {
  const [live, setLive] = useState<Live | null>(null);
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      if (document.visibilityState !== "visible") return;
      const response = await fetch(`/api/v1/runs?${apiQuery}`, { cache: "no-store" }).catch(() => null);
      if (!response?.ok || stopped) return;
      const body = (await response.json()) as { runs: RunJson[]; counts: RunStatusCounts };
      const runs = body.runs.map((run) => ({ ...run, createdAt: new Date(run.createdAt), startedAt: toDate(run.startedAt), finishedAt: toDate(run.finishedAt) }));
      if (!stopped) setLive({ runs, counts: body.counts });
    };
    const timer = setInterval(poll, POLL_MS);
    const onVisible = () => void poll();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [apiQuery]);
  if (!live) return <>{children}</>;
  return (
    <>
      <RunStatusCountTiles filter={filter} selected={selected} counts={live.counts} />
      <RunsTable runs={live.runs} />
    </>
  );
}
