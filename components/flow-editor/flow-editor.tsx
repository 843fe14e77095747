"use client";

import { ReactFlowProvider } from "@xyflow/react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { EditorLinkTarget } from "@/lib/flows/resolve-editor-link";
import type { VersionSummary } from "@/components/flow-editor/api/types";
import { FlowCanvas } from "@/components/flow-editor/canvas/flow-canvas";
import { NodePalette } from "@/components/flow-editor/canvas/node-palette";
import { EditorServicesProvider, type EditorServices } from "@/components/flow-editor/editor-context";
import { createEditorStore } from "@/components/flow-editor/editor-store";
import { EditorStoreProvider } from "@/components/flow-editor/editor-store-context";
import { startAutosave, type Autosave } from "@/components/flow-editor/hooks/autosave";
import { useEditorShortcuts } from "@/components/flow-editor/hooks/use-editor-shortcuts";
import { useGraphValidation } from "@/components/flow-editor/hooks/use-graph-validation";
import { useUnsavedWarning } from "@/components/flow-editor/hooks/use-unsaved-warning";
import type { DraftDefinition } from "@/components/flow-editor/model/types";
import { OverlayBanner } from "@/components/flow-editor/panels/overlay-banner";
import { SidePanel } from "@/components/flow-editor/panels/side-panel";
import { ConflictBanner } from "@/components/flow-editor/toolbar/conflict-banner";
import { EditorToolbar } from "@/components/flow-editor/toolbar/editor-toolbar";

export type FlowEditorProps = {
  flow: {
    id: string;
    name: string;
    draft: DraftDefinition;
    draftRevision: number;
    editorSample: unknown;
    publishedVersionId: string | null;
    unsignedWebhooksAllowed: boolean;
  };
  versions: VersionSummary[];
  /** What a link asked the canvas to open (a version, a node), or why it could not. */
  opened: EditorLinkTarget;
  credentials: EditorServices["credentials"];
  hookUrl: string;
  environments: readonly string[];
  permissions: { canWrite: boolean; canPublish: boolean; canDryRun: boolean };
};

export function FlowEditor({ flow, versions, opened, credentials, hookUrl, environments, permissions }: FlowEditorProps) {
  const [store] = useState(() => {
    const created = createEditorStore({
      flowId: flow.id,
      readOnly: !permissions.canWrite,
      unsignedWebhooksAllowed: flow.unsignedWebhooksAllowed,
      graph: { nodes: flow.draft.nodes, edges: flow.draft.edges },
      sample: flow.editorSample ?? undefined,
      revision: flow.draftRevision,
      versions,
      publishedVersionId: flow.publishedVersionId,
    });
    created.getState().openLinked(opened);
    return created;
  });
  const autosave = useRef<Autosave | null>(null);
  useEffect(() => {
    const started = startAutosave(store);
    autosave.current = started;
    return () => started.dispose();
  }, [store]);
  useEditorShortcuts(store);
  useGraphValidation(store);
  useUnsavedWarning(store);

  const services = useMemo<EditorServices>(
    () => ({
      flowId: flow.id,
      hookUrl,
      environments,
      credentials,
      canPublish: permissions.canPublish,
      canDryRun: permissions.canDryRun,
      flushSave: () => autosave.current?.flush() ?? Promise.resolve(false),
    }),
    [flow.id, hookUrl, environments, credentials, permissions.canPublish, permissions.canDryRun],
  );

  return (
    <EditorStoreProvider store={store}>
      <EditorServicesProvider value={services}>
        <ReactFlowProvider>
          <div data-flow-editor className="flex h-[calc(100vh-7rem)] min-h-[560px] flex-col overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
            <EditorToolbar flowName={flow.name} />
            <ConflictBanner />
            <OverlayBanner />
            {permissions.canWrite ? null : (
              <p className="border-b border-slate-200 bg-slate-50 px-4 py-1.5 text-sm text-slate-600">Read-only: your role can look at this flow but not change it.</p>
            )}
            <div className="flex min-h-0 flex-1">
              {permissions.canWrite ? (
                <aside className="w-44 shrink-0 overflow-y-auto border-r border-slate-200 bg-slate-50 p-3">
                  <NodePalette />
                </aside>
              ) : null}
              <div className="min-w-0 flex-1">
                <FlowCanvas />
              </div>
              <aside className="w-[26rem] shrink-0 border-l border-slate-200">
                <SidePanel />
              </aside>
            </div>
          </div>
        </ReactFlowProvider>
      </EditorServicesProvider>
    </EditorStoreProvider>
  );
}
