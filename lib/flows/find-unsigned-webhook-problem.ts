import type { FlowDefinition } from "@/lib/flows/schema";
import type { GraphProblem } from "@/lib/flows/validate-graph";

/**
 * A webhook trigger without a signature check accepts events from anyone who
 * learns the URL, so it may only be published once an admin has allowed it
 * for this very flow (R3).
 */
export function findUnsignedWebhookProblem(definition: FlowDefinition, unsignedAllowed: boolean): GraphProblem | null {
  if (unsignedAllowed) return null;
  const trigger = definition.nodes.find((node) => node.kind === "webhook-trigger");
  if (trigger?.kind !== "webhook-trigger" || trigger.config.signature) return null;
  return {
    nodeId: trigger.id,
    path: "config.signature",
    message: `Node "${trigger.id}": choose a signature scheme, or ask an admin to allow unsigned webhooks for this flow`,
  };
}
