"use client";

import { useActionState } from "react";
import { IDLE, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { INPUT_CLASSES } from "@/components/ui/field";

type PollCursorFormProps = { flowId: string; action: FormAction };

/**
 * Moves the poll cursor: back to read a stretch again (dedup makes unchanged
 * records duplicates), forward to skip one, or empty to start over from the
 * trigger's cursor. Refused while a poll runs.
 */
export function PollCursorForm({ flowId, action }: PollCursorFormProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  return (
    <form
      action={formAction}
      className="mt-3 flex flex-wrap items-end gap-2 text-sm"
      onSubmit={(event) => {
        if (!window.confirm("Move the poll cursor? Moving it forward skips the records in between.")) event.preventDefault();
      }}
    >
      <input type="hidden" name="flowId" value={flowId} />
      <label className="flex flex-col text-xs text-slate-600">
        New cursor (empty: the trigger&apos;s own)
        <input name="cursor" className={`${INPUT_CLASSES} w-72 font-mono`} placeholder="2026-01-01T00:00:00Z or a page token" />
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>
        Set cursor
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
