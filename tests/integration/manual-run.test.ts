import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import type { FlowDefinitionInput } from "@/lib/flows/schema";
import { getBoss } from "@/lib/queue/boss";
import { POST as startRunRoute } from "@/app/api/v1/flows/[flowId]/runs/route";
import { countRunJobs, createPublishedFlow, createUserWithToken, jsonRequest } from "@/tests/support/fixtures";

const demo = buildDemoFlowDefinition("http://127.0.0.1:9/crm/leads");
const manualFlow: FlowDefinitionInput = {
  ...demo,
  nodes: demo.nodes.map((node) => (node.kind === "webhook-trigger" ? { id: node.id, kind: "manual-trigger", position: node.position, config: {} } : node)),
};
const order = { id: "m-1", order: { id: "ORD-M1", total: "5" }, customer: { name: "Ann", email: "a@b.c", phone: "+77011234567" } };

let operator: Awaited<ReturnType<typeof createUserWithToken>>;
let viewer: string;
beforeAll(async () => {
  operator = await createUserWithToken("operator");
  viewer = (await createUserWithToken("viewer")).token;
});

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false });
  await db.$disconnect();
});

function startRun(flowId: string, body: unknown, token: string, headers: Record<string, string> = {}) {
  const request = jsonRequest(`http://localhost/api/v1/flows/${flowId}/runs`, body, { headers: { authorization: `Bearer ${token}`, ...headers } });
  return startRunRoute(request, { params: Promise.resolve({ flowId }) });
}

describe("POST /api/v1/flows/:flowId/runs (manual trigger)", () => {
  it("starts a queued run of the published version with the payload, and audits who started it", async () => {
    const { flow, version } = await createPublishedFlow(manualFlow, "Manual flow");
    const response = await startRun(flow.id, { payload: order }, operator.token);
    expect(response.status).toBe(202);
    const { runId } = (await response.json()) as { runId: string };

    const run = await db.run.findUniqueOrThrow({ where: { id: runId }, include: { event: true } });
    expect(run.flowVersionId).toBe(version.id);
    expect(run.status).toBe("queued");
    expect(run.event.source).toBe(`manual:${flow.id}`);
    expect(JSON.parse(run.event.rawBody)).toEqual(order);
    expect(run.event.headers).toEqual({ "x-flowgate-started-by": operator.user.email });
    expect(await countRunJobs(runId)).toBe(1);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "run.trigger", targetId: runId } });
    expect(audit.actorId).toBe(operator.user.id);
    expect(audit.details).toMatchObject({ flowId: flow.id, version: 1 });
  });

  it("starts one run per idempotency key, from the body or the Idempotency-Key header", async () => {
    const { flow } = await createPublishedFlow(manualFlow, "Keyed manual flow");
    const responses = await Promise.all(Array.from({ length: 5 }, () => startRun(flow.id, { payload: order, idempotencyKey: "ticket-42" }, operator.token)));
    const runIds = await Promise.all(responses.map(async (response) => ((await response.json()) as { runId: string }).runId));
    expect(new Set(runIds).size).toBe(1);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 202]);
    const viaHeader = await startRun(flow.id, { payload: order }, operator.token, { "idempotency-key": "ticket-42" });
    expect(((await viaHeader.json()) as { runId: string }).runId).toBe(runIds[0]);
    expect(await db.run.count({ where: { flowId: flow.id } })).toBe(1);
    // One audit row: the repeats started nothing.
    expect(await db.auditLog.count({ where: { action: "run.trigger", targetId: runIds[0] } })).toBe(1);
  });

  it("reads a webhook flow's business key from the payload, so a re-injected event keeps its idempotency keys", async () => {
    const { flow } = await createPublishedFlow(demo, "Webhook flow started by hand");
    const { runId } = (await (await startRun(flow.id, { payload: order }, operator.token)).json()) as { runId: string };
    const run = await db.run.findUniqueOrThrow({ where: { id: runId }, include: { event: true } });
    expect(run.event.businessKey).toBe("ORD-M1");
  });

  it("refuses viewers, paused and unknown flows, and malformed bodies with readable 4xx answers and stores nothing", async () => {
    const { flow } = await createPublishedFlow(manualFlow, "Refusing manual flow");
    expect((await startRun(flow.id, { payload: order }, viewer)).status).toBe(403);
    expect((await startRun(flow.id, { nothing: true }, operator.token)).status).toBe(422);
    expect((await startRun(flow.id, "{ not json", operator.token)).status).toBe(400);
    expect((await startRun(flow.id, { payload: order, idempotencyKey: "x".repeat(201) }, operator.token)).status).toBe(422);
    expect((await startRun("00000000-0000-4000-8000-000000000000", { payload: order }, operator.token)).status).toBe(404);
    await db.flow.update({ where: { id: flow.id }, data: { status: "paused" } });
    const paused = await startRun(flow.id, { payload: order }, operator.token);
    expect(paused.status).toBe(409);
    expect(((await paused.json()) as { error: { message: string } }).error.message).toContain("paused");
    expect(await db.event.count({ where: { flowId: flow.id } })).toBe(0);
  });
});
