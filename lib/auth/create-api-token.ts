import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { generateApiToken } from "@/lib/auth/api-token";
import type { CreateApiTokenInput } from "@/lib/auth/schema";

/** `actor` is the admin creating it; null for scripts and test fixtures. */
export type CreateApiTokenOptions = CreateApiTokenInput & { actor?: AuditActor; ip?: string | null };

/**
 * Creates a token for a user; the plaintext is returned once and never
 * stored (only its SHA-256). Without a role the token gets its owner's
 * current role, so it starts out acting exactly as its owner does.
 */
export async function createApiToken({ userId, name, role, expiresInDays, actor = null, ip }: CreateApiTokenOptions) {
  const owner = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true } });
  if (!owner) throw new AppError("not_found", "User not found");
  const { token, tokenHash, prefix } = generateApiToken();
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({ data: { userId: owner.id, name, role: role ?? owner.role, tokenHash, prefix, expiresAt } });
    // The audit row names the token by id and prefix only; the value never leaves this function except to the caller.
    await recordAudit({
      actor,
      action: "token.create",
      target: { type: "api_token", id: created.id },
      details: { name, prefix, role: created.role, ownerEmail: owner.email, expiresAt: expiresAt?.toISOString() ?? null },
      ip,
      tx,
    });
    return created;
  });
  return { id: row.id, token, prefix, role: row.role, expiresAt };
}
