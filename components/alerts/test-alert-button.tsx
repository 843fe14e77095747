"use client";

import { useActionState } from "react";
import { IDLE, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";

/** "Send test alert" for one channel; the result line says whether it arrived (and why not, masked). */
export function TestAlertButton({ channelId, action, refused }: { channelId: string; action: FormAction; refused?: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  return (
    <form action={formAction} className="space-y-1" aria-label="Send test alert">
      <input type="hidden" name="channelId" value={channelId} />
      <Button type="submit" variant="secondary" disabled={pending || !!refused} title={refused}>
        {pending ? "Sending…" : "Send test alert"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
