"use client";

import { useActionState } from "react";
import { IDLE, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { INPUT_CLASSES } from "@/components/ui/field";

/** How many reverse proxies append to X-Forwarded-For; decides which address the sign-in limiter counts. */
export function TrustedProxiesForm({ trustedProxies, action }: { trustedProxies: number; action: FormAction }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  const value = state.status === "error" ? (state.values.trustedProxies ?? "") : String(trustedProxies);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate aria-label="Trusted proxies">
      <div>
        <label htmlFor="trusted-proxies" className="mb-1 block text-xs font-medium text-slate-700">
          Reverse proxies in front of Flowgate
        </label>
        <input id="trusted-proxies" name="trustedProxies" type="number" min={0} max={10} defaultValue={value} className={`${INPUT_CLASSES} w-24`} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
