import type { ActingUser } from "@/lib/audit/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type PauseConnectorOptions = { key: string; reason?: string; actor: ActingUser };

/**
 * Holds every call to a connector until an operator resumes it, e.g. while
 * the target is under maintenance or misbehaving: steps that would call it
 * are deferred (no attempt used, nothing sent) and show why, instead of
 * failing one by one. Audited; pausing a paused connector is a 409.
 */
export async function pauseConnector({ key, reason, actor }: PauseConnectorOptions): Promise<{ key: string; pausedAt: Date; pauseReason: string }> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ pausedAt: Date | null }>>`SELECT "pausedAt" FROM "Connector" WHERE key = ${key} FOR UPDATE`;
    if (!row) throw new AppError("not_found", "Connector not found");
    if (row.pausedAt !== null) throw new AppError("conflict", "This connector is already paused");
    const pauseReason = `Paused by ${actor.email}${reason ? `: ${reason}` : ""}`;
    const { pausedAt } = await tx.connector.update({ where: { key }, data: { pausedAt: new Date(), pauseReason }, select: { pausedAt: true } });
    await recordAudit({ tx, actor, action: "connector.pause", target: { type: "connector", id: key }, details: { reason: reason ?? null } });
    return { key, pausedAt: pausedAt ?? new Date(), pauseReason };
  });
}
