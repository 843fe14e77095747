import type { NodeKind } from "@/lib/flows/schema";
import { NODE_EXECUTORS } from "@/lib/nodes/executors";
import type { NodeExecutor } from "@/lib/nodes/types";
import { dryRunDedup } from "@/lib/dry-run/dry-run-dedup";
import { dryRunHttpRequest } from "@/lib/dry-run/dry-run-http-request";
import { dryRunLookup } from "@/lib/dry-run/dry-run-lookup";
import type { DryRunner, DryRunners } from "@/lib/dry-run/types";

type PureKind = "webhook-trigger" | "schedule-trigger" | "manual-trigger" | "map-fields" | "filter";

/** Kinds without effects run their real executor: the dry run and the worker share one code path. */
function viaExecutor<K extends PureKind & NodeKind>(kind: K): DryRunner<K> {
  return async (node, context) => {
    const result = await (NODE_EXECUTORS[kind] as NodeExecutor<K>)(node, context);
    return { output: result.output, handle: result.handle ?? "out" };
  };
}

/** How each kind is tried without an effect; a kind without an entry is a type error. */
export const DRY_RUNNERS: DryRunners = {
  "webhook-trigger": viaExecutor("webhook-trigger"),
  "schedule-trigger": viaExecutor("schedule-trigger"),
  "manual-trigger": viaExecutor("manual-trigger"),
  "map-fields": viaExecutor("map-fields"),
  filter: viaExecutor("filter"),
  dedup: dryRunDedup,
  lookup: dryRunLookup,
  "http-request": dryRunHttpRequest,
};
