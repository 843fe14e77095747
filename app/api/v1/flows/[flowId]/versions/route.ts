import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { flowParamsSchema, parseParams, type FlowParams } from "@/lib/api/params";
import { requirePermission } from "@/lib/auth/require-permission";
import { listVersions } from "@/lib/flows/list-versions";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request: Request, { params }: FlowParams) => {
  await requirePermission("flows.read", request);
  const { flowId } = parseParams(flowParamsSchema, await params);
  return NextResponse.json({ versions: await listVersions(flowId) });
});
