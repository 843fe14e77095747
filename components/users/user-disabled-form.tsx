"use client";

import { useActionState } from "react";
import { IDLE, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";

type UserDisabledFormProps = { userId: string; disabled: boolean; isSelf: boolean; action: FormAction };

export function UserDisabledForm({ userId, disabled, isSelf, action }: UserDisabledFormProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
      {/* The server refuses self-disable too; this only saves a pointless round trip. */}
      <Button type="submit" variant={disabled ? "secondary" : "danger"} disabled={pending || (isSelf && !disabled)} title={isSelf ? "You cannot disable yourself" : undefined}>
        {disabled ? "Enable" : "Disable"}
      </Button>
      {state.status === "error" ? <FormMessage state={state} /> : null}
    </form>
  );
}
