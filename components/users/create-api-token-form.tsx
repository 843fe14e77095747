"use client";

import { useActionState } from "react";
import { ROLES } from "@/lib/auth/permissions";
import { IDLE, echoKey, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { CopyableText } from "@/components/ui/copyable-text";
import { Field, INPUT_CLASSES, SelectField } from "@/components/ui/field";
import { formatDateTime } from "@/components/ui/format-date-time";

export type CreatedToken = { token: string; expiresAt: string | null };
type Owner = { id: string; email: string };
type CreateApiTokenFormProps = { owners: Owner[]; action: FormAction<CreatedToken> };

/** The plaintext token lives only in this component's state: it is shown once and cannot be fetched again. */
export function CreateApiTokenForm({ owners, action }: CreateApiTokenFormProps) {
  const [state, formAction, pending] = useActionState<ActionState<CreatedToken>, FormData>(action, IDLE);
  const values = state.status === "error" ? state.values : {};
  return (
    <form key={echoKey(state)} action={formAction} className="space-y-3" noValidate aria-label="Create API token">
      <div className="grid gap-3 md:grid-cols-4">
        {/* Not a SelectField: the option's value (user id) differs from its label (email). */}
        <div>
          <label htmlFor="token-owner" className="mb-1 block text-xs font-medium text-slate-700">
            Owner
          </label>
          <select id="token-owner" name="userId" defaultValue={values.userId ?? owners[0]?.id} className={INPUT_CLASSES}>
            {owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.email}
              </option>
            ))}
          </select>
        </div>
        <Field id="token-name" name="name" label="Token name" required maxLength={100} defaultValue={values.name} />
        <SelectField id="token-role" name="role" label="Token role (capped by the owner's)" options={ROLES} defaultValue={values.role ?? "viewer"} />
        <Field id="token-expiry" name="expiresInDays" label="Expires in days (empty = never)" type="number" min={1} max={3650} defaultValue={values.expiresInDays} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create API token"}
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
  );
}
