import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { flowParamsSchema, parseParams, type FlowParams } from "@/lib/api/params";
import { requirePermission } from "@/lib/auth/require-permission";
import { getFlowSample } from "@/lib/flows/get-flow-sample";

export const dynamic = "force-dynamic";

/** `{sample, source}`: the saved editor sample, else the latest event's body (masked), else null. */
export const GET = handleRoute(async (request: Request, { params }: FlowParams) => {
  await requirePermission("flows.read", request);
  const { flowId } = parseParams(flowParamsSchema, await params);
  return NextResponse.json(await getFlowSample(flowId));
});
