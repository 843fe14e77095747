/**
 * The client's address from the headers a route handler sees (Next gives
 * route handlers no socket). `next start` fills X-Forwarded-For with the
 * socket address only when the request has none (base-server's `??=`), and
 * each proxy in front appends the address it saw. So with `trustedProxies`
 * proxies in front, the client is that many entries from the right; entries
 * further left came from the client and can be forged. With no proxy the one
 * entry is the socket address, unless the client sent its own header, which
 * nothing can detect: the per-IP sign-in limit is then only best effort, and
 * the per-account limit, which does not depend on the address, still holds.
 */
export function pickClientIp(headers: Headers, trustedProxies: number): string | null {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (forwarded.length > 0) return forwarded[Math.max(0, forwarded.length - Math.max(1, trustedProxies))] ?? null;
  return headers.get("x-real-ip")?.trim() || null;
}
