import { flowDefinitionSchema, type FlowDefinition } from "@/lib/flows/schema";

/**
 * A draft must always be a well-formed definition (so the editor can load
 * it), but may be incomplete as a graph; graph rules are checked on publish.
 */
export function parseDraft(definition: unknown): FlowDefinition {
  return flowDefinitionSchema.parse(definition);
}
