import { flowDefinitionSchema, type FlowDefinition } from "@/lib/flows/schema";
import { NODE_DEFINITIONS } from "@/lib/nodes/registry";

/** What a new flow starts with: a lone webhook trigger. */
export function buildStarterDefinition(): FlowDefinition {
  return flowDefinitionSchema.parse({
    schemaVersion: 1,
    nodes: [{ id: "trigger", kind: "webhook-trigger", position: { x: 0, y: 0 }, config: NODE_DEFINITIONS["webhook-trigger"].defaultConfig() }],
    edges: [],
  });
}
