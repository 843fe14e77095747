import { NextResponse } from "next/server";
import { z } from "zod";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { parseParams, runParamsSchema, type RunParams } from "@/lib/api/params";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { cancelRun } from "@/lib/runs/cancel-run";

export const dynamic = "force-dynamic";

const cancelSchema = z.object({ reason: z.string().trim().max(500).optional() });

/** `{reason?}` (or no body) → 200 `{run}` cancelled; 409 when the run already ended. */
export const POST = handleRoute(async (request: Request, { params }: RunParams) => {
  const actor = await requirePermission("runs.cancel", request);
  const { runId } = parseParams(runParamsSchema, await params);
  // The body is optional: a bare POST cancels without a reason.
  const { reason } = request.headers.get("content-type") ? await readJson(request, cancelSchema) : {};
  return NextResponse.json({ run: await cancelRun({ runId, reason, actor: await actingUser(actor, request.headers) }) });
});
