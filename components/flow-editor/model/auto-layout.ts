import { Graph, layout } from "@dagrejs/dagre";
import type { DraftGraph } from "@/components/flow-editor/model/types";

export type NodeSize = { width: number; height: number };

/** What a card measures before React Flow has rendered it; close enough for a first layout. */
export const DEFAULT_NODE_SIZE: NodeSize = { width: 240, height: 84 };

/**
 * Lays the graph out left to right with dagre (trigger on the left, branches
 * fanning out to the right). Dagre places node centres; React Flow positions
 * are top-left corners, hence the half-size shift. Edges to missing nodes are
 * ignored rather than letting dagre invent nodes for them.
 */
export function autoLayout(graph: DraftGraph, sizeOf: (nodeId: string) => NodeSize | undefined = () => undefined): DraftGraph {
  if (graph.nodes.length === 0) return graph;
  const layoutGraph = new Graph({ multigraph: true });
  layoutGraph.setGraph({ rankdir: "LR", nodesep: 40, ranksep: 90, marginx: 20, marginy: 20 });
  layoutGraph.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(graph.nodes.map((node) => node.id));
  for (const node of graph.nodes) layoutGraph.setNode(node.id, { ...(sizeOf(node.id) ?? DEFAULT_NODE_SIZE) });
  for (const edge of graph.edges) {
    if (ids.has(edge.source) && ids.has(edge.target)) layoutGraph.setEdge(edge.source, edge.target, {}, edge.id);
  }
  layout(layoutGraph);
  const nodes = graph.nodes.map((node) => {
    const placed = layoutGraph.node(node.id) as { x: number; y: number; width: number; height: number };
    return { ...node, position: { x: Math.round(placed.x - placed.width / 2), y: Math.round(placed.y - placed.height / 2) } };
  });
  return { ...graph, nodes };
}
