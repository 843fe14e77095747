import { NextResponse } from "next/server";
import { z } from "zod";
import { handleRoute } from "@/lib/api/handle-route";
import { connectorParamsSchema, parseParams, type ConnectorParams } from "@/lib/api/params";
import { readJson } from "@/lib/api/read-json";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { pauseConnector } from "@/lib/connector-limits/pause-connector";

export const dynamic = "force-dynamic";

const pauseBodySchema = z.object({ reason: z.string().trim().max(300, "The reason may be at most 300 characters").optional() });

/** 200 `{connector}` paused by an operator (audited): its calls are deferred until resumed; 404 unknown, 409 already paused. */
export const POST = handleRoute(async (request: Request, { params }: ConnectorParams) => {
  const actor = await requirePermission("flows.pause", request);
  const { connectorKey } = parseParams(connectorParamsSchema, await params);
  // A bare POST (no body) pauses without a reason.
  const { reason } = request.headers.get("content-type") ? await readJson(request, pauseBodySchema) : {};
  return NextResponse.json({ connector: await pauseConnector({ key: connectorKey, reason, actor: await actingUser(actor, request.headers) }) });
});
