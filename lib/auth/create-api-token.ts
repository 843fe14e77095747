import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { generateApiToken } from "@/lib/auth/api-token";
import type { CreateApiTokenInput } from "@/lib/auth/schema";

/** Creates a token for a user; the plaintext is returned once and never stored. */
export async function createApiToken(input: CreateApiTokenInput): Promise<{ id: string; token: string; expiresAt: Date | null }> {
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true } });
  if (!user) throw new AppError("not_found", "User not found");
  const { token, tokenHash, prefix } = generateApiToken();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const row = await db.apiToken.create({ data: { userId: user.id, name: input.name, tokenHash, prefix, expiresAt } });
  return { id: row.id, token, expiresAt };
}
