import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { flowParamsSchema, parseParams, type FlowParams } from "@/lib/api/params";
import { readQuery } from "@/lib/api/read-query";
import { requirePermission } from "@/lib/auth/require-permission";
import { diffFlowVersions } from "@/lib/flows/diff-flow-versions";
import { diffQuerySchema } from "@/lib/flows/requests";

export const dynamic = "force-dynamic";

/** `?from=<number|draft>&to=<number|draft>`: nodes added, removed and changed (with their changed fields), edges added and removed. */
export const GET = handleRoute(async (request: Request, { params }: FlowParams) => {
  await requirePermission("flows.read", request);
  const { flowId } = parseParams(flowParamsSchema, await params);
  const query = readQuery(request, diffQuerySchema);
  return NextResponse.json({ diff: await diffFlowVersions({ flowId, ...query }) });
});
