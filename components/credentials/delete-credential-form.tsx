"use client";

import { useActionState, useState } from "react";
import { IDLE, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";

type DeleteCredentialFormProps = { credentialId: string; name: string; environment: string; action: FormAction };

/** Two steps, so a stray click cannot delete; the server still refuses while a flow refers to it. */
export function DeleteCredentialForm({ credentialId, name, environment, action }: DeleteCredentialFormProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  const [confirming, setConfirming] = useState(false);
  return (
    <form action={formAction} className="space-y-3" aria-label="Delete credential">
      <input type="hidden" name="credentialId" value={credentialId} />
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm">
            Delete the {environment} credential <strong>{name}</strong>? Flows that use it would fail.
          </span>
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? "Deleting…" : "Yes, delete"}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
      ) : (
        <Button variant="danger" onClick={() => setConfirming(true)}>
          Delete…
        </Button>
      )}
      <FormMessage state={state} />
    </form>
  );
}
