import jsonata from "jsonata";
import { StepFailureError } from "@/lib/runs/failure-class";
import type { NodeExecutor } from "@/lib/nodes/types";

export const executeFilter: NodeExecutor<"filter"> = async (node, context) => {
  let passed: unknown;
  try {
    passed = await jsonata(node.config.condition).evaluate(context.input);
  } catch (error) {
    const message = (error as { message?: string }).message ?? "expression failed";
    throw new StepFailureError({ class: "permanent", code: "expression_error", message: `Condition failed: ${message}` });
  }
  return { output: context.input, handle: passed === true ? "true" : "false" };
};
