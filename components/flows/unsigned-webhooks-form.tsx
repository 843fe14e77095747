"use client";

import { useActionState } from "react";
import { IDLE, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";

type UnsignedWebhooksFormProps = { flowId: string; allowed: boolean; action: FormAction };

/** An admin's switch: unsigned webhooks are refused unless allowed here, for this flow only. */
export function UnsignedWebhooksForm({ flowId, allowed, action }: UnsignedWebhooksFormProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  return (
    <form action={formAction} className="flex flex-col items-start gap-2">
      <input type="hidden" name="flowId" value={flowId} />
      <input type="hidden" name="allowed" value={allowed ? "false" : "true"} />
      <Button type="submit" variant={allowed ? "secondary" : "danger"} disabled={pending}>
        {allowed ? "Require signatures again" : "Allow unsigned webhooks"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
