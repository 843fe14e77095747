"use client";

import { rollbackTo } from "@/components/flow-editor/api/editor-api";
import { useEditorStoreApi } from "@/components/flow-editor/editor-store-context";
import { refreshVersions } from "@/components/flow-editor/hooks/refresh-versions";
import { usePendingAction } from "@/components/flow-editor/hooks/use-pending-action";
import { Button } from "@/components/ui/button";
import { ModalDialog } from "@/components/ui/modal-dialog";

/** Confirms a rollback, which publishes a copy of the old version as the newest; the draft stays as it is. */
export function RollbackDialog({ versionNumber, onClose }: { versionNumber: number | null; onClose: () => void }) {
  const store = useEditorStoreApi();
  const { pending, error, run } = usePendingAction();

  const confirm = (versionNumber: number) =>
    run(async () => {
      const version = await rollbackTo(store.getState().flowId, versionNumber);
      await refreshVersions(store, version.id);
      store.getState().setNotice(`Published v${version.number}: ${version.message}`);
      onClose();
    }, "Rollback failed");

  return (
    <ModalDialog open={versionNumber !== null} onClose={onClose} title={`Roll back to v${versionNumber ?? ""}?`}>
      <p className="text-sm text-slate-700">
        This publishes a copy of v{versionNumber} as the newest version, so new events run on it. Version numbers only count up; your draft is not changed.
      </p>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="danger" onClick={() => versionNumber !== null && void confirm(versionNumber)} disabled={pending}>
          {pending ? "Rolling back…" : `Roll back to v${versionNumber ?? ""}`}
        </Button>
      </div>
    </ModalDialog>
  );
}
