import { getFlowOrThrow } from "@/lib/flows/get-flow-or-throw";
import { maskDefinitions } from "@/lib/flows/mask-definitions";
import type { FlowFile } from "@/lib/flows/requests";
import { draftDefinitionSchema } from "@/lib/flows/schema";

/**
 * A flow's draft as a file for git or another Flowgate. Masked like every
 * read (R20): secrets belong in credentials, which flows name; a header
 * value typed into a step travels as "[REDACTED]". Importing the file back
 * into the same flow keeps the stored values (updateDraft restores them).
 */
export async function exportFlow(flowId: string): Promise<FlowFile> {
  const flow = await getFlowOrThrow(flowId);
  return {
    format: "flowgate-flow",
    formatVersion: 1,
    name: flow.name,
    exportedAt: new Date().toISOString(),
    definition: draftDefinitionSchema.parse(maskDefinitions(flow).draft),
  };
}
