import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { listRuns } from "@/lib/runs/list-runs";
import { Pagination } from "@/components/runs/pagination";
import { parseRunsQuery } from "@/components/runs/parse-runs-query";
import { RunStatusFilter } from "@/components/runs/run-status-filter";
import { RunsTable } from "@/components/runs/runs-table";
import { runsHref } from "@/components/runs/runs-href";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Runs · Flowgate" };
export const dynamic = "force-dynamic";

type RunsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RunsPage({ searchParams }: RunsPageProps) {
  await requirePagePermission("runs.read");

  const query = parseRunsQuery(await searchParams);
  const { runs, total, page, pageCount } = await listRuns(query);
  const filter = { flowId: query.flowId, status: query.status };

  return (
    <>
      <PageHeader
        title="Runs"
        description={
          query.flowId ? (
            <span>
              Flow: {runs[0]?.flow.name ?? <code className="font-mono text-xs">{query.flowId}</code>} ·{" "}
              <Link href={runsHref({ status: query.status })} className="underline">
                all flows
              </Link>
            </span>
          ) : (
            "Newest first."
          )
        }
      />
      <div className="mb-4">
        <RunStatusFilter flowId={query.flowId} current={query.status} />
      </div>
      <RunsTable runs={runs} />
      <Pagination filter={filter} page={page} pageCount={pageCount} total={total} />
    </>
  );
}
