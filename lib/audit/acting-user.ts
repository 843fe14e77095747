/** Who is making a change and from where, as the audit log records it. */
export type ActingUser = { userId: string; email: string; ip: string | null };

// A forwarded chain is a handful of addresses; anything longer is junk a client made up.
const MAX_IP_LENGTH = 200;

/**
 * Builds the acting user from an authenticated actor and the request's
 * headers. The whole X-Forwarded-For chain is kept: Next fills it with the
 * socket address only when the client sent none, so the leftmost entry alone
 * could be a value the caller invented, while a proxy's entries sit to its right.
 */
export function actingUser(actor: { userId: string; email: string }, headers: Headers): ActingUser {
  const forwarded = headers.get("x-forwarded-for") ?? headers.get("x-real-ip");
  const ip = forwarded?.trim().slice(0, MAX_IP_LENGTH) || null;
  return { userId: actor.userId, email: actor.email, ip };
}
