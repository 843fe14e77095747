export type TokenStatus = "active" | "revoked" | "expired" | "owner disabled";

/** Why a token does or does not work right now; the order matches getActor's checks. */
export function tokenStatus(token: { revokedAt: Date | null; expiresAt: Date | null; ownerDisabled: boolean }, now: Date): TokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt <= now) return "expired";
  if (token.ownerDisabled) return "owner disabled";
  return "active";
}
