import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { flowParamsSchema, parseParams, type FlowParams } from "@/lib/api/params";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { unsignedWebhooksSchema } from "@/lib/flows/requests";
import { setUnsignedWebhooks } from "@/lib/flows/set-unsigned-webhooks";

export const dynamic = "force-dynamic";

/** Admin only: `{ "allowed": true }` lets this flow publish a webhook trigger without a signature check. */
export const PUT = handleRoute(async (request: Request, { params }: FlowParams) => {
  const actor = await requirePermission("flows.allow-unsigned", request);
  const { flowId } = parseParams(flowParamsSchema, await params);
  const { allowed } = await readJson(request, unsignedWebhooksSchema);
  const flow = await setUnsignedWebhooks({ flowId, allowed, actor: await actingUser(actor, request.headers) });
  return NextResponse.json({ flow: { id: flow.id, unsignedWebhooksAllowed: flow.unsignedWebhooksAllowed } });
});
