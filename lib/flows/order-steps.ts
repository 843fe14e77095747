import { isTriggerKind, type FlowDefinition, type FlowNode } from "@/lib/flows/schema";
import { NODE_DEFINITIONS } from "@/lib/nodes/registry";

/**
 * The nodes reachable from the trigger, each after everything it depends
 * on, trigger first. Branches are listed one after another (a filter's
 * "true" branch before its "false" branch, siblings by node id), so the
 * order does not depend on how the editor happened to store the arrays.
 * Nodes not reachable from the trigger are left out; a loop (which
 * validateGraph rejects) is cut at the edge that closes it.
 */
export function orderSteps(definition: FlowDefinition): FlowNode[] {
  const trigger = definition.nodes.find((node) => isTriggerKind(node.kind));
  if (!trigger) return [];
  const byId = new Map(definition.nodes.map((node) => [node.id, node]));
  const children = new Map<string, FlowNode[]>();
  for (const node of definition.nodes) {
    const outgoing = definition.edges.filter((edge) => edge.source === node.id && byId.has(edge.target));
    const handles = NODE_DEFINITIONS[node.kind].outputHandles;
    const rank = (handle: string | null | undefined) => handles.indexOf(handle ?? handles[0] ?? "out");
    outgoing.sort((a, b) => rank(a.sourceHandle) - rank(b.sourceHandle) || compareIds(a.target, b.target));
    children.set(node.id, outgoing.flatMap((edge) => byId.get(edge.target) ?? []));
  }

  // Reverse post-order of a depth-first walk is a topological order; visiting
  // children last-to-first makes it read like a pre-order on a tree.
  const postOrder: FlowNode[] = [];
  const state = new Map<string, "active" | "done">();
  const visit = (node: FlowNode): void => {
    state.set(node.id, "active");
    for (const child of [...(children.get(node.id) ?? [])].reverse()) {
      if (!state.has(child.id)) visit(child);
    }
    state.set(node.id, "done");
    postOrder.push(node);
  };
  visit(trigger);
  return postOrder.reverse();
}

// Code-point order, not localeCompare, so the result never depends on the ICU build.
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
