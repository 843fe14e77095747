import type { DraftGraph } from "@/components/flow-editor/model/types";

/** A detached copy of some nodes and the edges between them; edges to nodes left behind are not copied. */
export type Clipboard = DraftGraph;

export function copySelection(graph: DraftGraph, nodeIds: readonly string[]): Clipboard | null {
  const ids = new Set(nodeIds);
  const nodes = graph.nodes.filter((node) => ids.has(node.id));
  if (nodes.length === 0) return null;
  const edges = graph.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
  // A deep copy, so editing the original after Ctrl+C does not change what Ctrl+V pastes.
  return structuredClone({ nodes, edges });
}
