"use client";

import { useActionState } from "react";
import type { TestCredentialResult } from "@/lib/credentials/test-credential";
import { IDLE, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

type ConnectionTestFormProps = { credentialId: string; needsUrl: boolean; action: FormAction<TestCredentialResult> };

/** "Test connection": the outcome shows the failure class and code, never the credential. */
export function ConnectionTestForm({ credentialId, needsUrl, action }: ConnectionTestFormProps) {
  const [state, formAction, pending] = useActionState<ActionState<TestCredentialResult>, FormData>(action, IDLE);
  const values = state.status === "error" ? state.values : {};
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label="Test connection">
      <input type="hidden" name="credentialId" value={credentialId} />
      {needsUrl ? (
        <Field id="test-url" name="url" label="URL to call with this credential" type="url" placeholder="https://api.example.com/me" defaultValue={values.url} />
      ) : (
        <p className="text-sm text-slate-600">Fetches a token from the token URL.</p>
      )}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Testing…" : "Test connection"}
      </Button>
      {state.status === "ok" ? (
        <p role="status" data-testid="connection-result" className={`text-sm ${state.data.ok ? "text-emerald-700" : "text-red-700"}`}>
          {state.data.ok ? `Connection OK: ${state.data.detail}` : `Failed (${state.data.failureClass} · ${state.data.code}): ${state.data.message}`}
        </p>
      ) : (
        <FormMessage state={state} />
      )}
    </form>
  );
}
