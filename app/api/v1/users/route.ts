import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { requirePermission } from "@/lib/auth/require-permission";
import { createUserSchema } from "@/lib/auth/schema";
import { createUser } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/list-users";
import { actingUser } from "@/lib/audit/acting-user";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request: Request) => {
  await requirePermission("users.manage", request);
  return NextResponse.json({ users: await listUsers() });
});

export const POST = handleRoute(async (request: Request) => {
  const actor = await requirePermission("users.manage", request);
  const input = await readJson(request, createUserSchema);
  const user = await createUser({ input, actor: await actingUser(actor, request.headers) });
  return NextResponse.json({ user }, { status: 201 });
});
