import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { createCredential } from "@/lib/credentials/create-credential";
import { listCredentials } from "@/lib/credentials/list-credentials";
import { createCredentialSchema, listCredentialsQuerySchema } from "@/lib/credentials/schema";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request: Request) => {
  await requirePermission("credentials.read", request);
  const query = listCredentialsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json({ credentials: await listCredentials(query) });
});

export const POST = handleRoute(async (request: Request) => {
  const actor = await actingUser(await requirePermission("credentials.write", request), request.headers);
  const input = await readJson(request, createCredentialSchema);
  return NextResponse.json({ credential: await createCredential({ actor, ...input }) }, { status: 201 });
});
