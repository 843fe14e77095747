import { AppError } from "@/lib/errors";
import type { Action } from "@/lib/auth/permissions";
import { actorCan } from "@/lib/auth/actor-can";
import { getActor, type Actor } from "@/lib/auth/get-actor";

/**
 * Authenticates the caller and checks the permission table; throws 401/403.
 * The 403 message names the action ("may not do flows.publish"): server
 * actions return it as their form state, and the access-matrix test
 * recognises a denied action by it.
 */
export async function requirePermission(action: Action, request?: Request): Promise<Actor> {
  const actor = await getActor(request);
  if (!actor) throw new AppError("unauthorized", "Sign in or send a valid API token");
  if (!actorCan(actor, action)) {
    const who = actor.token ? `This token (role ${actor.token.role}, owner's role ${actor.role})` : `Your role (${actor.role})`;
    throw new AppError("forbidden", `${who} may not do ${action}`);
  }
  return actor;
}
