import { isTriggerKind } from "@/lib/flows/schema";
import { NODE_DEFINITIONS } from "@/lib/nodes/registry";
import type { DraftEdge, DraftGraph } from "@/components/flow-editor/model/types";

export type ConnectRequest = { source: string; target: string; sourceHandle?: string | null; targetHandle?: string | null };
export type ConnectResult = { ok: true; graph: DraftGraph; edge: DraftEdge } | { ok: false; reason: string };

/**
 * Draws an edge if the handle rules allow it: a real output of the source,
 * no edge from a node to itself, nothing into a trigger, and at most one edge
 * per (source, output) → target. Rules that depend on the whole graph (one
 * input per node, no loops) are left to validateGraph, which names them as
 * problems instead of silently refusing the drag.
 */
export function connectNodes(graph: DraftGraph, request: ConnectRequest): ConnectResult {
  const check = checkConnection(graph, request);
  if (!check.ok) return check;
  const edge: DraftEdge = { id: edgeId(request.source, check.handle, request.target), source: request.source, target: request.target, sourceHandle: check.handle };
  return { ok: true, graph: { ...graph, edges: [...graph.edges, edge] }, edge };
}

export function checkConnection(graph: DraftGraph, request: ConnectRequest): { ok: true; handle: string } | { ok: false; reason: string } {
  const source = graph.nodes.find((node) => node.id === request.source);
  const target = graph.nodes.find((node) => node.id === request.target);
  if (!source || !target) return { ok: false, reason: "Both ends of a connection must be nodes on the canvas" };
  if (source.id === target.id) return { ok: false, reason: "A node cannot connect to itself" };
  if (isTriggerKind(target.kind)) return { ok: false, reason: `${NODE_DEFINITIONS[target.kind].label} is a trigger: it starts the flow and has no input` };
  const outputs = NODE_DEFINITIONS[source.kind].outputHandles;
  const handle = request.sourceHandle ?? outputs[0];
  if (handle === undefined || !outputs.includes(handle)) return { ok: false, reason: `${NODE_DEFINITIONS[source.kind].label} has no output "${handle}"` };
  const exists = graph.edges.some((edge) => edge.source === source.id && edge.target === target.id && (edge.sourceHandle ?? outputs[0]) === handle);
  if (exists) return { ok: false, reason: "These nodes are already connected through that output" };
  return { ok: true, handle };
}

/** Readable and unique for a (source, output, target) triple, which connectNodes allows only once. */
export function edgeId(source: string, handle: string, target: string): string {
  return `${source}:${handle}->${target}`;
}
