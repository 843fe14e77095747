import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { parseParams } from "@/lib/api/params";
import { requirePermission } from "@/lib/auth/require-permission";
import { revokeApiToken } from "@/lib/auth/revoke-api-token";
import { tokenIdSchema, type TokenParams } from "@/lib/auth/schema";
import { actingUser } from "@/lib/audit/acting-user";

export const dynamic = "force-dynamic";

/** Revokes the token (kept for the record, never deleted); repeating it is harmless. */
export const DELETE = handleRoute(async (request: Request, { params }: TokenParams) => {
  const actor = await requirePermission("users.manage", request);
  const { tokenId } = parseParams(tokenIdSchema, await params);
  const token = await revokeApiToken({ tokenId, actor: await actingUser(actor, request.headers) });
  return NextResponse.json({ token });
});
