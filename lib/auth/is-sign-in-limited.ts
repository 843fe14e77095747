import { db } from "@/lib/db";

/**
 * Five wrong passwords in 15 minutes is more than anyone mistyping needs,
 * and caps online guessing at ~480 tries a day per account. Thirty per
 * address lets an office behind one NAT mistype freely while stopping one
 * machine from spraying a common password across many accounts.
 */
export const SIGN_IN_LIMITS = { windowMs: 15 * 60_000, failuresPerAccount: 5, failuresPerIp: 30 } as const;

export type IsSignInLimitedOptions = { email: string; ip: string; now: Date };

/**
 * Whether recent failures for this email or this address reach the limit.
 * Counted in the database so every web process shares the same window.
 * Successful sign-ins are not counted. Concurrent attempts that pass the
 * check together are all let through; bcrypt's cost bounds that burst.
 */
export async function isSignInLimited({ email, ip, now }: IsSignInLimitedOptions): Promise<boolean> {
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs);
  const [accountFailures, ipFailures] = await Promise.all([
    db.signInAttempt.count({ where: { email, succeeded: false, at: { gt: since } } }),
    db.signInAttempt.count({ where: { ip, succeeded: false, at: { gt: since } } }),
  ]);
  return accountFailures >= SIGN_IN_LIMITS.failuresPerAccount || ipFailures >= SIGN_IN_LIMITS.failuresPerIp;
}
