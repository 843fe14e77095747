import type { FlowActor } from "@/lib/audit/acting-user";
import { parseFlowFile } from "@/lib/flows/parse-flow-file";
import { updateDraft } from "@/lib/flows/update-draft";
import { validateGraph, type GraphProblem } from "@/lib/flows/validate-graph";

export type ImportIntoFlowOptions = { flowId: string; actor: FlowActor; file: unknown; expectedRevision?: number };

/**
 * Replaces a flow's draft with a file's definition, as a save of the draft:
 * the next revision, refused (409) when `expectedRevision` is stale, and
 * masked values that match the stored draft keep their stored values. The
 * flow keeps its name. `problems` are what publishing would still refuse.
 */
export async function importIntoFlow({ flowId, actor, file, expectedRevision }: ImportIntoFlowOptions) {
  const parsed = parseFlowFile(file);
  const flow = await updateDraft({ flowId, actor, input: { definition: parsed.definition, expectedRevision }, origin: "import" });
  const problems: GraphProblem[] = validateGraph(flow.draft).problems;
  return { flow, problems };
}
