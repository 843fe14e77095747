import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import type { FlowDefinitionInput } from "@/lib/flows/schema";
import { getBoss } from "@/lib/queue/boss";
import { advanceRun } from "@/lib/runs/advance-run";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";
import { POST as cancelRoute } from "@/app/api/v1/runs/[runId]/cancel/route";
import { startFakeProvider, type FakeProvider } from "@/tests/support/fake-provider";
import { createPublishedFlow, createUserWithToken, jsonRequest } from "@/tests/support/fixtures";

let crm: FakeProvider;
let operator: Awaited<ReturnType<typeof createUserWithToken>>;
let viewer: string;

beforeAll(async () => {
  crm = await startFakeProvider();
  operator = await createUserWithToken("operator");
  viewer = (await createUserWithToken("viewer")).token;
});

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false });
  await crm.close();
  await db.$disconnect();
});

beforeEach(() => crm.reset());

function flowDefinition(maxAttempts = 3): FlowDefinitionInput {
  const definition = buildDemoFlowDefinition(`${crm.url}/crm/leads`);
  return {
    ...definition,
    nodes: definition.nodes.map((node) =>
      node.kind === "http-request" ? { ...node, config: { ...node.config, retry: { ...node.config.retry, baseDelayMs: 50, maxDelayMs: 100, maxAttempts } } } : node,
    ),
  };
}

let sequence = 0;
async function deliver(hookKey: string) {
  sequence += 1;
  const body = { id: `state-${sequence}`, order: { id: `ORD-S${sequence}`, total: "1" }, customer: { name: "Ann", email: "a@b.c", phone: "+77011234567" } };
  return receiveWebhook({ hookKey, headers: new Headers({ "content-type": "application/json" }), rawBody: Buffer.from(JSON.stringify(body)) });
}

function cancel(runId: string, token: string, body: unknown = {}) {
  return cancelRoute(jsonRequest(`http://localhost/api/v1/runs/${runId}/cancel`, body, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ runId }) });
}

// The run's job is executed here by calling what the worker's handler calls, one step of the state machine at a time.
describe("run states (R7, R14)", () => {
  it("cancels with a bare POST too (no body, no reason)", async () => {
    const { flow } = await createPublishedFlow(flowDefinition(), "Cancel bare");
    const { runId } = await deliver(flow.hookKey);
    const request = new Request(`http://localhost/api/v1/runs/${runId}/cancel`, { method: "POST", headers: { authorization: `Bearer ${operator.token}` } });
    expect((await cancelRoute(request, { params: Promise.resolve({ runId }) })).status).toBe(200);
    expect((await db.run.findUniqueOrThrow({ where: { id: runId } })).statusReason).toBe(`Cancelled by ${operator.user.email}`);
  });

  it("cancels a queued run: it never starts, and the cancel is audited with its reason", async () => {
    const { flow } = await createPublishedFlow(flowDefinition(), "Cancel queued");
    const { runId } = await deliver(flow.hookKey);
    const response = await cancel(runId, operator.token, { reason: "wrong customer" });
    expect(response.status).toBe(200);

    expect(await advanceRun({ runId })).toEqual({ status: "cancelled" });
    const run = await db.run.findUniqueOrThrow({ where: { id: runId }, include: { steps: true } });
    expect(run.status).toBe("cancelled");
    expect(run.statusReason).toBe(`Cancelled by ${operator.user.email}: wrong customer`);
    expect(run.steps).toHaveLength(0);
    expect(crm.requests).toHaveLength(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "run.cancel", targetId: runId } });
    expect(audit.actorId).toBe(operator.user.id);
  });

  it("cancels a run waiting for a retry: the next attempt never calls the target, and its step shows cancelled", async () => {
    const { flow } = await createPublishedFlow(flowDefinition(), "Cancel waiting");
    const { runId } = await deliver(flow.hookKey);
    crm.injectFaults({ type: "status", status: 503 });
    expect((await advanceRun({ runId })).status).toBe("waiting_retry");
    const waiting = await db.stepRun.findFirstOrThrow({ where: { runId, kind: "http-request" } });
    expect(waiting).toMatchObject({ status: "waiting_retry", waitReason: "backoff" });

    expect((await cancel(runId, operator.token)).status).toBe(200);
    expect(await advanceRun({ runId })).toEqual({ status: "cancelled" });
    expect(crm.requests).toHaveLength(1);
    expect((await db.stepRun.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("cancelled");
  });

  it("refuses to cancel a finished run (409) and lets only permitted roles cancel (403)", async () => {
    const { flow } = await createPublishedFlow(flowDefinition(), "Cancel finished");
    const { runId } = await deliver(flow.hookKey);
    expect((await cancel(runId, viewer)).status).toBe(403);
    expect(await advanceRun({ runId })).toEqual({ status: "succeeded" });
    const refused = await cancel(runId, operator.token);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("already succeeded");
    expect((await cancel("00000000-0000-4000-8000-000000000000", operator.token)).status).toBe(404);
    // A reason past its limit is a readable 422, not a 500.
    const tooLong = await cancel(runId, operator.token, { reason: "x".repeat(501) });
    expect(tooLong.status).toBe(422);
  });

  it("stops an ambiguous call it may not repeat as needs-review, not as a plain failure (R8)", async () => {
    const { flow } = await createPublishedFlow(flowDefinition(1), "Ambiguous once");
    const { runId } = await deliver(flow.hookKey);
    crm.injectFaults({ type: "reset-after-effect" });
    expect(await advanceRun({ runId })).toEqual({ status: "needs_review" });
    const run = await db.run.findUniqueOrThrow({ where: { id: runId }, include: { steps: true } });
    expect(run.error).toMatchObject({ class: "ambiguous", nodeId: "send" });
    expect(run.steps.find((step) => step.kind === "http-request")?.status).toBe("needs_review");
    // The effect happened once; nobody retries it blindly.
    expect(crm.records.size).toBe(1);
    // A person can still cancel it.
    expect((await cancel(runId, operator.token)).status).toBe(200);
  });
});
