import { Cell, DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { listAlertIncidents } from "@/lib/alerts/list-alert-incidents";

type Incident = Awaited<ReturnType<typeof listAlertIncidents>>[number];

/** Alert history: each incident with every message sent for it and whether it arrived. */
export function AlertIncidentsTable({ incidents }: { incidents: Incident[] }) {
  if (incidents.length === 0) return <p className="text-sm text-slate-500">No incidents yet.</p>;
  return (
    <DataTable columns={["Rule", "State", "Opened", "Resolved", "Summary", "Notifications"]}>
      {incidents.map((incident) => (
        <tr key={incident.id} className="text-sm">
          <Cell>{incident.rule.name}</Cell>
          <Cell>
            <StatusBadge status={incident.resolvedAt ? "ok" : "firing"} />
          </Cell>
          <Cell>
            <DateTime value={incident.openedAt} />
          </Cell>
          <Cell>
            <DateTime value={incident.resolvedAt} />
          </Cell>
          <Cell className="max-w-md">{incident.summary}</Cell>
          <Cell>
            <ul className="space-y-0.5 text-xs">
              {incident.notifications.map((n) => (
                <li key={n.id} className={n.ok ? "text-slate-700" : "text-red-700"}>
                  {n.kind} → {n.channel.name}: {n.ok ? "sent" : `failed (${n.error})`}
                </li>
              ))}
            </ul>
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}
