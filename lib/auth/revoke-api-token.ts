import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";

export type RevokeApiTokenOptions = { tokenId: string; actor: AuditActor; ip?: string | null };

/**
 * Revokes a token; it stops working on its next request. Revoking twice
 * keeps the first revocation time and writes no second audit record.
 */
export async function revokeApiToken({ tokenId, actor, ip }: RevokeApiTokenOptions) {
  return db.$transaction(async (tx) => {
    const revokedAt = new Date();
    const { count } = await tx.apiToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt } });
    const token = await tx.apiToken.findUnique({ where: { id: tokenId }, select: { id: true, name: true, prefix: true, revokedAt: true } });
    if (!token) throw new AppError("not_found", "Token not found");
    if (count === 1) {
      await recordAudit({ actor, action: "token.revoke", target: { type: "api_token", id: token.id }, details: { name: token.name, prefix: token.prefix }, ip, tx });
    }
    return token;
  });
}
