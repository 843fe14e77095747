import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { getBulkReplayOrThrow } from "@/lib/runs/get-bulk-replay-or-throw";
import { startBulkReplay } from "@/lib/runs/start-bulk-replay";
import { listBulkReplays } from "@/lib/runs/list-bulk-replays";
import { runsQueryFromParams } from "@/lib/runs/runs-query-from-params";
import { listBulkReplaysQuerySchema, startBulkReplayBodySchema } from "@/lib/runs/schema";

export const dynamic = "force-dynamic";

/**
 * `{filter, version, canary?, batchSize?}` → 202 `{replay}` with its progress;
 * the finished runs matching the filter now are replayed in batches by a job.
 * 422 on a bad body or when nothing (or too much) matches.
 */
export const POST = handleRoute(async (request: Request) => {
  const actor = await requirePermission("runs.replay", request);
  const body = await readJson(request, startBulkReplayBodySchema);
  const started = await startBulkReplay({ ...body, actor: await actingUser(actor, request.headers) });
  return NextResponse.json({ replay: await getBulkReplayOrThrow(started.id) }, { status: 202 });
});

/** `?state=running,paused&limit=20` → `{replays}`: newest first, each with its progress. */
export const GET = handleRoute(async (request: Request) => {
  await requirePermission("runs.read", request);
  const query = listBulkReplaysQuerySchema.parse(runsQueryFromParams(new URL(request.url).searchParams, ["state"]));
  return NextResponse.json({ replays: await listBulkReplays(query) });
});
