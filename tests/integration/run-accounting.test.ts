import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import type { FlowDefinitionInput } from "@/lib/flows/schema";
import { advanceRun } from "@/lib/runs/advance-run";
import { cancelRun } from "@/lib/runs/cancel-run";
import { checkRunAccounting } from "@/lib/runs/check-run-accounting";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";
import type { FakeProvider } from "@/tests/support/fake-provider";
import { useFakeProvider } from "@/tests/support/use-fake-provider";
import { actingAs, createPublishedFlow, createUserWithToken } from "@/tests/support/fixtures";

let crm: FakeProvider;
useFakeProvider((started) => (crm = started));

function flowDefinition(): FlowDefinitionInput {
  const definition = buildDemoFlowDefinition(`${crm.url}/crm/leads`);
  return { ...definition, nodes: definition.nodes.map((node) => (node.kind === "http-request" ? { ...node, config: { ...node.config, retry: { ...node.config.retry, maxAttempts: 1 } } } : node)) };
}

const deliver = (hookKey: string, id: string) =>
  receiveWebhook({
    hookKey,
    headers: new Headers({ "content-type": "application/json" }),
    rawBody: Buffer.from(JSON.stringify({ id, order: { id: `ORD-${id}`, total: "1" }, customer: { name: "A", email: "a@b.c", phone: "+77011234567" } })),
  });

describe("R16 accounting identity", () => {
  it("accounts for every accepted delivery once the flow is at rest, and flags an event without a run", async () => {
    const { flow } = await createPublishedFlow(flowDefinition(), "Accounting");
    const ok = await deliver(flow.hookKey, "a-1");
    await deliver(flow.hookKey, "a-1"); // duplicate delivery
    await deliver(flow.hookKey, "a-1");
    const bad = await deliver(flow.hookKey, "a-2");
    const dropped = await deliver(flow.hookKey, "a-3");

    const [inFlight] = await checkRunAccounting(flow.id);
    expect(inFlight).toMatchObject({ received: 5, events: 3, duplicateDeliveries: 2, inFlight: 3, atRest: false, holds: false });

    await advanceRun({ runId: ok.runId });
    crm.injectFaults({ type: "status", status: 422, body: { error: "invalid phone" } });
    await advanceRun({ runId: bad.runId });
    const { user } = await createUserWithToken("operator");
    await cancelRun({ runId: dropped.runId, actor: actingAs(user) });

    const [atRest] = await checkRunAccounting(flow.id);
    expect(atRest).toMatchObject({ received: 5, succeeded: 1, failed: 1, cancelled: 1, duplicateDeliveries: 2, inFlight: 0, withoutRun: 0, atRest: true, holds: true });

    // An event stored without its run would be a silent loss: the check says so.
    await db.event.create({ data: { flowId: flow.id, source: `hook:${flow.id}`, contentType: "application/json", rawBody: "{}", headers: {} } });
    const [broken] = await checkRunAccounting(flow.id);
    expect(broken).toMatchObject({ withoutRun: 1, holds: false });
  });
});
