import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { alertRuleParamsSchema, parseParams, type AlertRuleParams } from "@/lib/api/params";
import { deleteAlertRule } from "@/lib/alerts/delete-alert-rule";
import { updateAlertRuleSchema } from "@/lib/alerts/schema";
import { updateAlertRule } from "@/lib/alerts/update-alert-rule";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";

export const dynamic = "force-dynamic";

export const PATCH = handleRoute(async (request: Request, { params }: AlertRuleParams) => {
  const actor = await actingUser(await requirePermission("alerts.manage", request), request.headers);
  const { ruleId } = parseParams(alertRuleParamsSchema, await params);
  const input = await readJson(request, updateAlertRuleSchema);
  return NextResponse.json({ rule: await updateAlertRule({ actor, ruleId, input }) });
});

export const DELETE = handleRoute(async (request: Request, { params }: AlertRuleParams) => {
  const actor = await actingUser(await requirePermission("alerts.manage", request), request.headers);
  const { ruleId } = parseParams(alertRuleParamsSchema, await params);
  await deleteAlertRule({ actor, ruleId });
  return new Response(null, { status: 204 });
});
