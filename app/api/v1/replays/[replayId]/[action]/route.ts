import { NextResponse } from "next/server";
import { z } from "zod";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { AppError } from "@/lib/errors";
import { parseParams, replayParamsSchema, type ReplayActionParams } from "@/lib/api/params";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { getBulkReplayOrThrow } from "@/lib/runs/get-bulk-replay-or-throw";
import { setBulkReplayState } from "@/lib/runs/set-bulk-replay-state";
import { BULK_REPLAY_ACTIONS, bulkReplayActionBodySchema } from "@/lib/runs/schema";

export const dynamic = "force-dynamic";

const paramsSchema = replayParamsSchema.extend({ action: z.enum(BULK_REPLAY_ACTIONS, "Not found") });

/**
 * POST …/pause | …/resume | …/cancel → `{replay}`; 409 from a state the action
 * does not apply to. The body is optional: `{cancelRuns: true}` with cancel.
 */
export const POST = handleRoute(async (request: Request, { params }: ReplayActionParams) => {
  const actor = await requirePermission("runs.replay", request);
  const { replayId, action } = parseParams(paramsSchema, await params);
  const { cancelRuns } = request.headers.get("content-type") ? await readJson(request, bulkReplayActionBodySchema) : {};
  if (cancelRuns && action !== "cancel") throw new AppError("validation_failed", "cancelRuns only goes with cancel");
  await setBulkReplayState({ bulkReplayId: replayId, action, actor: await actingUser(actor, request.headers), cancelRuns });
  return NextResponse.json({ replay: await getBulkReplayOrThrow(replayId) });
});
