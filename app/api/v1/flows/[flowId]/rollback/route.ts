import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { flowParamsSchema, parseParams, type FlowParams } from "@/lib/api/params";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { rollbackVersion } from "@/lib/flows/rollback-version";
import { rollbackSchema } from "@/lib/flows/requests";
import { maskDefinitions } from "@/lib/flows/mask-definitions";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request: Request, { params }: FlowParams) => {
  const actor = await requirePermission("flows.publish", request);
  const { flowId } = parseParams(flowParamsSchema, await params);
  const { versionNumber, environment } = await readJson(request, rollbackSchema);
  const version = await rollbackVersion({ flowId, versionNumber, environment, actor: await actingUser(actor, request.headers) });
  return NextResponse.json({ version: maskDefinitions(version) }, { status: 201 });
});
