"use client";

import { useActionState } from "react";
import { IDLE, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";

type ToggleAlertRuleButtonProps = { ruleId: string; enabled: boolean; action: FormAction; refused?: string };

/** Enable/disable in one click: nothing is lost either way, so no confirmation. */
export function ToggleAlertRuleButton({ ruleId, enabled, action, refused }: ToggleAlertRuleButtonProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  return (
    <form action={formAction} className="space-y-1" aria-label={enabled ? "Disable rule" : "Enable rule"}>
      <input type="hidden" name="ruleId" value={ruleId} />
      <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
      <Button type="submit" variant="secondary" disabled={pending || !!refused} title={refused}>
        {enabled ? "Disable" : "Enable"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
