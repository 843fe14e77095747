"use client";

import { useActionState } from "react";
import { IDLE, echoKey, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASSES, SelectField } from "@/components/ui/field";

type CreateAlertRuleFormProps = {
  action: FormAction;
  /** Kind → an example of its params, shown as the textarea's placeholder. */
  kinds: Record<string, string>;
  channels: Array<{ id: string; name: string }>;
};

/** A rule's params are JSON: each kind has its own fields, checked by its schema on the server. */
export function CreateAlertRuleForm({ action, kinds, channels }: CreateAlertRuleFormProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  const values = state.status === "error" ? state.values : {};
  return (
    <form key={echoKey(state)} action={formAction} className="grid gap-3 sm:grid-cols-2" noValidate aria-label="New alert rule">
      <Field id="rule-name" name="name" label="Name" defaultValue={values.name} required />
      <SelectField id="rule-kind" name="kind" label="Kind" options={Object.keys(kinds)} defaultValue={values.kind} />
      <div className="sm:col-span-2">
        <label htmlFor="rule-params" className="mb-1 block text-xs font-medium text-slate-700">
          Params (JSON) — e.g. {Object.entries(kinds).map(([kind, example]) => `${kind}: ${example}`).join(" · ")}
        </label>
        <textarea id="rule-params" name="params" rows={2} className={`${INPUT_CLASSES} font-mono`} defaultValue={values.params ?? '{"percent": 50, "windowMinutes": 15, "minRuns": 5}'} />
      </div>
      <Field id="rule-flow" name="flowId" label="Flow id (optional)" defaultValue={values.flowId} />
      <Field id="rule-connector" name="connectorKey" label="Connector key (optional)" defaultValue={values.connectorKey} />
      <Field id="rule-repeat" name="repeatMinutes" label="Repeat every (minutes)" type="number" min={1} defaultValue={values.repeatMinutes ?? "60"} />
      <fieldset className="text-sm">
        <legend className="mb-1 text-xs font-medium text-slate-700">Channels</legend>
        {channels.length === 0 ? <p className="text-slate-500">Create a channel first.</p> : null}
        {channels.map((channel) => (
          <label key={channel.id} className="mr-3 inline-flex items-center gap-1">
            <input type="checkbox" name="channelIds" value={channel.id} /> {channel.name}
          </label>
        ))}
      </fieldset>
      <div className="sm:col-span-2 space-y-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Create rule"}
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
