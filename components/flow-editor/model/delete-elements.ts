import type { DraftGraph } from "@/components/flow-editor/model/types";

export type DeleteRequest = { nodeIds?: readonly string[]; edgeIds?: readonly string[] };

/** Removes the nodes, every edge touching them, and the given edges; the same graph object when nothing matched. */
export function deleteElements(graph: DraftGraph, { nodeIds = [], edgeIds = [] }: DeleteRequest): DraftGraph {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  const keptNodes = graph.nodes.filter((node) => !nodes.has(node.id));
  const keptEdges = graph.edges.filter((edge) => !edges.has(edge.id) && !nodes.has(edge.source) && !nodes.has(edge.target));
  if (keptNodes.length === graph.nodes.length && keptEdges.length === graph.edges.length) return graph;
  return { nodes: keptNodes, edges: keptEdges };
}
