"use client";

import { useActionState } from "react";
import type { CredentialTypeForm } from "@/components/credentials/credential-form-types";
import { AllowedHostsInput } from "@/components/credentials/allowed-hosts-input";
import { CredentialFieldInput } from "@/components/credentials/credential-field-input";
import { IDLE, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";

type EditCredentialFormProps = { credentialId: string; type: CredentialTypeForm; allowedHosts: readonly string[]; action: FormAction };

/**
 * Changes only what is typed in; the stored values are never sent to the
 * browser to be edited. The allowed hosts are not secret, so they are
 * shown as they are and the list as submitted replaces them.
 */
export function EditCredentialForm({ credentialId, type, allowedHosts, action }: EditCredentialFormProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  const values = state.status === "error" ? state.values : {};
  const optional = type.fields.filter((field) => !field.required);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Edit credential">
      <input type="hidden" name="credentialId" value={credentialId} />
      <div className="grid gap-3 md:grid-cols-2">
        {type.fields.map((field) => (
          <CredentialFieldInput key={field.name} field={field} idPrefix="edit-credential" mode="edit" echoed={values[`fields.${field.name}`]} />
        ))}
      </div>
      {optional.length > 0 ? (
        <fieldset className="flex flex-wrap gap-4 text-sm">
          <legend className="mb-1 text-xs font-medium text-slate-700">Clear (back to the default, if the field has one)</legend>
          {optional.map((field) => (
            <label key={field.name} className="flex items-center gap-1.5">
              <input type="checkbox" name="clear" value={field.name} />
              {field.label}
            </label>
          ))}
        </fieldset>
      ) : null}
      {type.hostBinding === "allowed-hosts" ? <AllowedHostsInput id="edit-credential-allowed-hosts" defaultValue={values.allowedHosts ?? allowedHosts.join("\n")} /> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save changes"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
