import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { parseParams, runParamsSchema, type RunParams } from "@/lib/api/params";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { replayRun } from "@/lib/runs/replay-run";
import { replayRunBodySchema } from "@/lib/runs/schema";

export const dynamic = "force-dynamic";

/**
 * `{version: "same"|"latest"}` → 202 `{run, effects}`: the new run, and the
 * calls it repeats with their protection; 409 when the run has not finished
 * or is already being replayed; 422 without a version.
 */
export const POST = handleRoute(async (request: Request, { params }: RunParams) => {
  const actor = await requirePermission("runs.replay", request);
  const { runId } = parseParams(runParamsSchema, await params);
  const { version } = await readJson(request, replayRunBodySchema);
  return NextResponse.json(await replayRun({ runId, version, actor: await actingUser(actor, request.headers) }), { status: 202 });
});
