"use client";

import { useActionState } from "react";
import { IDLE, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { INPUT_CLASSES } from "@/components/ui/field";

type UserPasswordFormProps = { userId: string; email: string; action: FormAction };

/** An admin sets a new password; the policy (lib/auth/password.ts) is checked on the server, and its message shown here. */
export function UserPasswordForm({ userId, email, action }: UserPasswordFormProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  const inputId = `password-${userId}`;
  return (
    <form action={formAction} className="space-y-1" noValidate>
      <input type="hidden" name="userId" value={userId} />
      <div className="flex items-center gap-2">
        <label htmlFor={inputId} className="sr-only">
          New password for {email}
        </label>
        <input
          id={inputId}
          name="password"
          type="password"
          autoComplete="new-password"
          placeholder="New password"
          className={`${INPUT_CLASSES} w-40`}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          Set
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
