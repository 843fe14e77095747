import type { Edge, Node } from "@xyflow/react";
import type { NodeKind } from "@/lib/flows/schema";
import { NODE_DEFINITIONS } from "@/lib/nodes/registry";
import type { NodeSize } from "@/components/flow-editor/model/auto-layout";
import type { DraftEdge, DraftGraph, DraftNode } from "@/components/flow-editor/model/types";

export type CanvasNodeData = { node: DraftNode; ghost: boolean };
/** One React Flow node type per kind, so `nodeTypes` is derived from the registry. */
export type CanvasNode = Node<CanvasNodeData, NodeKind>;
export type CanvasEdge = Edge;

export type CanvasOptions = {
  selectedNodeIds: readonly string[];
  selectedEdgeIds: readonly string[];
  measured: Record<string, NodeSize>;
  /** Nodes only shown for a comparison (removed since the older version). */
  ghostIds?: readonly string[];
};

// Converted elements are reused while their draft object and view state are
// unchanged: React Flow and the memoized cards then skip them on re-render.
const nodeCache = new WeakMap<DraftNode, CanvasNode>();
const edgeCache = new WeakMap<DraftEdge, CanvasEdge>();

export function toCanvasNodes(graph: DraftGraph, options: CanvasOptions): CanvasNode[] {
  const selected = new Set(options.selectedNodeIds);
  const ghosts = new Set(options.ghostIds ?? []);
  return graph.nodes.map((node) => {
    const isSelected = selected.has(node.id);
    const ghost = ghosts.has(node.id);
    const measured = options.measured[node.id];
    const cached = nodeCache.get(node);
    if (cached && cached.selected === isSelected && cached.data.ghost === ghost && cached.measured === measured) return cached;
    const converted: CanvasNode = { id: node.id, type: node.kind, position: node.position, data: { node, ghost }, selected: isSelected, measured, deletable: false };
    nodeCache.set(node, converted);
    return converted;
  });
}

export function toCanvasEdges(graph: DraftGraph, options: Pick<CanvasOptions, "selectedEdgeIds">): CanvasEdge[] {
  const selected = new Set(options.selectedEdgeIds);
  const kinds = new Map(graph.nodes.map((node) => [node.id, node.kind]));
  return graph.edges.map((edge) => {
    const isSelected = selected.has(edge.id);
    const cached = edgeCache.get(edge);
    if (cached && cached.selected === isSelected) return cached;
    const kind = kinds.get(edge.source);
    // Branch edges carry their branch's name, so "true"/"found" reads on the line too.
    const branched = kind !== undefined && NODE_DEFINITIONS[kind].outputHandles.length > 1;
    const converted: CanvasEdge = {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      sourceHandle: edge.sourceHandle ?? null,
      targetHandle: edge.targetHandle ?? null,
      selected: isSelected,
      deletable: false,
      ...(branched && edge.sourceHandle ? { label: edge.sourceHandle } : {}),
    };
    edgeCache.set(edge, converted);
    return converted;
  });
}
