import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { parseParams, runParamsSchema, type RunParams } from "@/lib/api/params";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { retryRun } from "@/lib/runs/retry-run";

export const dynamic = "force-dynamic";

/** No body → 202 `{run}` queued again on its version; 409 when it is not failed or needs-review (e.g. already retried). */
export const POST = handleRoute(async (request: Request, { params }: RunParams) => {
  const actor = await requirePermission("runs.retry", request);
  const { runId } = parseParams(runParamsSchema, await params);
  return NextResponse.json({ run: await retryRun({ runId, actor: await actingUser(actor, request.headers) }) }, { status: 202 });
});
