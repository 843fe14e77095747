import { db } from "@/lib/db";
import { env } from "@/lib/env.mjs";
import { createLogger } from "@/lib/log";
import { redactString } from "@/lib/redact/redact-string";
import { evaluateAlertRule, type AlertRuleOutcome } from "./evaluate-alert-rule";

const log = createLogger("alerts", env.LOG_LEVEL);

export type EvaluateAlertRulesOptions = { now?: Date };

/**
 * One pass over every enabled rule (the alerts.evaluate job, every minute).
 * A rule that fails to evaluate (a params row edited by hand, a query
 * error) is logged and the others still run: one broken rule must not
 * silence every alert.
 */
export async function evaluateAlertRules({ now = new Date() }: EvaluateAlertRulesOptions = {}): Promise<AlertRuleOutcome[]> {
  const rules = await db.alertRule.findMany({ where: { enabled: true }, select: { id: true }, orderBy: { createdAt: "asc" } });
  const outcomes: AlertRuleOutcome[] = [];
  for (const { id } of rules) {
    try {
      outcomes.push(await evaluateAlertRule({ ruleId: id, now }));
    } catch (error) {
      log.error({ ruleId: id, error: redactString(error instanceof Error ? error.message : String(error)) }, "alert rule not evaluated");
    }
  }
  return outcomes;
}
