import { describeSchemaIssues, requiredErrorMap } from "@/lib/flows/describe-schema-issues";
import { findCronProblems } from "@/lib/flows/find-cron-problems";
import { findExpressionProblems } from "@/lib/flows/find-expression-problems";
import { findGraphProblems } from "@/lib/flows/find-graph-problems";
import { flowDefinitionSchema, flowNodeSchema, flowSkeletonSchema, type FlowDefinition, type FlowNode } from "@/lib/flows/schema";
import { NODE_DEFINITIONS } from "@/lib/nodes/registry";

/** One thing wrong with a flow, pinned to a node or edge when possible. */
export type GraphProblem = { nodeId?: string; edgeId?: string; path?: string; message: string };

export type ValidateGraphOptions = {
  /** Report nodes whose kind has no executor yet. Default true: publishing needs it, a draft preview may not. */
  requireExecutable?: boolean;
};

export type ValidateGraphResult = { ok: true; definition: FlowDefinition; problems: [] } | { ok: false; problems: GraphProblem[] };

/**
 * Everything that must hold before a flow can be published: the schema,
 * the graph rules, JSONata syntax and executability. All problems are
 * reported at once; graph rules are still checked while some node's config
 * is invalid, as long as ids, kinds and edges are readable.
 */
export function validateGraph(definition: unknown, options: ValidateGraphOptions = {}): ValidateGraphResult {
  const parsed = flowDefinitionSchema.safeParse(definition, { error: requiredErrorMap });
  const skeleton = parsed.success ? parsed.data : flowSkeletonSchema.safeParse(definition).data;
  const nodes = parsed.success ? parsed.data.nodes : parseableNodes(definition);
  const problems = [
    ...(parsed.success ? [] : describeSchemaIssues(parsed.error.issues, definition)),
    ...(skeleton ? findGraphProblems(skeleton) : []),
    ...findExpressionProblems(nodes),
    ...findCronProblems(nodes),
    ...(options.requireExecutable === false ? [] : findUnrunnableNodes(nodes)),
  ];
  if (parsed.success && problems.length === 0) return { ok: true, definition: parsed.data, problems: [] };
  return { ok: false, problems };
}

function findUnrunnableNodes(nodes: readonly FlowNode[]) {
  return nodes
    .filter((node) => !NODE_DEFINITIONS[node.kind].executable)
    .map((node) => ({ nodeId: node.id, message: `${NODE_DEFINITIONS[node.kind].label} nodes cannot run yet; remove "${node.id}" before publishing` }));
}

// The nodes that are valid on their own, so their expressions are checked even when a sibling is broken.
function parseableNodes(definition: unknown): FlowNode[] {
  const list: unknown = typeof definition === "object" && definition !== null ? (definition as Record<string, unknown>).nodes : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw: unknown) => {
    const node = flowNodeSchema.safeParse(raw);
    return node.success ? [node.data] : [];
  });
}
