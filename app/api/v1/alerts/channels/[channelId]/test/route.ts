import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { alertChannelParamsSchema, parseParams, type AlertChannelParams } from "@/lib/api/params";
import { sendTestAlert } from "@/lib/alerts/send-test-alert";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";

export const dynamic = "force-dynamic";

/** 200 `{notification: {kind: "test", ok, error?}}` either way: a failed send is a result, not an API error. */
export const POST = handleRoute(async (request: Request, { params }: AlertChannelParams) => {
  const actor = await actingUser(await requirePermission("alerts.manage", request), request.headers);
  const { channelId } = parseParams(alertChannelParamsSchema, await params);
  return NextResponse.json({ notification: await sendTestAlert({ actor, channelId }) });
});
