import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { credentialParamsSchema, parseParams, type CredentialParams } from "@/lib/api/params";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { checkConnection } from "@/lib/credentials/check-connection";
import { checkConnectionSchema } from "@/lib/credentials/schema";

export const dynamic = "force-dynamic";

/** 200 with the outcome either way: a failed probe is a result, not an API error. */
export const POST = handleRoute(async (request: Request, { params }: CredentialParams) => {
  const actor = await actingUser(await requirePermission("credentials.write", request), request.headers);
  const { credentialId } = parseParams(credentialParamsSchema, await params);
  const { url } = await readJson(request, checkConnectionSchema);
  return NextResponse.json({ result: await checkConnection({ actor, credentialId, url }) });
});
