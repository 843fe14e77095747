"use client";

import { useActionState } from "react";
import { IDLE, echoKey, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";

type CreateAlertChannelFormProps = { action: FormAction; kinds: readonly string[] };

/** The secret is never typed here: the channel names a production vault credential that holds it. */
export function CreateAlertChannelForm({ action, kinds }: CreateAlertChannelFormProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  const values = state.status === "error" ? state.values : {};
  return (
    <form key={echoKey(state)} action={formAction} className="grid gap-3 sm:grid-cols-2" noValidate aria-label="New alert channel">
      <Field id="channel-name" name="name" label="Name" defaultValue={values.name} required />
      <SelectField id="channel-kind" name="kind" label="Kind" options={kinds} defaultValue={values.kind} />
      <Field
        id="channel-credential"
        name="credentialRef"
        label="Credential (production): a secret URL for webhook, a bearer token for Telegram"
        defaultValue={values.credentialRef}
        required
      />
      <Field id="channel-chat" name="chatId" label="Telegram chat id (Telegram only)" defaultValue={values.chatId} />
      <div className="sm:col-span-2 space-y-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Create channel"}
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
