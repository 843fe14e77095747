import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { createFlow } from "@/lib/flows/create-flow";
import { listFlows } from "@/lib/flows/list-flows";
import { createFlowSchema } from "@/lib/flows/requests";
import { maskDefinitions } from "@/lib/flows/mask-definitions";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request: Request) => {
  await requirePermission("flows.read", request);
  return NextResponse.json({ flows: await listFlows() });
});

export const POST = handleRoute(async (request: Request) => {
  const actor = await requirePermission("flows.write", request);
  const input = await readJson(request, createFlowSchema);
  return NextResponse.json({ flow: maskDefinitions(await createFlow({ actor: await actingUser(actor, request.headers), input })) }, { status: 201 });
});
