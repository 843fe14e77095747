"use client";

import { useActionState } from "react";
import { IDLE, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

type RetentionFormProps = { flowId: string; bodyRetentionDays: number; runRetentionDays: number; action: FormAction };

/** An admin's retention windows for one flow; the next daily purge applies them. */
export function RetentionForm({ flowId, bodyRetentionDays, runRetentionDays, action }: RetentionFormProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  return (
    <form action={formAction} className="flex flex-col items-start gap-2">
      <input type="hidden" name="flowId" value={flowId} />
      <div className="flex flex-wrap items-end gap-3">
        <Field id="bodyRetentionDays" name="bodyRetentionDays" label="Keep payloads (days)" type="number" min={1} max={3650} required defaultValue={bodyRetentionDays} className="w-44" />
        <Field id="runRetentionDays" name="runRetentionDays" label="Keep runs (days)" type="number" min={1} max={3650} required defaultValue={runRetentionDays} className="w-44" />
        <Button type="submit" variant="secondary" disabled={pending}>
          Save retention
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
