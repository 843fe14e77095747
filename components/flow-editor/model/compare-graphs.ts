import type { DefinitionDiff } from "@/components/flow-editor/api/types";
import type { DraftGraph } from "@/components/flow-editor/model/types";

export type DiffMark = "added" | "changed" | "removed";

export type ComparedGraph = { graph: DraftGraph; marks: Record<string, DiffMark>; ghostIds: string[] };

/**
 * What the canvas shows for "compare A → B": B's graph, with A's removed
 * nodes (and A's edges that touched them) put back where they were, so a
 * deletion is visible as an outlined ghost instead of silently missing.
 */
export function compareGraphs(before: DraftGraph, after: DraftGraph, diff: DefinitionDiff): ComparedGraph {
  const removed = new Set(diff.nodes.removed);
  const ghosts = before.nodes.filter((node) => removed.has(node.id));
  const ghostEdges = before.edges.filter((edge) => (removed.has(edge.source) || removed.has(edge.target)) && !after.edges.some((kept) => kept.id === edge.id));
  const marks: Record<string, DiffMark> = {};
  for (const id of diff.nodes.added) marks[id] = "added";
  for (const { nodeId } of diff.nodes.changed) marks[nodeId] = "changed";
  for (const id of diff.nodes.removed) marks[id] = "removed";
  return { graph: { nodes: [...after.nodes, ...ghosts], edges: [...after.edges, ...ghostEdges] }, marks, ghostIds: ghosts.map((node) => node.id) };
}
