"use client";

import { useActionState, useState } from "react";
import { IDLE, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";

type RevokeTokenFormProps = { tokenId: string; name: string; action: FormAction };

/** Two steps, because a revoked token cannot be brought back and a script using it stops at once. */
export function RevokeTokenForm({ tokenId, name, action }: RevokeTokenFormProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <Button variant="danger" onClick={() => setConfirming(true)} aria-label={`Revoke ${name}`}>
        Revoke
      </Button>
    );
  }
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="tokenId" value={tokenId} />
      <p className="text-xs text-slate-700">Scripts using “{name}” stop working at once.</p>
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          Confirm revoke
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
          Cancel
        </Button>
      </div>
      {state.status === "error" ? <FormMessage state={state} /> : null}
    </form>
  );
}
