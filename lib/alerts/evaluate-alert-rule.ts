import { db } from "@/lib/db";
import { RULE_KINDS, type RuleKind } from "./rule-kinds";
import { decideAlertAction, type AlertAction } from "./decide-alert-action";
import { sendToChannel } from "./send-to-channel";

export type EvaluateAlertRuleOptions = { ruleId: string; now: Date };
export type AlertRuleOutcome = { ruleId: string; action: AlertAction | "skipped"; firing?: boolean; summary?: string };

// Covers the sends (5 s each, in parallel) made while the rule is locked.
const TRANSACTION_TIMEOUT_MS = 30_000;

/**
 * Evaluates one rule and acts on it while holding the rule's row lock
 * (FOR UPDATE SKIP LOCKED): a second evaluator at the same moment skips the
 * rule instead of deciding from the same state, so an incident opens, and is
 * announced, once. The notifications are sent and recorded inside the same
 * transaction: a worker dying mid-send rolls the decision back and the next
 * minute sends again (an alert may repeat; it is never silently lost).
 */
export async function evaluateAlertRule({ ruleId, now }: EvaluateAlertRuleOptions): Promise<AlertRuleOutcome> {
  try {
    return await decideAndNotify({ ruleId, now });
  } catch (error) {
    // The partial unique index allows one open incident per rule. Losing that race (an
    // evaluator that read the state before another's new incident committed) rolls this
    // decision back before any message was sent: the incident is already open and announced.
    if ((error as { code?: string }).code === "P2002") return { ruleId, action: "skipped" };
    throw error;
  }
}

async function decideAndNotify({ ruleId, now }: EvaluateAlertRuleOptions): Promise<AlertRuleOutcome> {
  return db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "AlertRule" WHERE "id" = ${ruleId}::uuid AND "enabled" FOR UPDATE SKIP LOCKED`;
      if (locked.length === 0) return { ruleId, action: "skipped" as const };
      const rule = await tx.alertRule.findUniqueOrThrow({ where: { id: ruleId } });
      const open = await tx.alertIncident.findFirst({ where: { ruleId, resolvedAt: null }, orderBy: { openedAt: "desc" } });
      const kind = RULE_KINDS[rule.kind as RuleKind];
      if (!kind) throw new Error(`alert rule ${ruleId} has unknown kind "${rule.kind}"`);
      const verdict = await kind.evaluate({ tx, now, params: rule.params, flowId: rule.flowId, connectorKey: rule.connectorKey });
      const action = decideAlertAction({ firing: verdict.firing, open, repeatMinutes: rule.repeatMinutes, now });
      if (action === null) return { ruleId, action, firing: verdict.firing, summary: verdict.summary };

      const incident =
        action === "firing"
          ? await tx.alertIncident.create({ data: { ruleId, openedAt: now, lastNotifiedAt: now, summary: verdict.summary } })
          : await tx.alertIncident.update({
              where: { id: open!.id },
              // A resolved incident keeps the summary that opened it; the resolved message says what it is now.
              data: action === "resolved" ? { resolvedAt: now } : { lastNotifiedAt: now, summary: verdict.summary },
            });
      const channels = await tx.alertChannel.findMany({ where: { id: { in: rule.channelIds } } });
      await Promise.all(channels.map((channel) => sendToChannel({ channel, kind: action, ruleName: rule.name, summary: verdict.summary, incidentId: incident.id, now, tx })));
      return { ruleId, action, firing: verdict.firing, summary: verdict.summary };
    },
    { timeout: TRANSACTION_TIMEOUT_MS },
  );
}
