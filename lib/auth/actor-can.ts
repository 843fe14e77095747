import { can, type Action } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/get-actor";

/**
 * The one answer to "may this caller do that". A session acts with its
 * user's current role. A token acts with its own role capped by its owner's
 * current role: both must allow the action, so demoting or disabling the
 * owner narrows or kills every token they hold on the next request.
 */
export function actorCan(actor: Actor, action: Action): boolean {
  return can(actor.role, action) && (actor.token === null || can(actor.token.role, action));
}
