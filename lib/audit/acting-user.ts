import { getClientIp } from "@/lib/auth/get-client-ip";

/** Who is making a change and from where, as the audit log records it. */
export type ActingUser = { userId: string; email: string; ip: string | null; tokenId?: string | null };

/** The acting user for an authenticated actor, with the client address as the sign-in limiter sees it. */
export async function actingUser(actor: { userId: string; email: string; token?: { id: string } | null }, headers: Headers): Promise<ActingUser> {
  return { userId: actor.userId, email: actor.email, ip: await getClientIp(headers), tokenId: actor.token?.id ?? null };
}

/** A change made on the server with `npm run flow`: there is no user account, so audit rows name "cli". */
export type CliActor = { userId: null; email: "cli"; ip: null; tokenId?: null };
export const CLI_ACTOR: CliActor = { userId: null, email: "cli", ip: null };

/** Whoever may change a flow's draft: a user (by session or API token) or the command line. */
export type FlowActor = ActingUser | CliActor;
