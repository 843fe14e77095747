import Link from "next/link";
import { CopyableText } from "@/components/ui/copyable-text";
import { StatusBadge } from "@/components/ui/status-badge";
import { Cell, DataTable } from "@/components/ui/data-table";

export type FlowRow = { id: string; name: string; status: string; hookUrl: string; publishedNumber: number | null; runCount: number };

export function FlowsTable({ flows }: { flows: FlowRow[] }) {
  if (flows.length === 0) return <p className="text-slate-600">No flows yet.</p>;
  return (
    <DataTable columns={["Name", "Status", "Published", "Runs", "Hook URL"]}>
      {flows.map((flow) => (
        <tr key={flow.id} data-testid={`flow-${flow.id}`}>
          <Cell>
            <Link href={`/flows/${flow.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
              {flow.name}
            </Link>
          </Cell>
          <Cell>
            <StatusBadge status={flow.status} />
          </Cell>
          <Cell>{flow.publishedNumber === null ? <span className="text-slate-500">not published</span> : `v${flow.publishedNumber}`}</Cell>
          <Cell>
            <Link href={`/runs?flowId=${flow.id}`} className="text-slate-700 underline-offset-2 hover:underline">
              Runs
            </Link>{" "}
            <span className="text-slate-500">({flow.runCount})</span>
          </Cell>
          <Cell className="max-w-sm">
            <CopyableText value={flow.hookUrl} />
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}
