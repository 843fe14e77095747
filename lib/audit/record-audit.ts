import { db, type DbTransaction } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { redactValue } from "@/lib/redact/redact-value";
import type { AuditAction, AuditOutcome } from "@/lib/audit/schema";

/** `userId` is null for someone not (yet) identified, e.g. a failed sign-in as an attempted email. */
export type AuditActor = { userId: string | null; email: string; ip?: string | null; tokenId?: string | null } | null;

export type RecordAuditOptions = {
  actor: AuditActor;
  action: AuditAction;
  outcome?: AuditOutcome;
  target?: { type: string; id: string };
  /** Names, roles, versions, reasons: never a secret (and redacted again here in case). */
  details?: Record<string, unknown>;
  ip?: string | null;
  /** Pass the transaction of the change itself, so the change and its record commit together. */
  tx?: DbTransaction;
};

/** Appends one row to the audit log (the table refuses updates and deletes). */
export async function recordAudit({ actor, action, outcome = "success", target, details, ip, tx }: RecordAuditOptions): Promise<void> {
  await (tx ?? db).auditLog.create({
    data: {
      actorId: actor?.userId ?? null,
      actorEmail: actor?.email ?? null,
      action,
      outcome,
      targetType: target?.type ?? null,
      targetId: target?.id ?? null,
      // An ActingUser (lib/audit/acting-user.ts) carries the address it acted from.
      ip: ip ?? actor?.ip ?? null,
      // Who acted through an API token is the token's owner; the token id says which automation it was.
      details: withToken(details, actor?.tokenId),
    },
  });
}

function withToken(details: Record<string, unknown> | undefined, tokenId: string | null | undefined): Prisma.InputJsonValue | undefined {
  // Under "via", not a token-named key: the redactor masks anything named like a token.
  const merged = tokenId ? { ...details, via: `api token ${tokenId}` } : details;
  return merged === undefined ? undefined : (redactValue(merged) as Prisma.InputJsonValue);
}
