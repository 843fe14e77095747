import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Environment } from "@/lib/credentials/schema";
import type { FlowDefinitionInput, httpRequestConfigSchema } from "@/lib/flows/schema";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";
import { createPublishedFlow } from "@/tests/support/fixtures";

export type CallConfig = z.input<typeof httpRequestConfigSchema>;

/** webhook → one http-request step with `call` as its config; one attempt unless the config says otherwise. */
export function buildCallFlow(call: CallConfig): FlowDefinitionInput {
  return {
    schemaVersion: 1,
    nodes: [
      { id: "webhook", kind: "webhook-trigger", position: { x: 0, y: 0 }, config: { eventIdPath: "id" } },
      { id: "call", kind: "http-request", position: { x: 320, y: 0 }, config: { method: "POST", body: { externalId: "{{id}}" }, retry: { maxAttempts: 1 }, ...call } },
    ],
    edges: [{ id: "webhook-call", source: "webhook", target: "call" }],
  };
}

/** Publishes a call flow whose version runs in `environment` (set on the version as publishing would). */
export async function publishCallFlow(call: CallConfig, environment: Environment = "production") {
  const published = await createPublishedFlow(buildCallFlow(call), `Call flow ${randomUUID().slice(0, 8)}`);
  await db.flowVersion.update({ where: { id: published.version.id }, data: { environment } });
  return published;
}

/** Delivers one event to the flow's hook, as a provider would. */
export async function deliverEvent(hookKey: string, body: Record<string, unknown> = { id: randomUUID() }) {
  return receiveWebhook({ hookKey, headers: new Headers({ "content-type": "application/json" }), rawBody: Buffer.from(JSON.stringify(body)) });
}

/** The run with its steps and their attempts, in order. */
export function loadRun(runId: string) {
  return db.run.findUniqueOrThrow({
    where: { id: runId },
    include: { steps: { orderBy: { position: "asc" }, include: { attempts: { orderBy: { number: "asc" } } } } },
  });
}
