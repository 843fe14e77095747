import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import { durationBetween, formatDuration } from "@/components/ui/format-duration";
import { StatusBadge } from "@/components/ui/status-badge";
import { Cell, DataTable } from "@/components/ui/data-table";

export type RunRow = {
  id: string;
  status: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  flow: { id: string; name: string };
  flowVersion: { number: number };
  failureClass: string | null;
  connectorKey: string | null;
  event: { providerEventId: string | null; businessKey: string | null };
};

export function RunsTable({ runs }: { runs: RunRow[] }) {
  if (runs.length === 0) return <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-600">No runs match.</p>;
  return (
    <DataTable columns={["Run", "Status", "Flow", "Version", "Event id", "Business key", "Failure", "Started", "Duration"]}>
      {runs.map((run) => (
        <tr key={run.id} data-testid={`run-${run.id}`} className="hover:bg-slate-50">
          <Cell>
            <Link href={`/runs/${run.id}`} className="font-mono text-xs text-slate-900 underline underline-offset-2" aria-label={`Run ${run.id}`}>
              {run.id.slice(0, 8)}
            </Link>
          </Cell>
          <Cell>
            <StatusBadge status={run.status} />
          </Cell>
          <Cell>{run.flow.name}</Cell>
          <Cell>v{run.flowVersion.number}</Cell>
          <Cell className="font-mono text-xs">{run.event.providerEventId ?? "—"}</Cell>
          <Cell className="font-mono text-xs">{run.event.businessKey ?? "—"}</Cell>
          <Cell className="text-xs">{run.failureClass ? `${run.failureClass}${run.connectorKey ? ` · ${run.connectorKey}` : ""}` : "—"}</Cell>
          <Cell className="whitespace-nowrap">
            <DateTime value={run.startedAt ?? run.createdAt} />
          </Cell>
          <Cell className="whitespace-nowrap">{formatDuration(durationBetween(run.startedAt, run.finishedAt))}</Cell>
        </tr>
      ))}
    </DataTable>
  );
}
