import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { flowParamsSchema, parseParams, type FlowParams } from "@/lib/api/params";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { manualRunSchema } from "@/lib/intake/manual-run-schema";
import { startManualRun } from "@/lib/intake/start-manual-run";

export const dynamic = "force-dynamic";

/**
 * Starts a run by hand: `{ "payload": {…}, "idempotencyKey"?: "…" }`; an
 * `Idempotency-Key` header works too. 202 with the new run, 200 with the
 * first run when the key was used before.
 */
export const POST = handleRoute(async (request: Request, { params }: FlowParams) => {
  const actor = await requirePermission("runs.trigger", request);
  const { flowId } = parseParams(flowParamsSchema, await params);
  const body = await readJson(request, manualRunSchema);
  const idempotencyKey = body.idempotencyKey ?? manualRunSchema.shape.idempotencyKey.parse(request.headers.get("idempotency-key") ?? undefined);
  const { runId, traceId, duplicate } = await startManualRun({ flowId, ...body, idempotencyKey, actor: await actingUser(actor, request.headers) });
  return NextResponse.json({ runId, traceId, duplicate }, { status: duplicate ? 200 : 202 });
});
