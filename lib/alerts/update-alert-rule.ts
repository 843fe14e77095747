import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkRuleReferences } from "./check-rule-references";
import { RULE_KINDS, type RuleKind } from "./rule-kinds";
import type { UpdateAlertRuleInput } from "./schema";

export type UpdateAlertRuleOptions = { actor: NonNullable<AuditActor>; ruleId: string; input: UpdateAlertRuleInput };

/** Changes a rule (audited); new params are checked against the rule's kind, which never changes. */
export async function updateAlertRule({ actor, ruleId, input }: UpdateAlertRuleOptions) {
  const existing = await db.alertRule.findUnique({ where: { id: ruleId }, select: { kind: true } });
  if (!existing) throw new AppError("not_found", "Alert rule not found");
  let params: Prisma.InputJsonObject | undefined;
  if (input.params) {
    const parsed = RULE_KINDS[existing.kind as RuleKind].params.safeParse(input.params);
    if (!parsed.success) throw new AppError("validation_failed", `params: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
    params = parsed.data as Prisma.InputJsonObject;
  }
  await checkRuleReferences(input);
  try {
    return await db.$transaction(async (tx) => {
      const rule = await tx.alertRule.update({ where: { id: ruleId }, data: { ...input, params } });
      await recordAudit({ actor, action: "alert.rule_update", target: { type: "alert_rule", id: ruleId }, details: { fields: Object.keys(input) }, tx });
      return rule;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", `An alert rule named "${input.name}" already exists`);
    throw error;
  }
}
