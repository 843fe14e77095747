"use client";

import { useActionState } from "react";
import { IDLE, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { CopyableText } from "@/components/ui/copyable-text";
import { Field } from "@/components/ui/field";
import { formatDateTime } from "@/components/ui/format-date-time";

export type CreatedToken = { token: string; expiresAt: string | null };
type ApiTokenFormProps = { userId: string; email: string; action: FormAction<CreatedToken> };

/** The plaintext token lives only in this component's state: it is shown once and cannot be fetched again. */
export function ApiTokenForm({ userId, email, action }: ApiTokenFormProps) {
  const [state, formAction, pending] = useActionState<ActionState<CreatedToken>, FormData>(action, IDLE);
  const values = state.status === "error" ? state.values : {};
  return (
    <details>
      <summary className="cursor-pointer text-sm text-slate-700 select-none">API token</summary>
      <form action={formAction} className="mt-2 space-y-2" aria-label={`API token for ${email}`}>
        <input type="hidden" name="userId" value={userId} />
        <Field id={`token-name-${userId}`} name="name" label={`Token name for ${email}`} required maxLength={100} defaultValue={values.name} />
        <Field
          id={`token-expiry-${userId}`}
          name="expiresInDays"
          label="Expires in days (empty = never)"
          type="number"
          min={1}
          max={3650}
          defaultValue={values.expiresInDays}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          Create API token
        </Button>
        {state.status === "ok" ? (
          <div role="status" className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm" data-testid="created-token">
            <p className="font-medium text-amber-900">Copy this token now. It will not be shown again.</p>
            <CopyableText value={state.data.token} />
            <p className="text-xs text-amber-900">{state.data.expiresAt ? `Expires ${formatDateTime(new Date(state.data.expiresAt))}` : "Never expires"}</p>
          </div>
        ) : (
          <FormMessage state={state} />
        )}
      </form>
    </details>
  );
}
