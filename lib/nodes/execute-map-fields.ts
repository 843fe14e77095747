import { applyMapping } from "@/lib/mapping/apply-mapping";
import { MappingError } from "@/lib/mapping/mapping-error";
import { StepFailureError } from "@/lib/runs/failure-class";
import type { NodeExecutor } from "@/lib/nodes/types";

export const executeMapFields: NodeExecutor<"map-fields"> = async (node, context) => {
  try {
    return { output: await applyMapping(context.input, node.config) };
  } catch (error) {
    // Bad data does not get better by retrying: permanent, fix and replay.
    if (error instanceof MappingError) {
      throw new StepFailureError({ class: "permanent", code: "mapping_error", message: error.message });
    }
    throw error;
  }
};
