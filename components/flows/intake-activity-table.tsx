import Link from "next/link";
import type { IntakeActivity, IntakeActivityEntry } from "@/lib/intake/list-intake-activity";
import { Cell, DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { StatusBadge } from "@/components/ui/status-badge";

/** The flow's latest intake, newest first, so an analyst can see why a provider's call did or did not start a run. */
export function IntakeActivityTable({ activity }: { activity: IntakeActivity }) {
  return (
    <div className="space-y-3">
      {activity.rejectedToday.length > 0 ? (
        <p className="text-sm text-red-700" data-testid="rejected-today">
          Refused in the last 24 h: {activity.rejectedToday.map((row) => `${row.label} ×${row.count}`).join(" · ")}
        </p>
      ) : null}
      {activity.entries.length === 0 ? (
        <p className="text-slate-500">Nothing received yet.</p>
      ) : (
        <DataTable columns={["When", "Outcome", "Event", "Run"]}>
          {activity.entries.map((entry) => (
            <tr key={rowKey(entry)} data-testid={`intake-${entry.kind}`}>
              <Cell className="whitespace-nowrap">
                <DateTime value={entry.at} />
              </Cell>
              <Cell>
                <Outcome entry={entry} />
              </Cell>
              <Cell className="font-mono text-xs">{entry.kind === "rejected" ? "—" : describeEvent(entry)}</Cell>
              <Cell>{entry.kind !== "rejected" && entry.runId ? <RunLink runId={entry.runId} /> : "—"}</Cell>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}

function Outcome({ entry }: { entry: IntakeActivityEntry }) {
  switch (entry.kind) {
    case "accepted":
      return (
        <span className="flex items-center gap-2">
          Accepted ({entry.source}) {entry.runStatus ? <StatusBadge status={entry.runStatus} /> : null}
        </span>
      );
    case "duplicate":
      return <span>Duplicate ×{entry.count}, answered with the original run</span>;
    case "rejected":
      return (
        <span className="text-red-700">
          Rejected ×{entry.count}: {entry.label}
        </span>
      );
  }
}

function describeEvent(entry: Extract<IntakeActivityEntry, { kind: "accepted" | "duplicate" }>): string {
  const key = entry.eventKey ?? "no event id";
  return entry.kind === "accepted" && entry.businessKey ? `${key} · ${entry.businessKey}` : key;
}

function RunLink({ runId }: { runId: string }) {
  return (
    <Link href={`/runs/${runId}`} className="text-sky-700 underline">
      {runId.slice(0, 8)}
    </Link>
  );
}

function rowKey(entry: IntakeActivityEntry): string {
  return entry.kind === "rejected" ? `rejected-${entry.reason}-${entry.at.toISOString()}` : `${entry.kind}-${entry.eventId}`;
}
