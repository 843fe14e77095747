import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { requirePermission } from "@/lib/auth/require-permission";
import { listRuns } from "@/lib/runs/list-runs";
import { listRunsQuerySchema } from "@/lib/runs/schema";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request: Request) => {
  await requirePermission("runs.read", request);
  const query = listRunsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await listRuns(query));
});
