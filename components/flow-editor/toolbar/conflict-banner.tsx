"use client";

import { fetchFlow } from "@/components/flow-editor/api/editor-api";
import { useEditorStore, useEditorStoreApi } from "@/components/flow-editor/editor-store-context";
import { usePendingAction } from "@/components/flow-editor/hooks/use-pending-action";
import { Button } from "@/components/ui/button";

/**
 * Shown when a save was refused because the draft changed on the server.
 * The local draft stays on the canvas until the analyst chooses: take the
 * newer draft (their own edits stay one Ctrl+Z away) or save theirs over it.
 */
export function ConflictBanner() {
  const store = useEditorStoreApi();
  const save = useEditorStore((state) => state.save);
  const { pending, error, run } = usePendingAction();
  if (save.status !== "conflict") return null;

  const reloadTheirs = () =>
    run(async () => {
      const flow = await fetchFlow(store.getState().flowId);
      store.getState().replaceDraft(flow.draft, flow.draftRevision, flow.editorSample ?? undefined);
    }, "Could not load the newer draft");

  return (
    <div role="alert" data-testid="conflict-banner" className="flex flex-wrap items-center gap-3 border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900">
      <span>
        Someone else saved this draft (revision {save.currentRevision}). Your changes are kept here.
        <span className="block text-xs text-red-800">{save.message}</span>
      </span>
      <div className="ml-auto flex gap-2">
        <Button variant="secondary" onClick={() => void reloadTheirs()} disabled={pending}>
          Reload theirs
        </Button>
        <Button variant="danger" onClick={() => store.getState().overwriteRevision(save.currentRevision)}>
          Overwrite with mine
        </Button>
      </div>
      {error ? <span className="w-full text-red-700">{error}</span> : null}
    </div>
  );
}
