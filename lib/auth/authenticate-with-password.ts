import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { signInSchema } from "@/lib/auth/schema";
import { verifyPasswordOrDummy } from "@/lib/auth/password";
import { isSignInLimited } from "@/lib/auth/is-sign-in-limited";

export type AuthenticateOptions = { credentials: Record<string, unknown>; ip: string | null };
export type SessionUser = { id: string; email: string; name: string };
export type AuthenticateResult = { outcome: "ok"; user: SessionUser } | { outcome: "wrong" } | { outcome: "limited" };

// All callers without a usable address share one bucket; better than not limiting them.
const UNKNOWN_IP = "unknown";

/**
 * Password sign-in. "wrong" never says which part was wrong (unknown email,
 * wrong password and disabled account look the same). When the limiter
 * refuses, the password is not even checked, so guessing gains nothing.
 * Every attempt is counted for the limiter and written to the audit log;
 * the password never is.
 */
export async function authenticateWithPassword({ credentials, ip }: AuthenticateOptions): Promise<AuthenticateResult> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return { outcome: "wrong" };
  const { email, password } = parsed.data;
  const now = new Date();
  const bucketIp = ip ?? UNKNOWN_IP;

  if (await isSignInLimited({ email, ip: bucketIp, now })) {
    await recordAudit({ actor: { userId: null, email }, action: "auth.sign_in_failed", outcome: "denied", ip, details: { reason: "rate_limited" } });
    return { outcome: "limited" };
  }

  const user = await db.user.findUnique({ where: { email } });
  const ok = (await verifyPasswordOrDummy(password, user?.passwordHash)) && user !== null && !user.disabled;
  await db.$transaction(async (tx) => {
    await tx.signInAttempt.create({ data: { email, ip: bucketIp, succeeded: ok, at: now } });
    await recordAudit(
      ok && user
        ? { actor: { userId: user.id, email: user.email }, action: "auth.sign_in", ip, tx }
        : { actor: { userId: null, email }, action: "auth.sign_in_failed", outcome: "failure", ip, details: { reason: "wrong_credentials" }, tx },
    );
  });
  return ok && user ? { outcome: "ok", user: { id: user.id, email: user.email, name: user.name } } : { outcome: "wrong" };
}
