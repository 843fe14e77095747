import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { flowParamsSchema, parseParams, type FlowParams } from "@/lib/api/params";
import { readJson } from "@/lib/api/read-json";
import { requirePermission } from "@/lib/auth/require-permission";
import { dryRunFlow } from "@/lib/dry-run/dry-run-flow";
import { dryRunRequestSchema } from "@/lib/dry-run/schema";

export const dynamic = "force-dynamic";

/** `{definition?, sample, allowReadOnlyCalls?}` → `{steps, problems}`: what each node would do with the sample; nothing is sent or written. */
export const POST = handleRoute(async (request: Request, { params }: FlowParams) => {
  await requirePermission("flows.dryrun", request);
  const { flowId } = parseParams(flowParamsSchema, await params);
  const input = await readJson(request, dryRunRequestSchema);
  return NextResponse.json(await dryRunFlow({ flowId, input }));
});
