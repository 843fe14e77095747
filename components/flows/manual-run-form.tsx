"use client";

import { useActionState } from "react";
import { IDLE, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { INPUT_CLASSES } from "@/components/ui/field";

type ManualRunFormProps = { flowId: string; samplePayload: string; action: FormAction };

/** Starts a run of the published version with a JSON payload; the action opens the new run. */
export function ManualRunForm({ flowId, samplePayload, action }: ManualRunFormProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  const values = state.status === "error" ? state.values : {};
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="flowId" value={flowId} />
      <label htmlFor="manual-payload" className="block text-sm font-medium text-slate-700">
        Payload (JSON)
      </label>
      <textarea
        id="manual-payload"
        name="payload"
        rows={6}
        spellCheck={false}
        defaultValue={values.payload ?? samplePayload}
        className={`${INPUT_CLASSES} font-mono text-xs`}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Starting…" : "Start run"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
