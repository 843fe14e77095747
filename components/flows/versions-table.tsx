import type { FormAction } from "@/components/forms/action-state";
import { RollbackForm } from "@/components/flows/rollback-form";
import { Cell, DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";

type Version = {
  id: string;
  number: number;
  message: string;
  environment: string;
  createdAt: Date;
  author: { email: string; name: string } | null;
};

type VersionsTableProps = {
  flowId: string;
  versions: Version[];
  publishedVersionId: string | null;
  /** Given only to users who may publish: adds a rollback button to every version but the published one. */
  rollbackAction?: FormAction;
};

export function VersionsTable({ flowId, versions, publishedVersionId, rollbackAction }: VersionsTableProps) {
  if (versions.length === 0) return <p className="text-slate-600">No versions yet. Publish the draft to create v1.</p>;
  const columns = ["Version", "Environment", "Message", "Author", "Created", ...(rollbackAction ? [""] : [])];
  return (
    <DataTable columns={columns}>
      {versions.map((version) => (
        <tr key={version.id} data-testid={`version-${version.number}`} className="align-top">
          <Cell className="font-medium whitespace-nowrap">
            v{version.number}
            {version.id === publishedVersionId ? (
              <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs text-emerald-800">published</span>
            ) : null}
          </Cell>
          <Cell className="text-slate-700">{version.environment}</Cell>
          <Cell className="text-slate-700">{version.message || <span className="text-slate-400">—</span>}</Cell>
          <Cell className="text-slate-700">{version.author ? version.author.name || version.author.email : "—"}</Cell>
          <Cell className="whitespace-nowrap text-slate-700">
            <DateTime value={version.createdAt} />
          </Cell>
          {rollbackAction ? (
            <Cell>
              {version.id === publishedVersionId ? null : (
                <RollbackForm flowId={flowId} versionNumber={version.number} environment={version.environment} action={rollbackAction} />
              )}
            </Cell>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}
