"use client";

import { useActionState } from "react";
import { ROLES } from "@/lib/auth/permissions";
import { IDLE, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { INPUT_CLASSES } from "@/components/ui/field";

type UserRoleFormProps = { userId: string; email: string; role: string; action: FormAction };

export function UserRoleForm({ userId, email, role, action }: UserRoleFormProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  const selectId = `role-${userId}`;
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <div className="flex items-center gap-2">
        <label htmlFor={selectId} className="sr-only">
          Role for {email}
        </label>
        {/* Keyed by the stored role so a revalidated page shows the saved value, not a stale selection. */}
        <select key={role} id={selectId} name="role" defaultValue={role} className={`${INPUT_CLASSES} w-32`}>
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary" disabled={pending}>
          Save
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
