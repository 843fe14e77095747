import { resolveAlerts } from "@/lib/alerts/resolve-alerts";
import type { ActingUser } from "@/lib/audit/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type ResumeConnectorOptions = { key: string; actor: ActingUser };

/**
 * Lets calls to a connector paused by an auth failure start again, once
 * someone has fixed its credential (R8). Its alerts are resolved and the
 * change is audited in the same transaction. Runs waiting on it start at
 * their next check (at most PAUSED_RECHECK_MS later).
 * Resuming a connector that is not paused is a 409, so a stale page says so.
 */
export async function resumeConnector({ key, actor }: ResumeConnectorOptions): Promise<{ key: string; pausedAt: null }> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ pausedAt: Date | null; pauseReason: string | null }>>`
      SELECT "pausedAt", "pauseReason" FROM "Connector" WHERE key = ${key} FOR UPDATE`;
    if (!row) throw new AppError("not_found", "Connector not found");
    if (row.pausedAt === null) throw new AppError("conflict", "This connector is not paused");
    await tx.connector.update({ where: { key }, data: { pausedAt: null, pauseReason: null } });
    const alertsResolved = await resolveAlerts({ tx, kind: "connector_paused", subject: key });
    await recordAudit({ tx, actor, action: "connector.resume", target: { type: "connector", id: key }, details: { pauseReason: row.pauseReason, pausedAt: row.pausedAt.toISOString(), alertsResolved } });
    return { key, pausedAt: null };
  });
}
