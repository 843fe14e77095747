import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { flowParamsSchema, parseParams, type FlowParams } from "@/lib/api/params";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { pollCursorSchema } from "@/lib/polling/schema";
import { setPollCursor } from "@/lib/polling/set-poll-cursor";

export const dynamic = "force-dynamic";

/** `{cursor}` (string, number or null) → `{pollState: {cursor}}` masked; 409 while a poll runs or when the flow does not poll. */
export const PUT = handleRoute(async (request: Request, { params }: FlowParams) => {
  const actor = await requirePermission("flows.pause", request);
  const { flowId } = parseParams(flowParamsSchema, await params);
  const { cursor } = await readJson(request, pollCursorSchema);
  return NextResponse.json({ pollState: await setPollCursor({ flowId, cursor, actor: await actingUser(actor, request.headers) }) });
});
