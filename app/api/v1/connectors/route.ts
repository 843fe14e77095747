import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { requirePermission } from "@/lib/auth/require-permission";
import { listConnectorStates } from "@/lib/connector-limits/list-connector-states";

export const dynamic = "force-dynamic";

/** 200 `{connectors}`: each connector's limits, calls in flight, breaker, Retry-After and pause (R11, R18). */
export const GET = handleRoute(async (request: Request) => {
  await requirePermission("queue.read", request);
  return NextResponse.json({ connectors: await listConnectorStates() });
});
