import type { NodeKind } from "@/lib/flows/schema";
import { NODE_DEFINITIONS } from "@/lib/nodes/registry";
import type { DraftGraph, DraftNode, Position } from "@/components/flow-editor/model/types";

export type AddNodeResult = { graph: DraftGraph; node: DraftNode };

/**
 * Adds a node of `kind` with the registry's starter config. Its id is the
 * kind itself ("map-fields"), then "map-fields-2", … so ids stay readable in
 * templates ({{steps.map-fields.x}}) and in run logs.
 */
export function addNode(graph: DraftGraph, kind: NodeKind, position: Position): AddNodeResult {
  const node: DraftNode = { id: uniqueNodeId(graph, kind), kind, position, config: NODE_DEFINITIONS[kind].defaultConfig() };
  return { graph: { ...graph, nodes: [...graph.nodes, node] }, node };
}

export function uniqueNodeId(graph: Pick<DraftGraph, "nodes">, base: string, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set([...graph.nodes.map((node) => node.id), ...taken]);
  if (!used.has(base)) return base;
  // A copied "map-fields-3" becomes "map-fields-4", not "map-fields-3-2".
  const stem = base.replace(/-\d+$/, "");
  for (let counter = 2; ; counter += 1) {
    const candidate = `${stem}-${counter}`;
    if (!used.has(candidate)) return candidate;
  }
}
