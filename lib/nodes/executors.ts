import type { NodeExecutors } from "@/lib/nodes/types";
import { executeTrigger } from "@/lib/nodes/execute-trigger";
import { executeMapFields } from "@/lib/nodes/execute-map-fields";
import { executeFilter } from "@/lib/nodes/execute-filter";
import { executeHttpRequest } from "@/lib/nodes/execute-http-request";
import { executeDedup } from "@/lib/nodes/execute-dedup";
import { executeLookup } from "@/lib/nodes/execute-lookup";

/** The executor's dispatch table: a node kind without an entry is a type error. */
export const NODE_EXECUTORS: NodeExecutors = {
  "webhook-trigger": executeTrigger,
  "schedule-trigger": executeTrigger,
  "manual-trigger": executeTrigger,
  "map-fields": executeMapFields,
  filter: executeFilter,
  dedup: executeDedup,
  lookup: executeLookup,
  "http-request": executeHttpRequest,
};
