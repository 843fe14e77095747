import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { requirePermission } from "@/lib/auth/require-permission";
import { countRunsByStatus } from "@/lib/runs/count-runs-by-status";
import { listRuns } from "@/lib/runs/list-runs";
import { listRunsQuerySchema } from "@/lib/runs/schema";
import { runsQueryFromParams } from "@/lib/runs/runs-query-from-params";

export const dynamic = "force-dynamic";

/** One page of runs and the per-status counts of its filter; the runs page polls this for live updates. */
export const GET = handleRoute(async (request: Request) => {
  await requirePermission("runs.read", request);
  const { cursor, pageSize, ...filter } = listRunsQuerySchema.parse(runsQueryFromParams(new URL(request.url).searchParams));
  const [page, counts] = await Promise.all([listRuns({ ...filter, cursor, pageSize }), countRunsByStatus(filter)]);
  return NextResponse.json({ ...page, counts });
});
