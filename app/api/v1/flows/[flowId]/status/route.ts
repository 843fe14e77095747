import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { flowParamsSchema, parseParams, type FlowParams } from "@/lib/api/params";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { setFlowStatus } from "@/lib/flows/set-flow-status";
import { flowStatusSchema } from "@/lib/flows/requests";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request: Request, { params }: FlowParams) => {
  const actor = await requirePermission("flows.pause", request);
  const { flowId } = parseParams(flowParamsSchema, await params);
  const input = await readJson(request, flowStatusSchema);
  return NextResponse.json({ flow: await setFlowStatus({ flowId, ...input, actor: await actingUser(actor, request.headers) }) });
});
