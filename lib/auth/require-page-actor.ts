import { redirect } from "next/navigation";
import { cache } from "react";
import { getActor, type Actor } from "@/lib/auth/get-actor";

/**
 * For pages: the signed-in actor, or a redirect to sign-in. Cached per
 * request, so the layout and the page share one session and user lookup.
 * Every page calls it itself, because layouts do not re-run on client-side
 * navigation.
 */
export const requirePageActor = cache(async (): Promise<Actor> => {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return actor;
});
