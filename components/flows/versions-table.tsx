import { Cell, DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";

type Version = { id: string; number: number; message: string; createdAt: Date; author: { email: string; name: string } | null };

export function VersionsTable({ versions, publishedVersionId }: { versions: Version[]; publishedVersionId: string | null }) {
  if (versions.length === 0) return <p className="text-slate-600">No versions yet. Publish the draft to create v1.</p>;
  return (
    <DataTable columns={["Version", "Message", "Author", "Created"]}>
      {versions.map((version) => (
        <tr key={version.id} data-testid={`version-${version.number}`}>
          <Cell className="font-medium">
            v{version.number}
            {version.id === publishedVersionId ? (
              <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs text-emerald-800">published</span>
            ) : null}
          </Cell>
          <Cell className="text-slate-700">{version.message || <span className="text-slate-400">—</span>}</Cell>
          <Cell className="text-slate-700">{version.author ? version.author.name || version.author.email : "—"}</Cell>
          <Cell className="text-slate-700">
            <DateTime value={version.createdAt} />
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}
