"use client";

import { useActionState } from "react";
import { IDLE, echoKey, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASSES, SelectField } from "@/components/ui/field";

/** A stored rule as the edit form starts from it. */
export type AlertRuleFormRule = {
  id: string;
  name: string;
  kind: string;
  params: unknown;
  flowId: string | null;
  connectorKey: string | null;
  channelIds: string[];
  repeatMinutes: number;
};

type AlertRuleFormProps = {
  action: FormAction;
  /** Kind → an example of its params, shown above the params field. */
  kinds: Record<string, string>;
  channels: Array<{ id: string; name: string }>;
  /** Editing this rule (its kind is fixed); absent: a new rule. */
  rule?: AlertRuleFormRule;
};

/** New or edited rule. Params are JSON: each kind has its own fields, checked by its schema on the server. */
export function AlertRuleForm({ action, kinds, channels, rule }: AlertRuleFormProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  const values = state.status === "error" ? state.values : {};
  const id = (field: string) => (rule ? `rule-${rule.id}-${field}` : `rule-${field}`);
  const checked = new Set(state.status === "error" ? [] : (rule?.channelIds ?? []));
  return (
    <form key={echoKey(state)} action={formAction} className="grid gap-3 sm:grid-cols-2" noValidate aria-label={rule ? `Edit alert rule ${rule.name}` : "New alert rule"}>
      {rule ? <input type="hidden" name="ruleId" value={rule.id} /> : null}
      <Field id={id("name")} name="name" label="Name" defaultValue={values.name ?? rule?.name} required />
      {rule ? (
        <Field id={id("kind")} label="Kind (fixed)" defaultValue={rule.kind} disabled />
      ) : (
        <SelectField id={id("kind")} name="kind" label="Kind" options={Object.keys(kinds)} defaultValue={values.kind} />
      )}
      <div className="sm:col-span-2">
        <label htmlFor={id("params")} className="mb-1 block text-xs font-medium text-slate-700">
          Params (JSON) — e.g. {Object.entries(kinds).filter(([kind]) => !rule || kind === rule.kind).map(([kind, example]) => `${kind}: ${example}`).join(" · ")}
        </label>
        <textarea
          id={id("params")}
          name="params"
          rows={2}
          className={`${INPUT_CLASSES} font-mono`}
          defaultValue={values.params ?? (rule ? JSON.stringify(rule.params) : '{"percent": 50, "windowMinutes": 15, "minRuns": 5}')}
        />
      </div>
      <Field id={id("flow")} name="flowId" label="Flow id (optional)" defaultValue={values.flowId ?? rule?.flowId ?? undefined} />
      <Field id={id("connector")} name="connectorKey" label="Connector key (optional)" defaultValue={values.connectorKey ?? rule?.connectorKey ?? undefined} />
      <Field id={id("repeat")} name="repeatMinutes" label="Repeat every (minutes)" type="number" min={1} defaultValue={values.repeatMinutes ?? String(rule?.repeatMinutes ?? 60)} />
      <fieldset className="text-sm">
        <legend className="mb-1 text-xs font-medium text-slate-700">Channels</legend>
        {channels.length === 0 ? <p className="text-slate-500">Create a channel first.</p> : null}
        {channels.map((channel) => (
          <label key={channel.id} className="mr-3 inline-flex items-center gap-1">
            <input type="checkbox" name="channelIds" value={channel.id} defaultChecked={checked.has(channel.id)} /> {channel.name}
          </label>
        ))}
      </fieldset>
      <div className="sm:col-span-2 space-y-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : rule ? "Save rule" : "Create rule"}
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
