"use client";

import { useActionState, useState } from "react";
import { IDLE, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";

type ConfirmActionFormProps = {
  action: FormAction;
  /** The hidden field naming the target, e.g. `{ ruleId: "…" }`. */
  target: Record<string, string>;
  /** The form's accessible name, e.g. "Delete rule". */
  label: string;
  /** The first button's text, followed by "…" (the second step asks). */
  button: string;
  question: React.ReactNode;
  /** Set when the user may not do this: the button stays visible, disabled, with this as its reason. */
  refused?: string;
};

/** Two steps, so a stray click cannot delete; the server still checks the role and the references. */
export function ConfirmActionForm({ action, target, label, button, question, refused }: ConfirmActionFormProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  const [confirming, setConfirming] = useState(false);
  return (
    <form action={formAction} className="space-y-3" aria-label={label}>
      {Object.entries(target).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm">{question}</span>
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? "Deleting…" : "Yes, delete"}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
      ) : (
        <Button variant="danger" onClick={() => setConfirming(true)} disabled={!!refused} title={refused}>
          {button}…
        </Button>
      )}
      <FormMessage state={state} />
    </form>
  );
}
