import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { can } from "@/lib/auth/permissions";
import { ATTENTION_STATUSES, listAttentionGroups } from "@/lib/runs/list-attention-groups";
import { BulkReplayDialog } from "@/components/runs/bulk-replay-dialog";
import { runsHref } from "@/components/runs/runs-href";
import { Cell, DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { FAILURE_CLASSES, type FailureClass } from "@/lib/runs/failure-class";

export const metadata: Metadata = { title: "Needs attention · Flowgate" };
export const dynamic = "force-dynamic";

const asClass = (value: string | null): FailureClass | undefined => (FAILURE_CLASSES as readonly (string | null)[]).includes(value) ? (value as FailureClass) : undefined;

export default async function AttentionPage() {
  const actor = await requirePagePermission("runs.read");
  const groups = await listAttentionGroups();
  const mayReplay = can(actor.role, "runs.replay");

  return (
    <>
      <PageHeader title="Needs attention" description="Failed and needs-review runs, grouped by flow, connector and failure class. Fix the cause, then replay the group." />
      {groups.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-600">Nothing needs attention.</p>
      ) : (
        <DataTable columns={["Flow", "Connector", "Class", "Failed", "Needs review", "First seen", "Last seen", "Newest error", ""]}>
          {groups.map((group) => {
            // A group without a connector must not replay the flow's runs of every connector.
            const connector = group.connectorKey === null ? { withoutConnector: "true" } : { connector: group.connectorKey };
            const filter = { flowId: group.flowId, ...connector, failureClass: asClass(group.failureClass), status: [...ATTENTION_STATUSES] };
            const key = `${group.flowId}:${group.connectorKey}:${group.failureClass}`;
            return (
              <tr key={key} data-testid={`attention-${group.flowName}-${group.failureClass ?? "none"}`}>
                <Cell>
                  <Link href={runsHref(filter)} className="underline underline-offset-2">
                    {group.flowName}
                  </Link>
                </Cell>
                <Cell className="font-mono text-xs">{group.connectorKey ?? "—"}</Cell>
                <Cell>{group.failureClass ?? "—"}</Cell>
                <Cell>{group.failed}</Cell>
                <Cell>{group.needsReview}</Cell>
                <Cell className="whitespace-nowrap">
                  <DateTime value={group.firstSeen} />
                </Cell>
                <Cell className="whitespace-nowrap">
                  <DateTime value={group.lastSeen} />
                </Cell>
                <Cell className="max-w-md truncate text-xs" title={group.newestError ?? undefined}>
                  {group.newestError ?? "—"}
                </Cell>
                <Cell className="whitespace-nowrap">
                  <BulkReplayDialog filter={filter} allowed={mayReplay} />
                </Cell>
              </tr>
            );
          })}
        </DataTable>
      )}
    </>
  );
}
