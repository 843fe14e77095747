import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { parseParams, runParamsSchema, type RunParams } from "@/lib/api/params";
import { requirePermission } from "@/lib/auth/require-permission";
import { getRunOrThrow } from "@/lib/runs/get-run-or-throw";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request: Request, { params }: RunParams) => {
  await requirePermission("runs.read", request);
  const { runId } = parseParams(runParamsSchema, await params);
  return NextResponse.json({ run: await getRunOrThrow(runId) });
});
