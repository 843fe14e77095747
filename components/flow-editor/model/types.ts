import type { DraftDefinition, DraftNode, FlowEdge } from "@/lib/flows/schema";

/*
 * The draft as the editor holds it (lib/flows/schema.ts): ids, kinds,
 * positions and edges are always sound, but a node's config may be invalid
 * while the analyst is still filling it in; only validateGraph and the
 * inspector parse it.
 */
export type { DraftDefinition, DraftNode };

export type DraftEdge = FlowEdge;

export type Position = DraftNode["position"];

export type DraftConfig = DraftNode["config"];

/** What undo/redo, copy/paste and autosave work on; the definition minus its schemaVersion. */
export type DraftGraph = Pick<DraftDefinition, "nodes" | "edges">;

export function toDefinition(graph: DraftGraph): DraftDefinition {
  return { schemaVersion: 1, nodes: graph.nodes, edges: graph.edges };
}

/** A node config must stay a JSON object; anything else from a form is not applied. */
export function isDraftConfig(value: unknown): value is DraftConfig {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
