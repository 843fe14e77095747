"use client";

import { useActionState, useState } from "react";
import type { CredentialTypeForm } from "@/components/credentials/credential-form-types";
import { AllowedHostsInput } from "@/components/credentials/allowed-hosts-input";
import { CredentialFieldInput } from "@/components/credentials/credential-field-input";
import { IDLE, echoKey, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASSES, SelectField } from "@/components/ui/field";

type CreateCredentialFormProps = { types: CredentialTypeForm[]; environments: readonly string[]; action: FormAction };

export function CreateCredentialForm({ types, environments, action }: CreateCredentialFormProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  const values = state.status === "error" ? state.values : {};
  const [typeName, setTypeName] = useState(values.type ?? types[0]?.type);
  const type = types.find((candidate) => candidate.type === typeName) ?? types[0];
  // noValidate: the zod schema is the one source of the rules, and its messages are the ones shown.
  return (
    <form key={echoKey(state)} action={formAction} className="space-y-4" noValidate aria-label="New credential">
      <div className="grid gap-3 md:grid-cols-3">
        <Field
          id="credential-name"
          name="name"
          label="Name (how flows refer to it)"
          required
          maxLength={64}
          placeholder="crm-api"
          defaultValue={values.name}
          autoComplete="off"
        />
        <SelectField id="credential-environment" name="environment" label="Environment" options={environments} emptyOption="Choose…" defaultValue={values.environment ?? ""} />
        <div>
          <label htmlFor="credential-type" className="mb-1 block text-xs font-medium text-slate-700">
            Type
          </label>
          {/* Uncontrolled on purpose: a controlled select that the form reset moved would show another type than the fields below it. */}
          <select id="credential-type" name="type" defaultValue={type?.type} onChange={(event) => setTypeName(event.target.value as typeof typeName)} className={INPUT_CLASSES}>
            {types.map((option) => (
              <option key={option.type} value={option.type}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {/* Keyed by type so switching types starts from empty inputs. */}
      <fieldset key={type?.type} className="grid gap-3 md:grid-cols-2" data-testid="credential-fields">
        <legend className="sr-only">{type?.label} fields</legend>
        {type?.fields.map((field) => <CredentialFieldInput key={field.name} field={field} idPrefix="new-credential" mode="create" echoed={values[`fields.${field.name}`]} />)}
      </fieldset>
      {type?.hostBinding === "allowed-hosts" ? <AllowedHostsInput id="new-credential-allowed-hosts" defaultValue={values.allowedHosts} /> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save credential"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
