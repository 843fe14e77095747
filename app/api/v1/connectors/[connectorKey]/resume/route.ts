import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { connectorParamsSchema, parseParams, type ConnectorParams } from "@/lib/api/params";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { resumeConnector } from "@/lib/connector-limits/resume-connector";

export const dynamic = "force-dynamic";

/** 200 `{connector}` resumed after an auth pause (audited); 404 unknown, 409 not paused. */
export const POST = handleRoute(async (request: Request, { params }: ConnectorParams) => {
  const actor = await requirePermission("flows.pause", request);
  const { connectorKey } = parseParams(connectorParamsSchema, await params);
  return NextResponse.json({ connector: await resumeConnector({ key: connectorKey, actor: await actingUser(actor, request.headers) }) });
});
