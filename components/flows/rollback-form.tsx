"use client";

import { useActionState, useState } from "react";
import { IDLE, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";

type RollbackFormProps = { flowId: string; versionNumber: number; environment: string; action: FormAction };

/**
 * Two steps, because a rollback changes what production runs: the first
 * click only asks, the second publishes. An in-page question rather than
 * window.confirm, so it reads the same everywhere and can say what happens.
 */
export function RollbackForm({ flowId, versionNumber, environment, action }: RollbackFormProps) {
  const [confirming, setConfirming] = useState(false);
  const [state, formAction, pending] = useActionState<ActionState, FormData>(async (previous, formData) => {
    const next = await action(previous, formData);
    if (next.status === "ok") setConfirming(false);
    return next;
  }, IDLE);

  if (!confirming) {
    return (
      <div className="space-y-1">
        <Button variant="secondary" onClick={() => setConfirming(true)} aria-label={`Roll back to v${versionNumber}`}>
          Roll back
        </Button>
        <FormMessage state={state} />
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-2" aria-label={`Confirm rollback to v${versionNumber}`}>
      <input type="hidden" name="flowId" value={flowId} />
      <input type="hidden" name="versionNumber" value={versionNumber} />
      <p className="text-sm text-slate-700">
        Publish v{versionNumber}&apos;s definition again as a new version ({environment})? New events run on it at once.
      </p>
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Rolling back…" : `Confirm rollback to v${versionNumber}`}
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
          Cancel
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
