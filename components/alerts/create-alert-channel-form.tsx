"use client";

import { useActionState, useState } from "react";
import { IDLE, echoKey, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASSES, SelectField } from "@/components/ui/field";

type CreateAlertChannelFormProps = {
  action: FormAction;
  /** Each kind with the vault credential type it needs. */
  kinds: ReadonlyArray<{ kind: string; label: string; credentialType: string }>;
  /** Production credentials, names and types only. */
  credentials: ReadonlyArray<{ name: string; type: string }>;
};

/** The secret is never typed here: the channel names a production vault credential of the type its kind needs. */
export function CreateAlertChannelForm({ action, kinds, credentials }: CreateAlertChannelFormProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  const values = state.status === "error" ? state.values : {};
  const [kind, setKind] = useState(values.kind ?? kinds[0]?.kind ?? "");
  const needed = kinds.find((k) => k.kind === kind)?.credentialType;
  const fitting = credentials.filter((c) => c.type === needed).map((c) => c.name);
  return (
    <form key={echoKey(state)} action={formAction} className="grid gap-3 sm:grid-cols-2" noValidate aria-label="New alert channel">
      <Field id="channel-name" name="name" label="Name" defaultValue={values.name} required />
      <SelectField id="channel-kind" name="kind" label="Kind" options={kinds.map((k) => k.kind)} value={kind} onChange={(event) => setKind(event.target.value)} />
      <div>
        <SelectField
          id="channel-credential"
          name="credentialRef"
          label={`Credential (production ${needed ?? ""})`}
          options={fitting}
          emptyOption={fitting.length === 0 ? `no production ${needed} credential yet` : "choose…"}
          defaultValue={values.credentialRef}
        />
      </div>
      {kind === "telegram" ? <Field id="channel-chat" name="chatId" label="Telegram chat id" defaultValue={values.chatId} /> : null}
      {kind === "email" ? (
        <>
          <div>
            <label htmlFor="channel-recipients" className="mb-1 block text-xs font-medium text-slate-700">
              Recipients (one per line, at most 20)
            </label>
            <textarea id="channel-recipients" name="recipients" rows={2} className={INPUT_CLASSES} defaultValue={values.recipients} />
          </div>
          <Field id="channel-subject" name="subjectPrefix" label="Subject prefix (optional)" placeholder="[Flowgate]" defaultValue={values.subjectPrefix} />
        </>
      ) : null}
      <div className="sm:col-span-2 space-y-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Create channel"}
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
