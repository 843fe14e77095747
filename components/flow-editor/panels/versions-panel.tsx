"use client";

import { useState } from "react";
import { fetchVersion } from "@/components/flow-editor/api/editor-api";
import { useEditorServices } from "@/components/flow-editor/editor-context";
import { useEditorStore, useEditorStoreApi } from "@/components/flow-editor/editor-store-context";
import { CompareForm } from "@/components/flow-editor/panels/compare-form";
import { RollbackDialog } from "@/components/flow-editor/panels/rollback-dialog";
import { usePendingAction } from "@/components/flow-editor/hooks/use-pending-action";
import { formatDateTime } from "@/components/ui/format-date-time";

/** Published versions, newest first: view one on the canvas, compare two, or roll back to one. */
export function VersionsPanel() {
  const store = useEditorStoreApi();
  const { canPublish } = useEditorServices();
  const versions = useEditorStore((state) => state.versions);
  const publishedVersionId = useEditorStore((state) => state.publishedVersionId);
  const viewing = useEditorStore((state) => (state.overlay?.mode === "view" ? state.overlay.version.number : null));
  const [rollback, setRollback] = useState<number | null>(null);
  const { error, run } = usePendingAction();

  const view = (versionNumber: number) =>
    run(async () => store.getState().setOverlay({ mode: "view", version: await fetchVersion(store.getState().flowId, versionNumber) }), "Could not open the version");

  if (versions.length === 0) return <p className="text-sm text-slate-600">No versions yet. Publish the draft to create v1.</p>;
  return (
    <div className="space-y-5">
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" data-testid="versions-list">
        {versions.map((version) => (
          <li key={version.id} className="space-y-1 px-3 py-2 text-sm" data-testid={`version-row-${version.number}`}>
            <div className="flex items-center gap-2">
              <span className="font-semibold">v{version.number}</span>
              {version.id === publishedVersionId ? <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs text-emerald-800">live</span> : null}
              <span className="text-xs text-slate-500">{version.environment}</span>
              <span className="ml-auto text-xs text-slate-500" title={version.createdAt}>
                {formatDateTime(new Date(version.createdAt))}
              </span>
            </div>
            <p className="text-slate-700">{version.message || <span className="text-slate-400">No message</span>}</p>
            <p className="text-xs text-slate-500">{version.author ? version.author.name || version.author.email : "unknown author"}</p>
            <div className="flex gap-3 text-xs">
              <button type="button" className="font-medium text-sky-700 hover:underline disabled:text-slate-400" disabled={viewing === version.number} onClick={() => void view(version.number)} aria-label={`View v${version.number}`}>
                View
              </button>
              {canPublish && version.id !== publishedVersionId ? (
                <button type="button" className="font-medium text-red-700 hover:underline" onClick={() => setRollback(version.number)} aria-label={`Roll back to v${version.number}`}>
                  Roll back to this version
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      <CompareForm />
      <RollbackDialog versionNumber={rollback} onClose={() => setRollback(null)} />
    </div>
  );
}
