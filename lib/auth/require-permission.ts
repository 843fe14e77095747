import { AppError } from "@/lib/errors";
import { can, type Action } from "@/lib/auth/permissions";
import { getActor, type Actor } from "@/lib/auth/get-actor";

/** Authenticates the caller and checks the permission table; throws 401/403. */
export async function requirePermission(action: Action, request?: Request): Promise<Actor> {
  const actor = await getActor(request);
  if (!actor) throw new AppError("unauthorized", "Sign in or send a valid API token");
  if (!can(actor.role, action)) throw new AppError("forbidden", `Your role (${actor.role}) may not do ${action}`);
  return actor;
}
