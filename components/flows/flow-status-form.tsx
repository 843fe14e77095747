"use client";

import { useActionState } from "react";
import { IDLE, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";

type FlowStatusFormProps = { flowId: string; status: "active" | "paused"; action: FormAction };

/** Pausing makes the hook answer 409 so providers retry later; runs in flight finish. */
export function FlowStatusForm({ flowId, status, action }: FlowStatusFormProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  const next = status === "active" ? "paused" : "active";
  return (
    <form action={formAction} className="flex flex-col items-end gap-2">
      <input type="hidden" name="flowId" value={flowId} />
      <input type="hidden" name="status" value={next} />
      <Button type="submit" variant={next === "paused" ? "danger" : "secondary"} disabled={pending}>
        {next === "paused" ? "Pause" : "Resume"}
      </Button>
      {state.status === "error" ? <FormMessage state={state} /> : null}
    </form>
  );
}
