"use client";

import { useActionState } from "react";
import { IDLE, echoKey, type ActionState, type FormAction } from "@/components/forms/action-state";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";

// Environments come from the page, as for the credential form: lib/credentials/schema.ts
// parses host names with node:net, which must stay out of the browser bundle.
type PublishFormProps = { flowId: string; environments: readonly string[]; action: FormAction };

export function PublishForm({ flowId, environments, action }: PublishFormProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  const values = state.status === "error" ? state.values : {};
  return (
    <form key={echoKey(state)} action={formAction} className="space-y-3">
      <input type="hidden" name="flowId" value={flowId} />
      <div className="flex items-end gap-2">
        <Field
          id="publish-message"
          name="message"
          label="Version message"
          placeholder="What changed?"
          maxLength={500}
          defaultValue={values.message}
          className="flex-1"
        />
        {/* Which credential set the version's runs use; production unless the user picks sandbox. */}
        <SelectField
          id="publish-environment"
          name="environment"
          label="Environment"
          options={environments}
          defaultValue={values.environment ?? "production"}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Publishing…" : "Publish"}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
