import { forbidden } from "next/navigation";
import type { Action } from "@/lib/auth/permissions";
import { actorCan } from "@/lib/auth/actor-can";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import type { Actor } from "@/lib/auth/get-actor";

/**
 * For pages: the signed-in actor if they may do `action`. Otherwise Next's
 * forbidden() answers HTTP 403 with app/forbidden.tsx, so a denied page is a
 * real 403 (for the access-matrix test and for proxies), not a 200.
 */
export async function requirePagePermission(action: Action): Promise<Actor> {
  const actor = await requirePageActor();
  if (!actorCan(actor, action)) forbidden();
  return actor;
}
