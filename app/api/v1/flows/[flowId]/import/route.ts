import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { flowParamsSchema, parseParams, type FlowParams } from "@/lib/api/params";
import { readJson } from "@/lib/api/read-json";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { importIntoFlow } from "@/lib/flows/import-into-flow";
import { maskDefinitions } from "@/lib/flows/mask-definitions";
import { importIntoFlowSchema } from "@/lib/flows/requests";

export const dynamic = "force-dynamic";

/** `{file, expectedRevision?}` replaces the draft → `{flow, problems}`; 409 stale_draft like PATCH; 422 for a bad file. */
export const POST = handleRoute(async (request: Request, { params }: FlowParams) => {
  const actor = await requirePermission("flows.write", request);
  const { flowId } = parseParams(flowParamsSchema, await params);
  const { file, expectedRevision } = await readJson(request, importIntoFlowSchema);
  const { flow, problems } = await importIntoFlow({ flowId, actor: await actingUser(actor, request.headers), file, expectedRevision });
  return NextResponse.json({ flow: maskDefinitions(flow), problems });
});
