import { checkExpressionSyntax } from "@/lib/flows/check-expression-syntax";
import type { FlowNode } from "@/lib/flows/schema";
import type { GraphProblem } from "@/lib/flows/validate-graph";

/**
 * Compiles every JSONata expression so a syntax error is found when the flow
 * is published, with the node and field named, instead of failing each run.
 */
export function findExpressionProblems(nodes: readonly FlowNode[]): GraphProblem[] {
  return nodes.flatMap((node) =>
    expressionsOf(node).flatMap(({ path, expression }) => {
      const error = checkExpressionSyntax(expression);
      return error === undefined ? [] : [{ nodeId: node.id, path, message: `Node "${node.id}": ${path} is not a valid JSONata expression: ${error}` }];
    }),
  );
}

function expressionsOf(node: FlowNode): { path: string; expression: string }[] {
  switch (node.kind) {
    case "map-fields":
      return node.config.mappings.flatMap((mapping, index) =>
        mapping.expression === undefined ? [] : [{ path: `config.mappings.${index}.expression`, expression: mapping.expression }],
      );
    case "filter":
      return [{ path: "config.condition", expression: node.config.condition }];
    case "webhook-trigger":
      return node.config.eventIdExpression === undefined ? [] : [{ path: "config.eventIdExpression", expression: node.config.eventIdExpression }];
    case "dedup":
      return node.config.key === undefined ? [] : [{ path: "config.key", expression: node.config.key }];
    default:
      return [];
  }
}
