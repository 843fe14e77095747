import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { createAlertChannel } from "@/lib/alerts/create-alert-channel";
import { listAlertChannels } from "@/lib/alerts/list-alert-channels";
import { createAlertChannelSchema } from "@/lib/alerts/schema";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";

export const dynamic = "force-dynamic";

/** 200 `{channels}`: name, kind, config, credentialRef (a vault name, never the secret), last notification. */
export const GET = handleRoute(async (request: Request) => {
  await requirePermission("alerts.read", request);
  return NextResponse.json({ channels: await listAlertChannels() });
});

export const POST = handleRoute(async (request: Request) => {
  const actor = await actingUser(await requirePermission("alerts.manage", request), request.headers);
  const input = await readJson(request, createAlertChannelSchema);
  return NextResponse.json({ channel: await createAlertChannel({ actor, input }) }, { status: 201 });
});
