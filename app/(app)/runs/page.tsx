import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { listFlowNames } from "@/lib/flows/list-flow-names";
import { countRunsByStatus } from "@/lib/runs/count-runs-by-status";
import { listRuns } from "@/lib/runs/list-runs";
import { can } from "@/lib/auth/permissions";
import { BulkReplayDialog } from "@/components/runs/bulk-replay-dialog";
import { Pagination } from "@/components/runs/pagination";
import { parseRunsQuery } from "@/components/runs/parse-runs-query";
import { RunFilters } from "@/components/runs/run-filters";
import { RunStatusCountTiles } from "@/components/runs/run-status-counts";
import { RunsLive } from "@/components/runs/runs-live";
import { runsHref } from "@/components/runs/runs-href";
import { RunsTable } from "@/components/runs/runs-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Runs · Flowgate" };
export const dynamic = "force-dynamic";

type RunsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RunsPage({ searchParams }: RunsPageProps) {
  const actor = await requirePagePermission("runs.read");

  const { cursor, pageSize, ...filter } = parseRunsQuery(await searchParams);
  const [{ runs, nextCursor }, counts, flows] = await Promise.all([listRuns({ ...filter, cursor, pageSize }), countRunsByStatus(filter), listFlowNames()]);
  const selected = filter.status ?? [];
  const tilesAndTable = (
    <>
      <RunStatusCountTiles filter={filter} selected={selected} counts={counts} />
      <RunsTable runs={runs} />
    </>
  );

  return (
    <>
      <PageHeader
        title="Runs"
        description={cursor ? "Older runs." : "Newest first; updates every few seconds."}
        actions={<BulkReplayDialog filter={filter} allowed={can(actor.role, "runs.replay")} />}
      />
      <RunFilters filter={filter} flows={flows} />
      {/* Only the newest page is live: an older page stays as it was read, so its rows do not move under the reader. */}
      {cursor ? (
        tilesAndTable
      ) : (
        <RunsLive apiQuery={runsHref(filter).replace(/^\/runs\??/, "")} filter={filter} selected={selected}>
          {tilesAndTable}
        </RunsLive>
      )}
      <Pagination filter={filter} cursor={cursor} nextCursor={nextCursor} />
    </>
  );
}
