import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

/**
 * Public for load balancers and probes: 200 while database and queue are up
 * ("degraded" when no worker beats), else 503 naming the failing check.
 * `?require=worker` also fails (503) without a live worker: for monitors.
 */
export async function GET(request: Request) {
  const health = await checkHealth({ requireWorker: new URL(request.url).searchParams.get("require") === "worker" });
  return NextResponse.json(health, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
