"use client";

import { useReactFlow } from "@xyflow/react";
import Link from "next/link";
import { useState } from "react";
import { isEditable } from "@/components/flow-editor/canvas/displayed-graph";
import { useEditorServices } from "@/components/flow-editor/editor-context";
import { useEditorStore, useEditorStoreApi } from "@/components/flow-editor/editor-store-context";
import { ImportExportButtons } from "@/components/flow-editor/toolbar/import-export-buttons";
import { PublishDialog } from "@/components/flow-editor/toolbar/publish-dialog";
import { SaveStatus } from "@/components/flow-editor/toolbar/save-status";
import { Button } from "@/components/ui/button";

export function EditorToolbar({ flowName }: { flowName: string }) {
  const store = useEditorStoreApi();
  const { flowId, canPublish } = useEditorServices();
  const { fitView } = useReactFlow();
  const editable = useEditorStore(isEditable);
  const canUndo = useEditorStore((state) => isEditable(state) && state.history.past.length > 0);
  const canRedo = useEditorStore((state) => isEditable(state) && state.history.future.length > 0);
  const problemCount = useEditorStore((state) => state.problems.length);
  const notice = useEditorStore((state) => state.notice);
  const [publishing, setPublishing] = useState(false);
  const { undo, redo, layout } = store.getState();
  const blockedReason = problemCount > 0 ? `Fix ${problemCount} problem${problemCount === 1 ? "" : "s"} before publishing` : undefined;

  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-white px-3 py-2">
      <Link href={`/flows/${flowId}`} className="max-w-56 truncate font-semibold hover:underline" title="Back to the flow">
        ← {flowName}
      </Link>
      <SaveStatus />
      {notice ? (
        <span role="status" data-testid="editor-notice" className="max-w-sm truncate rounded bg-slate-100 px-2 py-0.5 text-sm text-slate-700" title={notice}>
          {notice}
        </span>
      ) : null}
      <div className="ml-auto flex flex-wrap items-center gap-1.5">
        <Button variant="secondary" onClick={undo} disabled={!canUndo} title="Undo (Ctrl+Z)">
          Undo
        </Button>
        <Button variant="secondary" onClick={redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
          Redo
        </Button>
        <Button variant="secondary" onClick={layout} disabled={!editable} title="Arrange the nodes left to right">
          Auto-layout
        </Button>
        <Button variant="secondary" onClick={() => void fitView({ duration: 200, maxZoom: 1 })} title="Show the whole flow">
          Fit
        </Button>
        <ImportExportButtons />
        {canPublish ? (
          // A disabled button gets no hover events, so the reason sits on its wrapper and in text beside it.
          <span title={blockedReason} className="flex items-center gap-1.5">
            {blockedReason ? (
              <span className="text-xs text-red-700" data-testid="publish-blocked">
                {problemCount} problem{problemCount === 1 ? "" : "s"}
              </span>
            ) : null}
            <Button onClick={() => setPublishing(true)} disabled={!editable || problemCount > 0} aria-describedby={blockedReason ? "publish-blocked-reason" : undefined}>
              Publish
            </Button>
            {blockedReason ? (
              <span id="publish-blocked-reason" className="sr-only">
                {blockedReason}
              </span>
            ) : null}
          </span>
        ) : null}
      </div>
      <PublishDialog open={publishing} onClose={() => setPublishing(false)} />
    </div>
  );
}
