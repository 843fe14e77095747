import { lookUpRecord } from "@/lib/nodes/look-up-record";
import type { NodeExecutor } from "@/lib/nodes/types";

/**
 * Finds a record and branches on the answer. "found" passes the record on;
 * "not-found" passes the step's input on unchanged, so a create step on that
 * branch sees the same fields the lookup was made from.
 */
export const executeLookup: NodeExecutor<"lookup"> = async (node, context) => {
  const lookup = await lookUpRecord(node.config, context);
  return lookup.found
    ? { output: lookup.record, handle: "found", exchange: lookup.exchange }
    : { output: context.input, handle: "not-found", exchange: lookup.exchange };
};
