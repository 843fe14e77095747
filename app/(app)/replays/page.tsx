import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { can } from "@/lib/auth/permissions";
import { listBulkReplays } from "@/lib/runs/list-bulk-replays";
import { runFilterSchema } from "@/lib/runs/schema";
import { BulkReplayProgress } from "@/components/runs/bulk-replay-progress";
import { runsHref } from "@/components/runs/runs-href";
import { Cell, DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Bulk replays · Flowgate" };
export const dynamic = "force-dynamic";

/** Every bulk replay started from /runs or /attention, so one can be watched and steered after its dialog was closed. */
export default async function ReplaysPage() {
  const actor = await requirePagePermission("runs.read");
  const replays = await listBulkReplays({ limit: 50 });
  const allowed = can(actor.role, "runs.replay");
  return (
    <>
      <PageHeader title="Bulk replays" description="The newest 50, with their progress. Pause and cancel take effect between batches; runs already replayed go on." />
      {replays.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-600">No bulk replay yet. Start one from Runs or Needs attention.</p>
      ) : (
        <DataTable columns={["Started", "By", "Runs matched", "Version", "Canary", "Progress"]}>
          {replays.map((replay) => {
            // Stored as submitted; an old shape still links to the unfiltered list rather than failing the page.
            const filter = runFilterSchema.safeParse(replay.filter);
            return (
              <tr key={replay.id} className="align-top text-sm" data-testid={`replay-${replay.id}`}>
                <Cell>
                  <DateTime value={replay.createdAt} />
                </Cell>
                <Cell>{replay.actorEmail}</Cell>
                <Cell>
                  <Link href={runsHref(filter.success ? filter.data : {})} className="underline underline-offset-2">
                    {replay.progress.total} runs
                  </Link>
                </Cell>
                <Cell>{replay.version === "same" ? "each run's own" : "latest published"}</Cell>
                <Cell>{replay.canary ?? "—"}</Cell>
                <Cell className="w-1/2">
                  <BulkReplayProgress replay={{ id: replay.id, state: replay.state, reason: replay.reason, progress: replay.progress }} allowed={allowed} />
                </Cell>
              </tr>
            );
          })}
        </DataTable>
      )}
    </>
  );
}
