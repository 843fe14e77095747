import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkRuleReferences } from "./check-rule-references";
import type { CreateAlertRuleInput } from "./schema";

export type CreateAlertRuleOptions = { actor: NonNullable<AuditActor>; input: CreateAlertRuleInput };

/** Stores a rule (audited); the next alerts.evaluate pass picks it up. */
export async function createAlertRule({ actor, input }: CreateAlertRuleOptions) {
  await checkRuleReferences(input);
  try {
    return await db.$transaction(async (tx) => {
      const rule = await tx.alertRule.create({
        data: { ...input, params: input.params as Prisma.InputJsonObject, flowId: input.flowId ?? null, connectorKey: input.connectorKey ?? null },
      });
      await recordAudit({ actor, action: "alert.rule_create", target: { type: "alert_rule", id: rule.id }, details: { name: rule.name, kind: rule.kind }, tx });
      return rule;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", `An alert rule named "${input.name}" already exists`);
    throw error;
  }
}
