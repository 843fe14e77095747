import Link from "next/link";
import type { AuditEntry } from "@/lib/audit/list-audit-entries";
import { compactDetails } from "@/components/audit/compact-details";
import { Cell, DataTable } from "@/components/ui/data-table";

// Targets that have a page of their own; others (users, credentials, tokens) show their id.
const TARGET_PAGES: Record<string, (id: string) => string> = {
  flow: (id) => `/flows/${id}`,
  run: (id) => `/runs/${id}`,
};

const OUTCOME_TONES: Record<string, string> = {
  success: "bg-emerald-100 text-emerald-800",
  failure: "bg-red-100 text-red-800",
  denied: "bg-amber-100 text-amber-800",
};

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-600">No audit entries match.</p>;
  return (
    <DataTable columns={["Time (UTC)", "Actor", "Action", "Outcome", "Target", "IP", "Details"]}>
      {entries.map((entry) => (
        <tr key={entry.id} data-testid={`audit-${entry.id}`} className="align-top">
          <Cell className="font-mono text-xs whitespace-nowrap">
            <time dateTime={entry.at.toISOString()} title={entry.at.toISOString()}>
              {entry.at.toISOString().slice(0, 19).replace("T", " ")}Z
            </time>
          </Cell>
          <Cell className="break-all">{entry.actorEmail ?? <span className="text-slate-500">system</span>}</Cell>
          <Cell className="font-mono text-xs whitespace-nowrap">{entry.action}</Cell>
          <Cell>
            <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${OUTCOME_TONES[entry.outcome] ?? "bg-slate-100 text-slate-700"}`}>
              {entry.outcome}
            </span>
          </Cell>
          <Cell className="whitespace-nowrap">
            <Target entry={entry} />
          </Cell>
          <Cell className="font-mono text-xs break-all">{entry.ip ?? "—"}</Cell>
          <Cell className="max-w-xs text-xs break-words text-slate-700" title={entry.details === null ? undefined : JSON.stringify(entry.details)}>
            {compactDetails(entry.details)}
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}

function Target({ entry }: { entry: AuditEntry }) {
  if (!entry.targetType || !entry.targetId) return <span className="text-slate-500">—</span>;
  const label = `${entry.targetType} ${entry.targetId.slice(0, 8)}`;
  const page = TARGET_PAGES[entry.targetType];
  if (!page) return <span title={entry.targetId}>{label}</span>;
  return (
    <Link href={page(entry.targetId)} title={entry.targetId} className="underline underline-offset-2">
      {label}
    </Link>
  );
}
