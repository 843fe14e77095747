"use client";

import { useActionState } from "react";
import { IDLE, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";

type FlowStatusFormProps = { flowId: string; status: "active" | "paused"; whilePaused: "reject" | "hold"; heldRuns: number; action: FormAction };

/**
 * Pause asks what intake should do meanwhile: refuse with 409 (the sender
 * keeps the event and retries) or hold the runs until the resume. Runs in
 * flight finish either way.
 */
export function FlowStatusForm({ flowId, status, whilePaused, heldRuns, action }: FlowStatusFormProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  const next = status === "active" ? "paused" : "active";
  return (
    <form action={formAction} className="flex flex-col items-end gap-2">
      <input type="hidden" name="flowId" value={flowId} />
      <input type="hidden" name="status" value={next} />
      {next === "paused" ? (
        <label className="flex items-center gap-2 text-xs text-slate-600">
          New events while paused
          <select name="whilePaused" defaultValue={whilePaused} className="rounded-md border border-slate-300 px-2 py-1 text-xs">
            <option value="reject">refuse (409, the sender retries)</option>
            <option value="hold">hold, run on resume</option>
          </select>
        </label>
      ) : (
        <p className="text-xs text-slate-600" data-testid="pause-mode">
          {whilePaused === "hold" ? `Holding new events: ${heldRuns === 1 ? "1 run starts" : `${heldRuns} runs start`} on resume` : "New events are refused with 409"}
        </p>
      )}
      <Button type="submit" variant={next === "paused" ? "danger" : "secondary"} disabled={pending}>
        {next === "paused" ? "Pause" : "Resume"}
      </Button>
      {state.status === "error" ? <FormMessage state={state} /> : null}
    </form>
  );
}
