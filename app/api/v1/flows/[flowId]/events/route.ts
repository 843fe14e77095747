import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { flowParamsSchema, parseParams, type FlowParams } from "@/lib/api/params";
import { requirePermission } from "@/lib/auth/require-permission";
import { getFlowOrThrow } from "@/lib/flows/get-flow-or-throw";
import { listIntakeActivity } from "@/lib/intake/list-intake-activity";

export const dynamic = "force-dynamic";

/** The flow's latest intake: accepted events with their runs, duplicates and counted refusals by reason. */
export const GET = handleRoute(async (request: Request, { params }: FlowParams) => {
  await requirePermission("flows.read", request);
  const { flowId } = parseParams(flowParamsSchema, await params);
  await getFlowOrThrow(flowId);
  return NextResponse.json(await listIntakeActivity(flowId));
});
