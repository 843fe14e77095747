import type { NodeKind } from "@/lib/flows/schema";

/*
 * The draft as the editor holds it. Mirrors DraftNode / DraftDefinition of
 * lib/flows/schema.ts: ids, kinds, positions and edges are always sound, but a
 * node's config may be invalid while the analyst is still filling it in, so it
 * stays `unknown` here and is only parsed by validateGraph and the inspector.
 */
export type Position = { x: number; y: number };

export type DraftNode = { id: string; kind: NodeKind; position: Position; label?: string; config: unknown };

export type DraftEdge = { id: string; source: string; target: string; sourceHandle?: string | null; targetHandle?: string | null };

/** What undo/redo, copy/paste and autosave work on; the definition minus its schemaVersion. */
export type DraftGraph = { nodes: DraftNode[]; edges: DraftEdge[] };

export type DraftDefinition = DraftGraph & { schemaVersion: 1 };

export function toDefinition(graph: DraftGraph): DraftDefinition {
  return { schemaVersion: 1, nodes: graph.nodes, edges: graph.edges };
}
