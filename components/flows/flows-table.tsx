import Link from "next/link";
import { CopyableText } from "@/components/ui/copyable-text";
import { StatusBadge } from "@/components/ui/status-badge";

export type FlowRow = { id: string; name: string; status: string; hookUrl: string; publishedNumber: number | null; runCount: number };

export function FlowsTable({ flows }: { flows: FlowRow[] }) {
  if (flows.length === 0) return <p className="text-slate-600">No flows yet.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500 uppercase">
          <tr>
            <th className="px-4 py-2 font-medium">Name</th>
            <th className="px-4 py-2 font-medium">Status</th>
            <th className="px-4 py-2 font-medium">Published</th>
            <th className="px-4 py-2 font-medium">Runs</th>
            <th className="px-4 py-2 font-medium">Hook URL</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {flows.map((flow) => (
            <tr key={flow.id} data-testid={`flow-${flow.id}`}>
              <td className="px-4 py-2">
                <Link href={`/flows/${flow.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                  {flow.name}
                </Link>
              </td>
              <td className="px-4 py-2">
                <StatusBadge status={flow.status} />
              </td>
              <td className="px-4 py-2">{flow.publishedNumber === null ? <span className="text-slate-500">not published</span> : `v${flow.publishedNumber}`}</td>
              <td className="px-4 py-2">
                <Link href={`/runs?flowId=${flow.id}`} className="text-slate-700 underline-offset-2 hover:underline">
                  Runs
                </Link>{" "}
                <span className="text-slate-500">({flow.runCount})</span>
              </td>
              <td className="max-w-sm px-4 py-2">
                <CopyableText value={flow.hookUrl} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
