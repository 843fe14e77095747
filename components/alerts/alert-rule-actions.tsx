"use client";

import { useState } from "react";
import type { FormAction } from "@/components/forms/action-state";
import { AlertRuleForm, type AlertRuleFormRule } from "@/components/alerts/alert-rule-form";
import { ConfirmActionForm } from "@/components/forms/confirm-action-form";
import { ToggleAlertRuleButton } from "@/components/alerts/toggle-alert-rule-button";
import { Button } from "@/components/ui/button";

type AlertRuleActionsProps = {
  rule: AlertRuleFormRule & { enabled: boolean };
  kinds: Record<string, string>;
  channels: Array<{ id: string; name: string }>;
  actions: { update: FormAction; setEnabled: FormAction; remove: FormAction };
  /** Why this user may not change rules; the buttons stay visible and disabled with it. */
  refused?: string;
};

/** Edit, enable/disable and delete for one rule row. */
export function AlertRuleActions({ rule, kinds, channels, actions, refused }: AlertRuleActionsProps) {
  const [editing, setEditing] = useState(false);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-start gap-2">
        <Button variant="secondary" onClick={() => setEditing(!editing)} disabled={!!refused} title={refused}>
          {editing ? "Close" : "Edit"}
        </Button>
        <ToggleAlertRuleButton ruleId={rule.id} enabled={rule.enabled} action={actions.setEnabled} refused={refused} />
        <ConfirmActionForm
          action={actions.remove}
          target={{ ruleId: rule.id }}
          label="Delete rule"
          button="Delete rule"
          question={<>Delete the rule <strong>{rule.name}</strong> and its incident history?</>}
          refused={refused}
        />
      </div>
      {editing ? (
        <div className="min-w-[32rem] rounded-md border border-slate-200 p-3">
          <AlertRuleForm action={actions.update} kinds={kinds} channels={channels} rule={rule} />
        </div>
      ) : null}
    </div>
  );
}
