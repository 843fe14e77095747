import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { flowParamsSchema, parseParams, type FlowParams } from "@/lib/api/params";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { publishVersion } from "@/lib/flows/publish-version";
import { publishSchema } from "@/lib/flows/requests";
import { maskDefinitions } from "@/lib/flows/mask-definitions";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request: Request, { params }: FlowParams) => {
  const actor = await requirePermission("flows.publish", request);
  const { flowId } = parseParams(flowParamsSchema, await params);
  const { message, environment } = await readJson(request, publishSchema);
  const version = await publishVersion({ flowId, actor: await actingUser(actor, request.headers), message, environment });
  return NextResponse.json({ version: maskDefinitions(version) }, { status: 201 });
});
