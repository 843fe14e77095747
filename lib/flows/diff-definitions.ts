import { flowNodeSchema, type DraftDefinition, type FlowDefinition } from "@/lib/flows/schema";

export type DefinitionDiff = {
  nodes: { added: string[]; removed: string[]; changed: { nodeId: string; fields: string[] }[] };
  edges: { added: string[]; removed: string[] };
};

type AnyDefinition = DraftDefinition | FlowDefinition;
type AnyNode = AnyDefinition["nodes"][number];
type AnyEdge = AnyDefinition["edges"][number];

/**
 * What changed between two definitions (versions or the draft), by node id:
 * nodes added, removed, and changed with the dotted paths of the fields that
 * differ ("config.mappings.0.source", "label"). Moving a node is not a change.
 * A draft keeps its configs as typed while versions have defaults filled, so
 * every config that is valid is compared with its defaults filled: a default
 * written out is not a change. An edge counts as added or removed by id and
 * ends; one whose ends changed is in both lists. Pure and free of Node
 * modules, so the editor can also diff on the client.
 */
export function diffDefinitions(before: AnyDefinition, after: AnyDefinition): DefinitionDiff {
  const beforeNodes = new Map(before.nodes.map((node) => [node.id, comparable(node)]));
  const afterNodes = new Map(after.nodes.map((node) => [node.id, comparable(node)]));
  const changed = [...afterNodes].flatMap(([nodeId, node]) => {
    const previous = beforeNodes.get(nodeId);
    if (previous === undefined) return [];
    const fields = differingPaths(previous, node, "");
    return fields.length === 0 ? [] : [{ nodeId, fields: fields.sort() }];
  });
  const edgeKey = (edge: AnyEdge) => JSON.stringify([edge.id, edge.source, edge.sourceHandle ?? null, edge.target, edge.targetHandle ?? null]);
  const beforeEdges = new Set(before.edges.map(edgeKey));
  const afterEdges = new Set(after.edges.map(edgeKey));
  return {
    nodes: {
      added: [...afterNodes.keys()].filter((id) => !beforeNodes.has(id)),
      removed: [...beforeNodes.keys()].filter((id) => !afterNodes.has(id)),
      changed,
    },
    edges: {
      added: after.edges.filter((edge) => !beforeEdges.has(edgeKey(edge))).map((edge) => edge.id),
      removed: before.edges.filter((edge) => !afterEdges.has(edgeKey(edge))).map((edge) => edge.id),
    },
  };
}

/** The parts of a node that count: kind, label and config (defaults filled where it parses); not its position. */
function comparable(node: AnyNode): Record<string, unknown> {
  const parsed = flowNodeSchema.safeParse(node);
  const config: unknown = parsed.success ? parsed.data.config : node.config;
  return { kind: node.kind, label: node.label, config };
}

/** Leaf paths where two JSON values differ; a path whose value changed type is reported whole. */
function differingPaths(before: unknown, after: unknown, path: string): string[] {
  const join = (key: string) => (path === "" ? key : `${path}.${key}`);
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, index) => differingPaths(before[index], after[index], join(String(index)))).flat();
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => differingPaths(before[key], after[key], join(key)));
  }
  return Object.is(before, after) ? [] : [path];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
