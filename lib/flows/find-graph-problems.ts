import { isTriggerKind, type FlowEdge, type FlowSkeleton, type NodeKind } from "@/lib/flows/schema";
import type { GraphProblem } from "@/lib/flows/validate-graph";
import { NODE_DEFINITIONS } from "@/lib/nodes/registry";

type SkeletonNode = FlowSkeleton["nodes"][number];

/**
 * The structural rules of schemaVersion 1: one trigger, unique ids, edges
 * between existing nodes through real handles, and a tree hanging off the
 * trigger (no merges, no loops, nothing stranded), which is what the
 * executor walks.
 */
export function findGraphProblems(graph: FlowSkeleton): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const nodes = new Map<string, SkeletonNode>();
  for (const node of graph.nodes) {
    if (nodes.has(node.id)) problems.push({ nodeId: node.id, message: `Node id "${node.id}" is used by more than one node` });
    else nodes.set(node.id, node);
  }
  const edgeIds = new Set<string>();
  for (const edge of graph.edges) {
    if (edgeIds.has(edge.id)) problems.push({ edgeId: edge.id, message: `Edge id "${edge.id}" is used by more than one edge` });
    edgeIds.add(edge.id);
  }

  const triggers = graph.nodes.filter((node) => isTriggerKind(node.kind));
  if (triggers.length === 0) problems.push({ message: "The flow needs a trigger: add a webhook, schedule or manual trigger" });
  for (const extra of triggers.slice(1)) {
    problems.push({ nodeId: extra.id, message: `A flow has exactly one trigger; remove "${extra.id}" or the other trigger` });
  }

  const usable = graph.edges.filter((edge) => checkEdge(edge, nodes, problems));
  const incoming = new Map<string, number>();
  for (const edge of usable) incoming.set(edge.target, (incoming.get(edge.target) ?? 0) + 1);
  for (const [nodeId, count] of incoming) {
    if (count > 1) problems.push({ nodeId, message: `"${nodeId}" has ${count} incoming edges; a node can have only one (branches cannot merge yet)` });
  }

  const inCycle = findCycles(graph.nodes, usable, problems);
  const trigger = triggers[0];
  if (triggers.length === 1 && trigger) {
    const reached = reachableFrom(trigger.id, usable);
    for (const node of nodes.values()) {
      if (!reached.has(node.id) && !inCycle.has(node.id) && !isTriggerKind(node.kind)) {
        problems.push({ nodeId: node.id, message: `"${node.id}" is not connected to the trigger, so it would never run` });
      }
    }
  }
  return problems;
}

/** Reports what is wrong with one edge; only edges between existing nodes are used further. */
function checkEdge(edge: FlowEdge, nodes: Map<string, SkeletonNode>, problems: GraphProblem[]): boolean {
  const source = nodes.get(edge.source);
  const target = nodes.get(edge.target);
  if (!source) problems.push({ edgeId: edge.id, message: `Edge "${edge.id}" starts at "${edge.source}", which does not exist` });
  if (!target) problems.push({ edgeId: edge.id, message: `Edge "${edge.id}" ends at "${edge.target}", which does not exist` });
  if (!source || !target) return false;
  const handleProblem = describeHandleProblem(source.kind, source.id, edge.sourceHandle);
  if (handleProblem) problems.push({ edgeId: edge.id, nodeId: source.id, message: `Edge "${edge.id}" ${handleProblem}` });
  if (isTriggerKind(target.kind)) problems.push({ edgeId: edge.id, nodeId: target.id, message: `Edge "${edge.id}" leads into the trigger "${target.id}"; triggers cannot have incoming edges` });
  return true;
}

function describeHandleProblem(kind: NodeKind, nodeId: string, handle: string | null | undefined): string | undefined {
  const { outputHandles, label } = NODE_DEFINITIONS[kind];
  const choices = outputHandles.join(", ");
  if (handle === null || handle === undefined) {
    // The executor follows a handle-less edge as "out" (a dedup's main path); filter and lookup have no "out".
    return outputHandles.length === 1 || outputHandles.includes("out") ? undefined : `leaves "${nodeId}" without choosing an output; ${label} has outputs: ${choices}`;
  }
  return outputHandles.includes(handle) ? undefined : `leaves "${nodeId}" from output "${handle}", but ${label} has outputs: ${choices}`;
}

/** Depth-first search; every edge that closes a loop is reported once. Returns the nodes on loops. */
function findCycles(nodes: readonly SkeletonNode[], edges: readonly FlowEdge[], problems: GraphProblem[]): Set<string> {
  const outgoing = groupBySource(edges);
  const state = new Map<string, "active" | "done">();
  const stack: string[] = [];
  const inCycle = new Set<string>();
  const visit = (nodeId: string): void => {
    state.set(nodeId, "active");
    stack.push(nodeId);
    for (const edge of outgoing.get(nodeId) ?? []) {
      const seen = state.get(edge.target);
      if (seen === "active") {
        const loop = stack.slice(stack.indexOf(edge.target));
        for (const id of loop) inCycle.add(id);
        problems.push({ edgeId: edge.id, nodeId: edge.target, message: `Edge "${edge.id}" closes a loop: ${[...loop, edge.target].join(" → ")}` });
      } else if (seen === undefined) {
        visit(edge.target);
      }
    }
    stack.pop();
    state.set(nodeId, "done");
  };
  for (const node of nodes) if (!state.has(node.id)) visit(node.id);
  return inCycle;
}

function reachableFrom(start: string, edges: readonly FlowEdge[]): Set<string> {
  const outgoing = groupBySource(edges);
  const reached = new Set([start]);
  const queue = [start];
  for (let nodeId = queue.shift(); nodeId !== undefined; nodeId = queue.shift()) {
    for (const edge of outgoing.get(nodeId) ?? []) {
      if (!reached.has(edge.target)) {
        reached.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  return reached;
}

function groupBySource(edges: readonly FlowEdge[]): Map<string, FlowEdge[]> {
  const outgoing = new Map<string, FlowEdge[]>();
  for (const edge of edges) outgoing.set(edge.source, [...(outgoing.get(edge.source) ?? []), edge]);
  return outgoing;
}
