import { db } from "@/lib/db";
import { tokenStatus } from "@/lib/auth/token-status";

/** Every token with its owner and status, newest first; never the hash. */
export async function listApiTokens() {
  const rows = await db.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      user: { select: { id: true, email: true, role: true, disabled: true } },
    },
  });
  const now = new Date();
  return rows.map(({ user, ...token }) => ({
    ...token,
    owner: { id: user.id, email: user.email, role: user.role },
    status: tokenStatus({ ...token, ownerDisabled: user.disabled }, now),
  }));
}

export type ApiTokenListing = Awaited<ReturnType<typeof listApiTokens>>[number];
