import { db } from "@/lib/db";

/** Beyond this many flows, runs are labelled "other": Prometheus pays per series, so labels stay bounded. */
export const MAX_FLOW_LABELS = 200;

export type FlowLabels = { labelOf: (flowId: string) => string; flows: { id: string; name: string }[] };

/** The oldest MAX_FLOW_LABELS flows keep their id as a label (stable across renames); the rest share "other". */
export async function labelFlows(): Promise<FlowLabels> {
  const flows = await db.flow.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: MAX_FLOW_LABELS, select: { id: true, name: true } });
  const known = new Set(flows.map((flow) => flow.id));
  return { flows, labelOf: (flowId) => (known.has(flowId) ? flowId : "other") };
}
