import { lookUpRecord } from "@/lib/nodes/look-up-record";
import type { DryRunner } from "@/lib/dry-run/types";

/**
 * A lookup is a read, so it may call its target, but only when the analyst
 * allowed read-only calls and it is a GET; it takes no connector permit.
 * Otherwise it is not called and the not-found branch is followed, as the
 * note says. Branches like executeLookup.
 */
export const dryRunLookup: DryRunner<"lookup"> = async (node, context) => {
  const { config } = node;
  if (!context.allowReadOnlyCalls || config.method !== "GET") {
    const why = context.allowReadOnlyCalls ? `only GET lookups are called in a dry run, and this one is ${config.method}` : "read-only calls are not allowed for this dry run";
    return { output: context.input, handle: "not-found", lookup: { called: false }, note: `Not called: ${why}; following the not-found branch` };
  }
  const lookup = await lookUpRecord(config, context, { metered: false });
  return lookup.found
    ? { output: lookup.record, handle: "found", lookup: { called: true, found: true } }
    : { output: context.input, handle: "not-found", lookup: { called: true, found: false } };
};
