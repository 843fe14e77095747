import { handleRoute } from "@/lib/api/handle-route";
import { alertChannelParamsSchema, parseParams, type AlertChannelParams } from "@/lib/api/params";
import { deleteAlertChannel } from "@/lib/alerts/delete-alert-channel";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";

export const dynamic = "force-dynamic";

/** 204, with its notification history; 409 while a rule still names it, 404 unknown. */
export const DELETE = handleRoute(async (request: Request, { params }: AlertChannelParams) => {
  const actor = await actingUser(await requirePermission("alerts.manage", request), request.headers);
  const { channelId } = parseParams(alertChannelParamsSchema, await params);
  await deleteAlertChannel({ actor, channelId });
  return new Response(null, { status: 204 });
});
