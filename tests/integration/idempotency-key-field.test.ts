import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import type { FlowDefinitionInput } from "@/lib/flows/schema";
import { advanceRun } from "@/lib/runs/advance-run";
import { formatIdempotencyKey } from "@/lib/runs/format-idempotency-key";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";
import type { FakeProvider } from "@/tests/support/fake-provider";
import { useFakeProvider } from "@/tests/support/use-fake-provider";
import { createPublishedFlow } from "@/tests/support/fixtures";

let crm: FakeProvider;
useFakeProvider((started) => (crm = started));

/** The demo flow writing its key into the record as a UUID, as MoySklad's `syncId` wants. */
function syncIdFlow(): FlowDefinitionInput {
  const definition = buildDemoFlowDefinition(`${crm.url}/crm/orders`);
  return {
    ...definition,
    nodes: definition.nodes.map((node) =>
      node.kind === "http-request"
        ? { ...node, config: { ...node.config, idempotencyKeyPath: "syncId", idempotencyKeyFormat: "uuid", retry: { ...node.config.retry, baseDelayMs: 10, maxDelayMs: 20 } } }
        : node,
    ),
  };
}

describe("the idempotency key in the record's own field (R6)", () => {
  it("writes the same UUID-shaped key into the body on every attempt, and in the header", async () => {
    const { flow } = await createPublishedFlow(syncIdFlow(), "syncId flow");
    const body = { id: "sync-1", order: { id: "ORD-SYNC", total: "2" }, customer: { name: "A", email: "a@b.c", phone: "+77011234567" } };
    const { runId } = await receiveWebhook({ hookKey: flow.hookKey, headers: new Headers({ "content-type": "application/json" }), rawBody: Buffer.from(JSON.stringify(body)) });
    crm.injectFaults({ type: "status", status: 503 });
    expect((await advanceRun({ runId })).status).toBe("waiting_retry");
    expect(await advanceRun({ runId })).toEqual({ status: "succeeded" });

    const step = await db.stepRun.findFirstOrThrow({ where: { runId, kind: "http-request" } });
    const expected = formatIdempotencyKey(step.idempotencyKey, "uuid");
    expect(crm.requests).toHaveLength(2);
    for (const request of crm.requests) {
      expect((request.body as { syncId: string }).syncId).toBe(expected);
      expect(request.headers["idempotency-key"]).toBe(expected);
    }
    // The rest of the body is the mapped record, untouched.
    expect((crm.requests[0]!.body as { externalId: string }).externalId).toBe("ORD-SYNC");
  });
});
