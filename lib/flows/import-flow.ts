import type { FlowActor } from "@/lib/audit/acting-user";
import { createFlow } from "@/lib/flows/create-flow";
import { parseFlowFile } from "@/lib/flows/parse-flow-file";
import { validateGraph, type GraphProblem } from "@/lib/flows/validate-graph";

export type ImportFlowOptions = { actor: FlowActor; file: unknown; name?: string };

/**
 * Creates a new flow whose draft is the file's definition (422 with every
 * problem of a bad file, nothing written). `problems` are what publishing
 * would still refuse: an imported draft may be unfinished.
 */
export async function importFlow({ actor, file, name }: ImportFlowOptions) {
  const parsed = parseFlowFile(file);
  const flow = await createFlow({ actor, input: { name: name ?? parsed.name, definition: parsed.definition }, origin: "import" });
  const problems: GraphProblem[] = validateGraph(parsed.definition).problems;
  return { flow, problems };
}
