"use client";

import { useActionState } from "react";
import { IDLE, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { INPUT_CLASSES } from "@/components/ui/field";

type OutboundAllowListFormProps = { entries: string[]; action: FormAction };

/** The admin-managed allow-list as one entry per line; the server parses and canonicalises it. */
export function OutboundAllowListForm({ entries, action }: OutboundAllowListFormProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  // After a failed save the text as typed stays, so the admin fixes one line instead of retyping the list.
  const text = state.status === "error" ? (state.values.entries ?? "") : entries.join("\n");
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label="Outbound allow-list">
      <div>
        <label htmlFor="outbound-allow-list" className="mb-1 block text-xs font-medium text-slate-700">
          Allowed hosts and networks (one per line)
        </label>
        <textarea
          id="outbound-allow-list"
          name="entries"
          rows={8}
          spellCheck={false}
          placeholder={"10.0.0.0/8\ncrm.internal\n*.corp.example"}
          defaultValue={text}
          className={`${INPUT_CLASSES} font-mono`}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save allow-list"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
