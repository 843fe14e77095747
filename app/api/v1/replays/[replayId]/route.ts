import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { parseParams, replayParamsSchema, type ReplayParams } from "@/lib/api/params";
import { requirePermission } from "@/lib/auth/require-permission";
import { getBulkReplayOrThrow } from "@/lib/runs/get-bulk-replay-or-throw";

export const dynamic = "force-dynamic";

/** → `{replay}`: state, reason, filter, canary, batch size and progress `{total, replayed, inFlight, succeeded, failed}`. */
export const GET = handleRoute(async (request: Request, { params }: ReplayParams) => {
  await requirePermission("runs.read", request);
  const { replayId } = parseParams(replayParamsSchema, await params);
  return NextResponse.json({ replay: await getBulkReplayOrThrow(replayId) });
});
