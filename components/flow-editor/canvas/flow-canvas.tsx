"use client";

import "@xyflow/react/dist/style.css";
import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type Connection, type Edge, type IsValidConnection } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useState, type DragEvent } from "react";
import { NODE_KINDS, type NodeKind } from "@/lib/flows/schema";
import { displayedGraph, ghostIdsOf, isEditable } from "@/components/flow-editor/canvas/displayed-graph";
import { NODE_TYPES } from "@/components/flow-editor/canvas/node-types";
import { PALETTE_MIME } from "@/components/flow-editor/canvas/node-palette";
import { useEditorStore, useEditorStoreApi } from "@/components/flow-editor/editor-store-context";
import { DEFAULT_NODE_SIZE } from "@/components/flow-editor/model/auto-layout";
import { checkConnection } from "@/components/flow-editor/model/connect-nodes";
import { toCanvasEdges, toCanvasNodes } from "@/components/flow-editor/model/to-canvas-elements";

const MULTI_SELECT_KEYS = ["Meta", "Control", "Shift"];

function isNodeKind(value: string): value is NodeKind {
  return (NODE_KINDS as readonly string[]).includes(value);
}

/**
 * React Flow, controlled by the editor store: nodes and edges are derived
 * from the draft (or the version shown), and every change goes back through
 * a store action. Deleting is the editor's own command (Delete/Backspace in
 * useEditorShortcuts), so React Flow's delete key is off.
 */
export function FlowCanvas() {
  const store = useEditorStoreApi();
  const graph = useEditorStore(displayedGraph);
  const ghostIds = useEditorStore(ghostIdsOf);
  const selectedNodeIds = useEditorStore((state) => state.selectedNodeIds);
  const selectedEdgeIds = useEditorStore((state) => state.selectedEdgeIds);
  const measured = useEditorStore((state) => state.measured);
  const editable = useEditorStore(isEditable);
  const focus = useEditorStore((state) => state.focus);
  const { applyNodeChanges, applyEdgeChanges, endDrag } = store.getState();
  const { screenToFlowPosition, fitView } = useReactFlow();
  // Fit once to the loaded flow. An empty canvas must not fit, or React Flow
  // would re-fit on the first dropped node and move the view under the pointer.
  const [fitOnLoad] = useState(() => store.getState().graph.nodes.length > 0);

  const nodes = useMemo(() => toCanvasNodes(graph, { selectedNodeIds, selectedEdgeIds, measured, ghostIds }), [graph, selectedNodeIds, selectedEdgeIds, measured, ghostIds]);
  const edges = useMemo(() => toCanvasEdges(graph, { selectedEdgeIds }), [graph, selectedEdgeIds]);

  const onConnect = useCallback((connection: Connection) => store.getState().connect(connection), [store]);
  const isValidConnection = useCallback<IsValidConnection<Edge>>((connection) => checkConnection(store.getState().graph, connection).ok, [store]);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME);
      if (!isNodeKind(kind)) return;
      event.preventDefault();
      // The card's centre lands under the pointer, not its top-left corner.
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      store.getState().addNodeAt(kind, { x: Math.round(point.x - DEFAULT_NODE_SIZE.width / 2), y: Math.round(point.y - DEFAULT_NODE_SIZE.height / 2) });
    },
    [screenToFlowPosition, store],
  );

  useEffect(() => {
    if (focus) void fitView({ nodes: [{ id: focus.nodeId }], duration: 300, maxZoom: 1.2 });
  }, [focus, fitView]);

  return (
    <div className="h-full w-full" data-testid="flow-canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={applyNodeChanges}
        onEdgesChange={applyEdgeChanges}
        onNodeDragStop={endDrag}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        nodesDraggable={editable}
        nodesConnectable={editable}
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionKeyCode="Shift"
        minZoom={0.1}
        fitView={fitOnLoad}
        fitViewOptions={{ maxZoom: 1 }}
      >
        <Background gap={16} />
        <MiniMap pannable zoomable ariaLabel="Minimap" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
