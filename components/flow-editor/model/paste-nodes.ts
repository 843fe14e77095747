import { uniqueNodeId } from "@/components/flow-editor/model/add-node";
import { edgeId } from "@/components/flow-editor/model/connect-nodes";
import type { Clipboard } from "@/components/flow-editor/model/copy-selection";
import type { DraftEdge, DraftGraph, DraftNode, Position } from "@/components/flow-editor/model/types";

export type PasteResult = { graph: DraftGraph; nodeIds: string[] };

/**
 * Adds the clipboard's nodes with fresh ids, shifted by `offset` so the copy
 * does not hide the original, and its inner edges rewired to the new ids.
 */
export function pasteNodes(graph: DraftGraph, clipboard: Clipboard, offset: Position): PasteResult {
  const renamed = new Map<string, string>();
  const nodes: DraftNode[] = clipboard.nodes.map((node) => {
    const id = uniqueNodeId(graph, node.id, new Set(renamed.values()));
    renamed.set(node.id, id);
    return { ...structuredClone(node), id, position: { x: node.position.x + offset.x, y: node.position.y + offset.y } };
  });
  const edges: DraftEdge[] = clipboard.edges.flatMap((edge) => {
    const source = renamed.get(edge.source);
    const target = renamed.get(edge.target);
    if (source === undefined || target === undefined) return [];
    return [{ ...edge, id: edgeId(source, edge.sourceHandle ?? "out", target), source, target }];
  });
  return { graph: { nodes: [...graph.nodes, ...nodes], edges: [...graph.edges, ...edges] }, nodeIds: nodes.map((node) => node.id) };
}
