import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { listAlertIncidents } from "@/lib/alerts/list-alert-incidents";
import { listIncidentsQuerySchema } from "@/lib/alerts/schema";
import { requirePermission } from "@/lib/auth/require-permission";

export const dynamic = "force-dynamic";

/** 200 `{incidents}`: newest first (`limit` ≤ 200, default 50), each with its rule and notifications. */
export const GET = handleRoute(async (request: Request) => {
  await requirePermission("alerts.read", request);
  const { limit } = listIncidentsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json({ incidents: await listAlertIncidents({ limit }) });
});
