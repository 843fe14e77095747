import { db } from "@/lib/db";
import { signInSchema } from "@/lib/auth/schema";
import { verifyPasswordOrDummy } from "@/lib/auth/password";

/** Returns the user for next-auth, or null with no hint about which part was wrong. */
export async function authenticateWithPassword(credentials: Record<string, unknown>): Promise<{ id: string; email: string; name: string } | null> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({ where: { email: parsed.data.email } });
  const ok = await verifyPasswordOrDummy(parsed.data.password, user?.passwordHash);
  if (!ok || !user || user.disabled) return null;
  return { id: user.id, email: user.email, name: user.name };
}
