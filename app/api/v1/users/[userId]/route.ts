import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { parseParams } from "@/lib/api/params";
import { readJson } from "@/lib/api/read-json";
import { requirePermission } from "@/lib/auth/require-permission";
import { userChangesSchema, userIdSchema, type UserParams } from "@/lib/auth/schema";
import { updateUser } from "@/lib/users/update-user";
import { actingUser } from "@/lib/audit/acting-user";

export const dynamic = "force-dynamic";

/** `{role?, disabled?, password?}`; 409 when it would leave no enabled admin. */
export const PATCH = handleRoute(async (request: Request, { params }: UserParams) => {
  const actor = await requirePermission("users.manage", request);
  const { userId } = parseParams(userIdSchema, await params);
  const changes = await readJson(request, userChangesSchema);
  const user = await updateUser({ input: { userId, ...changes }, actor: await actingUser(actor, request.headers) });
  return NextResponse.json({ user });
});
