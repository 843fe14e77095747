import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";

export type DeleteAlertRuleOptions = { actor: NonNullable<AuditActor>; ruleId: string };

/** Deletes a rule with its incidents and their history (audited). */
export async function deleteAlertRule({ actor, ruleId }: DeleteAlertRuleOptions): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.alertRule.deleteMany({ where: { id: ruleId } });
    if (count === 0) throw new AppError("not_found", "Alert rule not found");
    await recordAudit({ actor, action: "alert.rule_delete", target: { type: "alert_rule", id: ruleId }, tx });
  });
}
