import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { credentialParamsSchema, parseParams, type CredentialParams } from "@/lib/api/params";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { deleteCredential } from "@/lib/credentials/delete-credential";
import { findCredentialUsage } from "@/lib/credentials/find-credential-usage";
import { getCredentialOrThrow } from "@/lib/credentials/get-credential-or-throw";
import { updateCredentialSchema } from "@/lib/credentials/schema";
import { updateCredential } from "@/lib/credentials/update-credential";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request: Request, { params }: CredentialParams) => {
  await requirePermission("credentials.read", request);
  const { credentialId } = parseParams(credentialParamsSchema, await params);
  const credential = await getCredentialOrThrow(credentialId);
  return NextResponse.json({ credential, usage: await findCredentialUsage(credential.name) });
});

export const PATCH = handleRoute(async (request: Request, { params }: CredentialParams) => {
  const actor = await actingUser(await requirePermission("credentials.write", request), request.headers);
  const { credentialId } = parseParams(credentialParamsSchema, await params);
  const input = await readJson(request, updateCredentialSchema);
  return NextResponse.json({ credential: await updateCredential({ actor, credentialId, ...input }) });
});

export const DELETE = handleRoute(async (request: Request, { params }: CredentialParams) => {
  const actor = await actingUser(await requirePermission("credentials.write", request), request.headers);
  const { credentialId } = parseParams(credentialParamsSchema, await params);
  await deleteCredential({ actor, credentialId });
  return new Response(null, { status: 204 });
});
