import { DateTime } from "@/components/ui/date-time";

type Version = { id: string; number: number; message: string; createdAt: Date; author: { email: string; name: string } | null };

export function VersionsTable({ versions, publishedVersionId }: { versions: Version[]; publishedVersionId: string | null }) {
  if (versions.length === 0) return <p className="text-slate-600">No versions yet. Publish the draft to create v1.</p>;
  return (
    <table className="w-full text-left">
      <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase">
        <tr>
          <th className="py-2 pr-4 font-medium">Version</th>
          <th className="py-2 pr-4 font-medium">Message</th>
          <th className="py-2 pr-4 font-medium">Author</th>
          <th className="py-2 font-medium">Created</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {versions.map((version) => (
          <tr key={version.id} data-testid={`version-${version.number}`}>
            <td className="py-2 pr-4 font-medium">
              v{version.number}
              {version.id === publishedVersionId ? (
                <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs text-emerald-800">published</span>
              ) : null}
            </td>
            <td className="py-2 pr-4 text-slate-700">{version.message || <span className="text-slate-400">—</span>}</td>
            <td className="py-2 pr-4 text-slate-700">{version.author ? version.author.name || version.author.email : "—"}</td>
            <td className="py-2 text-slate-700">
              <DateTime value={version.createdAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
