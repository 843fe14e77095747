import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { createAlertRule } from "@/lib/alerts/create-alert-rule";
import { listAlertRules } from "@/lib/alerts/list-alert-rules";
import { createAlertRuleSchema } from "@/lib/alerts/schema";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";

export const dynamic = "force-dynamic";

/** 200 `{rules}`, each with `state` (`firing` while it has an open incident, else `ok`). */
export const GET = handleRoute(async (request: Request) => {
  await requirePermission("alerts.read", request);
  return NextResponse.json({ rules: await listAlertRules() });
});

export const POST = handleRoute(async (request: Request) => {
  const actor = await actingUser(await requirePermission("alerts.manage", request), request.headers);
  const input = await readJson(request, createAlertRuleSchema);
  return NextResponse.json({ rule: await createAlertRule({ actor, input }) }, { status: 201 });
});
