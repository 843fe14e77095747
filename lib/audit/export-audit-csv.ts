import { encodeCsv } from "@/lib/audit/encode-csv";
import { listAuditEntries, type AuditEntry } from "@/lib/audit/list-audit-entries";
import type { AuditFilter } from "@/lib/audit/schema";

/**
 * One export holds at most this many rows (a few MB), so a request cannot
 * pin a web process's memory; `nextBefore` says where the next export starts.
 */
export const AUDIT_EXPORT_MAX_ROWS = 10_000;

const HEADER = ["id", "time_utc", "actor_email", "actor_id", "action", "outcome", "target_type", "target_id", "ip", "details"];

// Excel reads a CSV without a byte-order mark as the local code page and garbles names like "order → lead".
const UTF8_BOM = "\uFEFF";

/** The newest matching entries as CSV; the filter's page size is replaced by the export cap. */
export async function exportAuditCsv(filter: AuditFilter): Promise<{ csv: string; nextBefore: string | null }> {
  const { entries, nextBefore } = await listAuditEntries({ ...filter, limit: AUDIT_EXPORT_MAX_ROWS });
  return { csv: UTF8_BOM + encodeCsv([HEADER, ...entries.map(toRow)]), nextBefore };
}

function toRow(entry: AuditEntry): Array<string | null> {
  return [
    entry.id,
    entry.at.toISOString(),
    entry.actorEmail,
    entry.actorId,
    entry.action,
    entry.outcome,
    entry.targetType,
    entry.targetId,
    entry.ip,
    entry.details === null ? null : JSON.stringify(entry.details),
  ];
}
