import { db } from "@/lib/db";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import type { DedupConfig, FlowDefinitionInput } from "@/lib/flows/schema";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";

/** The demo flow (webhook → map → POST /crm/leads) with short backoff and `maxAttempts` per call. */
export function fastDemoFlow(crmUrl: string, maxAttempts = 1): FlowDefinitionInput {
  const definition = buildDemoFlowDefinition(`${crmUrl}/crm/leads`);
  return {
    ...definition,
    nodes: definition.nodes.map((node) =>
      node.kind === "http-request" ? { ...node, config: { ...node.config, retry: { ...node.config.retry, baseDelayMs: 50, maxDelayMs: 100, maxAttempts } } } : node,
    ),
  };
}

/** The fast demo flow with a dedup node (one lead per customer email) between the mapping and the call. */
export function fastDedupFlow(crmUrl: string, rule: Partial<DedupConfig> = {}): FlowDefinitionInput {
  const demo = fastDemoFlow(crmUrl);
  return {
    schemaVersion: 1,
    nodes: [...demo.nodes, { id: "once", kind: "dedup", position: { x: 480, y: 0 }, config: { key: "email", ...rule } }],
    edges: [
      { id: "webhook-map", source: "webhook", target: "map" },
      { id: "map-once", source: "map", target: "once" },
      { id: "once-send", source: "once", target: "send" },
    ],
  };
}

/** Delivers order `id` (its own business key) from `email` to the flow's hook. */
export function deliverOrder(hookKey: string, id: string, email = "ann@example.com") {
  const body = { id, order: { id: `ORD-${id}`, total: "5" }, customer: { name: "Ann", email, phone: "+77011234567" } };
  return receiveWebhook({ hookKey, headers: new Headers({ "content-type": "application/json" }), rawBody: Buffer.from(JSON.stringify(body)) });
}

/**
 * Marks a run's queued jobs done, as a worker would have after executing it:
 * tests drive runs with advanceRun directly, and a leftover queued job would
 * otherwise hold the run's stately slot that a retry or replay sends into.
 */
export async function settleRunJobs(runId: string): Promise<void> {
  await db.$executeRawUnsafe(`UPDATE pgboss.job SET state = 'completed', completed_on = now() WHERE name = 'run.execute' AND data->>'runId' = $1 AND state < 'active'`, runId);
}

/** Every run.execute job ever sent, in any state. */
export async function countAllRunJobs(): Promise<number> {
  const rows = await db.$queryRawUnsafe<Array<{ count: bigint }>>(`SELECT count(*)::bigint AS count FROM pgboss.job WHERE name = 'run.execute'`);
  return Number(rows[0]?.count ?? 0);
}
