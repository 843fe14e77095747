import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { createApiToken } from "@/lib/auth/create-api-token";
import { listApiTokens } from "@/lib/auth/list-api-tokens";
import { requirePermission } from "@/lib/auth/require-permission";
import { createApiTokenSchema } from "@/lib/auth/schema";
import { actingUser } from "@/lib/audit/acting-user";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request: Request) => {
  await requirePermission("users.manage", request);
  return NextResponse.json({ tokens: await listApiTokens() });
});

/** 201 with the plaintext `token`: the only time it is ever returned. */
export const POST = handleRoute(async (request: Request) => {
  const actor = await requirePermission("users.manage", request);
  const input = await readJson(request, createApiTokenSchema);
  const created = await createApiToken({ ...input, actor: await actingUser(actor, request.headers) });
  return NextResponse.json(created, { status: 201 });
});
