import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { flowParamsSchema, parseParams, type FlowParams } from "@/lib/api/params";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { flowRetentionSchema } from "@/lib/retention/schema";
import { setFlowRetention } from "@/lib/retention/set-flow-retention";

export const dynamic = "force-dynamic";

/** Admin only: `{ bodyRetentionDays, runRetentionDays }`; the next daily retention.purge applies it. */
export const PUT = handleRoute(async (request: Request, { params }: FlowParams) => {
  const actor = await requirePermission("flows.retention", request);
  const { flowId } = parseParams(flowParamsSchema, await params);
  const retention = await readJson(request, flowRetentionSchema);
  const flow = await setFlowRetention({ flowId, ...retention, actor: await actingUser(actor, request.headers) });
  return NextResponse.json({ flow: { id: flow.id, bodyRetentionDays: flow.bodyRetentionDays, runRetentionDays: flow.runRetentionDays } });
});
