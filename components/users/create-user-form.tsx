"use client";

import { useActionState } from "react";
import { ROLES } from "@/lib/auth/permissions";
import { IDLE, echoKey, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";

export function CreateUserForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  const values = state.status === "error" ? state.values : {};
  // noValidate: the zod schema is the one source of the rules, and its messages are the ones shown.
  return (
    <form key={echoKey(state)} action={formAction} className="space-y-3" noValidate aria-label="Create user">
      <div className="grid gap-3 md:grid-cols-4">
        <Field id="new-user-email" name="email" label="Email" type="email" required defaultValue={values.email} />
        <Field id="new-user-name" name="name" label="Name" required defaultValue={values.name} />
        <Field id="new-user-password" name="password" label="Password" type="password" autoComplete="new-password" required minLength={12} />
        <SelectField id="new-user-role" name="role" label="Role" options={ROLES} defaultValue={values.role ?? "viewer"} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create user"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
