import type { NodeChange } from "@xyflow/react";
import type { NodeSize } from "@/components/flow-editor/model/auto-layout";
import type { CanvasNode } from "@/components/flow-editor/model/to-canvas-elements";
import type { DraftGraph, Position } from "@/components/flow-editor/model/types";

export type CanvasState = { graph: DraftGraph; selectedNodeIds: string[]; measured: Record<string, NodeSize> };

export type CanvasChangeResult = CanvasState & {
  /** Some node's position changed. */
  moved: boolean;
  /** The move is part of a mouse drag (one undo step when it ends), not a keyboard nudge. */
  dragging: boolean;
  /** The change selected exactly one node, e.g. a click on a card. */
  selectedOne: boolean;
};

/**
 * Folds React Flow's node changes into the editor's state: moves (only when
 * editable), selection and measured sizes. Removals are ignored, because
 * deleting goes through the editor's own command so it is one undo step.
 * Unchanged parts keep their identity, so memoized cards do not re-render.
 */
export function applyCanvasChanges(state: CanvasState, changes: readonly NodeChange<CanvasNode>[], editable: boolean): CanvasChangeResult {
  const positions = new Map<string, Position>();
  const selected = new Set(state.selectedNodeIds);
  let measured = state.measured;
  let dragging = false;
  let selectionChanged = false;
  let selectedSomething = false;
  for (const change of changes) {
    if (change.type === "position" && change.position && editable) {
      positions.set(change.id, { x: change.position.x, y: change.position.y });
      dragging ||= change.dragging === true;
    } else if (change.type === "select") {
      selectionChanged = true;
      selectedSomething ||= change.selected;
      if (change.selected) selected.add(change.id);
      else selected.delete(change.id);
    } else if (change.type === "dimensions" && change.dimensions) {
      const { width, height } = change.dimensions;
      const before = measured[change.id];
      if (before?.width !== width || before?.height !== height) measured = { ...measured, [change.id]: { width, height } };
    }
  }
  const graph = positions.size === 0 ? state.graph : { ...state.graph, nodes: state.graph.nodes.map((node) => withPosition(node, positions.get(node.id))) };
  return {
    graph,
    selectedNodeIds: selectionChanged ? [...selected] : state.selectedNodeIds,
    measured,
    moved: positions.size > 0,
    dragging,
    selectedOne: selectedSomething && selected.size === 1,
  };
}

function withPosition<T extends { position: Position }>(node: T, position: Position | undefined): T {
  if (!position || (position.x === node.position.x && position.y === node.position.y)) return node;
  return { ...node, position };
}
