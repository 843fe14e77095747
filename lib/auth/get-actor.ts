import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { env } from "@/lib/env.mjs";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { authOptions } from "@/lib/auth/auth-options";
import { API_TOKEN_PREFIX, hashApiToken } from "@/lib/auth/api-token";
import { isSameOriginRequest } from "@/lib/auth/is-same-origin-request";

/**
 * The caller. `role` is the user's current role; `token` is set when the
 * call came with an API token, whose own role caps it (see actorCan).
 */
export type Actor = { userId: string; email: string; name: string; role: Role; token: { id: string; role: Role } | null };

// lastUsedAt is for humans deciding what to revoke, so minute resolution is
// plenty, and a busy script does not turn every read into a row update.
const LAST_USED_RESOLUTION_MS = 60_000;

const APP_ORIGIN = new URL(env.APP_URL).origin;

/**
 * Who is calling: an API token (Authorization: Bearer fgt_…) or the
 * next-auth session cookie. The user row is read on every call so that a
 * disabled user or a changed role takes effect on the next request.
 * With a request (route handlers), a cookie-authenticated write from
 * another site is refused with 403 (CSRF); tokens are not sent by browsers
 * on their own, so they need no such check.
 */
export async function getActor(request?: Request): Promise<Actor | null> {
  const bearer = request?.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer?.startsWith(API_TOKEN_PREFIX)) return getTokenActor(bearer);

  const session = request ? await getRequestSession(request) : await getPageSession();
  if (!session) return null;
  if (request && !isSameOriginRequest(request, APP_ORIGIN)) {
    throw new AppError("forbidden", "Cross-site request refused; send it from Flowgate's own pages or use an API token");
  }
  const user = await db.user.findUnique({ where: { id: session.userId } });
  if (!user || user.disabled) return null;
  if (user.sessionsValidAfter && session.signedInAt < user.sessionsValidAfter.getTime()) return null;
  return { userId: user.id, email: user.email, name: user.name, role: user.role, token: null };
}

async function getTokenActor(token: string): Promise<Actor | null> {
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) }, include: { user: true } });
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || row.user.disabled) return null;
  await db.apiToken.updateMany({
    where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
    data: { lastUsedAt: now },
  });
  const { user } = row;
  return { userId: user.id, email: user.email, name: user.name, role: user.role, token: { id: row.id, role: row.role } };
}

// Route handlers read the session from the request's headers; pages and
// server actions have no request object and use next-auth's request scope.
// Only headers are handed to getToken: wrapping the Request itself would
// lock its body before the handler reads it.
type SessionClaims = { userId: string; signedInAt: number };

/** Sessions from before signedInAt existed count as signed in at 0: older than any password change. */
function toSessionClaims(userId: unknown, signedInAt: unknown): SessionClaims | null {
  if (typeof userId !== "string") return null;
  return { userId, signedInAt: typeof signedInAt === "number" ? signedInAt : 0 };
}

async function getRequestSession(request: Request): Promise<SessionClaims | null> {
  const req = { headers: request.headers, cookies: parseCookies(request.headers.get("cookie")) };
  const token = await getToken({
    req: req as unknown as Parameters<typeof getToken>[0]["req"],
    secret: env.AUTH_SECRET,
    // The cookie is named __Secure-… over https; getToken must look for the same name next-auth set.
    secureCookie: authOptions.useSecureCookies,
  });
  return toSessionClaims(token?.sub, token?.signedInAt);
}

function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header?.split(";") ?? []) {
    const index = part.indexOf("=");
    if (index > 0) cookies.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  return cookies;
}

async function getPageSession(): Promise<SessionClaims | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user as { id?: unknown; signedInAt?: unknown } | undefined;
  return toSessionClaims(user?.id, user?.signedInAt);
}
