import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import { durationBetween, formatDuration } from "@/components/ui/format-duration";
import { StatusBadge } from "@/components/ui/status-badge";

export type RunRow = {
  id: string;
  status: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  flow: { id: string; name: string };
  flowVersion: { number: number };
  event: { providerEventId: string | null };
};

export function RunsTable({ runs }: { runs: RunRow[] }) {
  if (runs.length === 0) return <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-600">No runs match.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500 uppercase">
          <tr>
            <th className="px-4 py-2 font-medium">Run</th>
            <th className="px-4 py-2 font-medium">Status</th>
            <th className="px-4 py-2 font-medium">Flow</th>
            <th className="px-4 py-2 font-medium">Version</th>
            <th className="px-4 py-2 font-medium">Event id</th>
            <th className="px-4 py-2 font-medium">Started</th>
            <th className="px-4 py-2 font-medium">Duration</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((run) => (
            <tr key={run.id} data-testid={`run-${run.id}`} className="hover:bg-slate-50">
              <td className="px-4 py-2">
                <Link href={`/runs/${run.id}`} className="font-mono text-xs text-slate-900 underline underline-offset-2" aria-label={`Run ${run.id}`}>
                  {run.id.slice(0, 8)}
                </Link>
              </td>
              <td className="px-4 py-2">
                <StatusBadge status={run.status} />
              </td>
              <td className="px-4 py-2">{run.flow.name}</td>
              <td className="px-4 py-2">v{run.flowVersion.number}</td>
              <td className="px-4 py-2 font-mono text-xs">{run.event.providerEventId ?? "—"}</td>
              <td className="px-4 py-2 whitespace-nowrap">
                <DateTime value={run.startedAt ?? run.createdAt} />
              </td>
              <td className="px-4 py-2 whitespace-nowrap">{formatDuration(durationBetween(run.startedAt, run.finishedAt))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
