"use client";

import type { FormEvent } from "react";
import { publishDraft } from "@/components/flow-editor/api/editor-api";
import { useEditorServices } from "@/components/flow-editor/editor-context";
import { useEditorStoreApi } from "@/components/flow-editor/editor-store-context";
import { refreshVersions } from "@/components/flow-editor/hooks/refresh-versions";
import { usePendingAction } from "@/components/flow-editor/hooks/use-pending-action";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { ModalDialog } from "@/components/ui/modal-dialog";

/** Saves what is pending, then freezes the draft as the next version with a message. */
export function PublishDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const store = useEditorStoreApi();
  const { flowId, environments, flushSave } = useEditorServices();
  const { pending, error, run } = usePendingAction();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    return run(async () => {
      // Publishing takes the stored draft, so it must hold what is on the canvas.
      if (!(await flushSave())) throw new Error("The draft could not be saved; see the save status above");
      const version = await publishDraft(flowId, { message: String(form.get("message") ?? ""), environment: String(form.get("environment") ?? "production") });
      await refreshVersions(store, version.id);
      store.getState().setNotice(`Published v${version.number}`);
      onClose();
    }, "Publishing failed");
  };

  return (
    <ModalDialog open={open} onClose={onClose} title="Publish the draft">
      <form onSubmit={(event) => void submit(event)} className="space-y-3">
        <p className="text-sm text-slate-600">The draft becomes the next immutable version, and new events run on it.</p>
        <Field id="publish-message" name="message" label="Version message" placeholder="What changed?" maxLength={500} autoFocus />
        <SelectField id="publish-environment" name="environment" label="Environment" options={environments} defaultValue="production" />
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? "Publishing…" : "Publish"}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
