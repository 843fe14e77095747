import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { requirePermission } from "@/lib/auth/require-permission";
import { getOutboundAllowList } from "@/lib/settings/get-outbound-allow-list";
import { updateOutboundSettingsSchema } from "@/lib/settings/schema";
import { updateOutboundAllowList } from "@/lib/settings/update-outbound-allow-list";
import { actingUser } from "@/lib/audit/acting-user";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request: Request) => {
  await requirePermission("settings.manage", request);
  return NextResponse.json(await getOutboundAllowList());
});

export const PUT = handleRoute(async (request: Request) => {
  const actor = await requirePermission("settings.manage", request);
  const { entries } = await readJson(request, updateOutboundSettingsSchema);
  return NextResponse.json(await updateOutboundAllowList({ actor: await actingUser(actor, request.headers), entries }));
});
