"use client";

import { useCallback, useMemo } from "react";
import { displayedGraph, isEditable } from "@/components/flow-editor/canvas/displayed-graph";
import { useEditorServices } from "@/components/flow-editor/editor-context";
import { useEditorStore, useEditorStoreApi } from "@/components/flow-editor/editor-store-context";
import { NodeInspector } from "@/components/flow-editor/inspector/node-inspector";

/** The selected node's inspector; several selected nodes or none get a hint instead. */
export function InspectorPanel() {
  const store = useEditorStoreApi();
  const { credentials, hookUrl } = useEditorServices();
  const selected = useEditorStore((state) => state.selectedNodeIds);
  const allProblems = useEditorStore((state) => state.problems);
  const sample = useEditorStore((state) => state.sample);
  const editable = useEditorStore(isEditable);
  const nodeId = selected.length === 1 ? selected[0] : undefined;
  const current = useEditorStore((state) => displayedGraph(state).nodes.find((candidate) => candidate.id === nodeId));
  // A drag changes only the position, which the inspector does not show: keep the
  // same node object then, so its forms do not re-render on every pointer move.
  const node = useMemo(() => current, [current?.id, current?.kind, current?.label, current?.config]);
  const problems = useMemo(() => allProblems.filter((problem) => problem.nodeId === nodeId), [allProblems, nodeId]);
  const onChange = useCallback((patch: { config?: unknown; label?: string }) => {
    if (nodeId) store.getState().updateNode(nodeId, patch);
  }, [store, nodeId]);

  if (selected.length > 1) return <p className="text-sm text-slate-600">{selected.length} nodes selected. Ctrl+C copies them, Delete removes them.</p>;
  if (!node) return <p className="text-sm text-slate-600">Select a node to edit it. Drag kinds from the palette onto the canvas, then connect an output (right) to an input (left).</p>;
  return (
    <div data-testid="inspector" data-node-id={node.id}>
      <NodeInspector key={node.id} node={node} sample={sample} problems={problems} credentials={credentials} hookUrl={hookUrl} readOnly={!editable} onChange={onChange} />
    </div>
  );
}
