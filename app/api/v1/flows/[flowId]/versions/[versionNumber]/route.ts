import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { flowVersionParamsSchema, parseParams, type FlowVersionParams } from "@/lib/api/params";
import { requirePermission } from "@/lib/auth/require-permission";
import { getVersionOrThrow } from "@/lib/flows/get-version-or-throw";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request: Request, { params }: FlowVersionParams) => {
  await requirePermission("flows.read", request);
  const { flowId, versionNumber } = parseParams(flowVersionParamsSchema, await params);
  return NextResponse.json({ version: await getVersionOrThrow({ flowId, versionNumber }) });
});
