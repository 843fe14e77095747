import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { env } from "@/lib/env.mjs";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { authOptions } from "@/lib/auth/auth-options";
import { API_TOKEN_PREFIX, hashApiToken } from "@/lib/auth/api-token";

export type Actor = { userId: string; email: string; name: string; role: Role; via: "session" | "token" };

/**
 * Who is calling: an API token (Authorization: Bearer fgt_…) or the
 * next-auth session cookie. The user row is read on every call so that a
 * disabled user or a changed role takes effect immediately.
 */
export async function getActor(request?: Request): Promise<Actor | null> {
  const bearer = request?.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer?.startsWith(API_TOKEN_PREFIX)) return getTokenActor(bearer);

  const userId = request ? await getSessionUserId(request) : await getPageSessionUserId();
  if (!userId) return null;
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || user.disabled) return null;
  return { userId: user.id, email: user.email, name: user.name, role: user.role, via: "session" };
}

async function getTokenActor(token: string): Promise<Actor | null> {
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) }, include: { user: true } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= new Date()) || row.user.disabled) return null;
  await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { userId: row.user.id, email: row.user.email, name: row.user.name, role: row.user.role, via: "token" };
}

// Route handlers read the session from the request's headers; pages and
// server actions have no request object and use next-auth's request scope.
// Only headers are handed to getToken: wrapping the Request itself would
// lock its body before the handler reads it.
async function getSessionUserId(request: Request): Promise<string | undefined> {
  const req = { headers: request.headers, cookies: parseCookies(request.headers.get("cookie")) };
  const token = await getToken({ req: req as unknown as Parameters<typeof getToken>[0]["req"], secret: env.AUTH_SECRET });
  return token?.sub;
}

function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header?.split(";") ?? []) {
    const index = part.indexOf("=");
    if (index > 0) cookies.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  return cookies;
}

async function getPageSessionUserId(): Promise<string | undefined> {
  const session = await getServerSession(authOptions);
  return (session?.user as { id?: string } | undefined)?.id;
}
