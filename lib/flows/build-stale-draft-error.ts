import type { DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * The 409 for a save based on an older draft revision: it names who saved
 * the current revision and when (from that save's audit row), so the analyst
 * knows whose work a blind retry would overwrite.
 */
export async function buildStaleDraftError(tx: DbTransaction, flowId: string, currentRevision: number): Promise<AppError> {
  const saved = await tx.auditLog.findFirst({
    where: { targetType: "flow", targetId: flowId, details: { path: ["revision"], equals: currentRevision } },
    orderBy: { id: "desc" },
    select: { actorId: true, actorEmail: true, at: true },
  });
  const user = saved?.actorId ? await tx.user.findUnique({ where: { id: saved.actorId }, select: { name: true } }) : null;
  const who = saved?.actorEmail ? (user?.name ? `${user.name} (${saved.actorEmail})` : saved.actorEmail) : "someone else";
  const when = saved ? ` at ${saved.at.toISOString().slice(0, 19).replace("T", " ")} UTC` : "";
  return new AppError("conflict", `The draft was changed by ${who}${when} (revision ${currentRevision}); reload it to see those changes, then make yours again`, {
    details: { reason: "stale_draft", currentRevision },
  });
}
