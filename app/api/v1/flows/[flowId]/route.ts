import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { flowParamsSchema, parseParams, type FlowParams } from "@/lib/api/params";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { getFlowOrThrow } from "@/lib/flows/get-flow-or-throw";
import { updateDraft } from "@/lib/flows/update-draft";
import { updateDraftSchema } from "@/lib/flows/requests";
import { maskDefinitions } from "@/lib/flows/mask-definitions";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request: Request, { params }: FlowParams) => {
  await requirePermission("flows.read", request);
  const { flowId } = parseParams(flowParamsSchema, await params);
  return NextResponse.json({ flow: maskDefinitions(await getFlowOrThrow(flowId)) });
});

export const PATCH = handleRoute(async (request: Request, { params }: FlowParams) => {
  const actor = await requirePermission("flows.write", request);
  const { flowId } = parseParams(flowParamsSchema, await params);
  const input = await readJson(request, updateDraftSchema);
  return NextResponse.json({ flow: maskDefinitions(await updateDraft({ flowId, actor: await actingUser(actor, request.headers), input })) });
});
