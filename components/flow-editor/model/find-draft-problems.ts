import { findUnsignedWebhookProblem } from "@/lib/flows/find-unsigned-webhook-problem";
import { validateGraph, type GraphProblem } from "@/lib/flows/validate-graph";
import { toDefinition, type DraftGraph } from "@/components/flow-editor/model/types";

/**
 * What would stop the draft from publishing, as the server checks it:
 * validateGraph, then (for a valid graph) the flow's unsigned-webhook rule,
 * so the editor never offers a Publish the server is bound to refuse.
 */
export function findDraftProblems(graph: DraftGraph, unsignedWebhooksAllowed: boolean): GraphProblem[] {
  const result = validateGraph(toDefinition(graph));
  if (!result.ok) return result.problems;
  const unsigned = findUnsignedWebhookProblem(result.definition, unsignedWebhooksAllowed);
  return unsigned ? [unsigned] : [];
}
