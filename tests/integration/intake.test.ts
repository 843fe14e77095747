import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { setFlowStatus } from "@/lib/flows/set-flow-status";
import { createFlow } from "@/lib/flows/create-flow";
import { getBoss } from "@/lib/queue/boss";
import { JOBS } from "@/lib/queue/jobs";
import { POST } from "@/app/api/hooks/[hookKey]/route";
import { GET as getRunRoute } from "@/app/api/v1/runs/[runId]/route";
import { countRunJobs, createPublishedFlow, createUserWithToken, jsonRequest } from "@/tests/support/fixtures";

const definition = buildDemoFlowDefinition("http://127.0.0.1:9/crm/leads");
const order = (id: string) => ({ id, order: { id: `ORD-${id}`, total: "10" }, customer: { name: "Ann", email: "a@b.c", phone: "+77011234567" } });

function postHook(hookKey: string, request: Request) {
  return POST(request, { params: Promise.resolve({ hookKey }) });
}
const hookUrl = (hookKey: string) => `http://localhost/api/hooks/${hookKey}`;

let hookKey: string;
let flowId: string;

beforeAll(async () => {
  const { flow } = await createPublishedFlow(definition, "Intake flow");
  hookKey = flow.hookKey;
  flowId = flow.id;
});

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false });
  await db.$disconnect();
});

async function storedCounts() {
  const [events, runs] = await Promise.all([db.event.count({ where: { flowId } }), db.run.count({ where: { flowId } })]);
  return { events, runs };
}

describe("POST /api/hooks/:hookKey", () => {
  it("stores the event, creates the run and enqueues its job, then answers 202", async () => {
    const response = await postHook(hookKey, jsonRequest(hookUrl(hookKey), order("e-1"), { headers: { authorization: "Bearer canary-intake-secret" } }));
    expect(response.status).toBe(202);
    const body = (await response.json()) as { runId: string; traceId: string };
    expect(body.traceId).toMatch(/^[0-9a-f]{32}$/);

    const run = await db.run.findUniqueOrThrow({ where: { id: body.runId }, include: { event: true, flowVersion: true } });
    expect(run.status).toBe("queued");
    expect(run.flowVersion.number).toBe(1);
    expect(run.event.providerEventId).toBe("e-1");
    expect(run.event.businessKey).toBe("ORD-e-1");
    expect(JSON.parse(run.event.rawBody)).toEqual(order("e-1"));
    expect(JSON.stringify(run.event.headers)).not.toContain("canary-intake-secret");
    expect(await countRunJobs(body.runId)).toBe(1);
  });

  it("keeps the raw body verbatim for replay but shows it masked through the runs API", async () => {
    const canary = `canary-${Math.random().toString(36).slice(2)}`;
    const body = { ...order("e-secret"), auth: { application_token: canary } };
    const { runId } = (await (await postHook(hookKey, jsonRequest(hookUrl(hookKey), body))).json()) as { runId: string };
    const stored = await db.run.findUniqueOrThrow({ where: { id: runId }, include: { event: true } });
    expect(stored.event.rawBody).toContain(canary);

    const { token } = await createUserWithToken("viewer");
    const request = new Request(`http://localhost/api/v1/runs/${runId}`, { headers: { authorization: `Bearer ${token}` } });
    const response = await getRunRoute(request, { params: Promise.resolve({ runId }) });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain("e-secret");
    expect(text).not.toContain(canary);
  });

  it("answers a redelivered event id with the original run and creates nothing", async () => {
    const first = (await (await postHook(hookKey, jsonRequest(hookUrl(hookKey), order("e-2")))).json()) as { runId: string };
    const before = await storedCounts();
    const again = await postHook(hookKey, jsonRequest(hookUrl(hookKey), order("e-2")));
    expect(again.status).toBe(200);
    expect(((await again.json()) as { runId: string }).runId).toBe(first.runId);
    expect(await storedCounts()).toEqual(before);
    expect(await countRunJobs(first.runId)).toBe(1);
  });

  it("keeps one event, one run and one job when 50 copies arrive at once, and answers each with that run", async () => {
    const before = await storedCounts();
    const responses = await Promise.all(Array.from({ length: 50 }, () => postHook(hookKey, jsonRequest(hookUrl(hookKey), order("e-burst")))));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Array<{ runId: string }>;
    expect(new Set(bodies.map((b) => b.runId)).size).toBe(1);
    expect(responses.map((r) => r.status).sort()).toEqual([...Array(49).fill(200), 202]);
    const after = await storedCounts();
    expect(after).toEqual({ events: before.events + 1, runs: before.runs + 1 });
    expect(await countRunJobs(bodies[0]!.runId)).toBe(1);
    // Each redelivery is counted on the original, for the flow's events view.
    const event = await db.event.findFirstOrThrow({ where: { flowId, providerEventId: "e-burst" } });
    expect(event.duplicateCount).toBe(49);
    expect(await db.intakeKey.count({ where: { eventId: event.id } })).toBe(1);
  });

  it.each([
    ["malformed JSON", () => jsonRequest(hookUrl("K"), "{ not json"), 400],
    ["a non-JSON content type", () => new Request(hookUrl("K"), { method: "POST", headers: { "content-type": "text/plain" }, body: "hello" }), 415],
    ["no content type", () => new Request(hookUrl("K"), { method: "POST", body: "{}" }), 415],
    ["an oversized body", () => jsonRequest(hookUrl("K"), { blob: "x".repeat(1024 * 1024 + 1) }), 413],
  ])("refuses %s with a readable 4xx and stores nothing", async (_label, makeRequest, status) => {
    const before = await storedCounts();
    const response = await postHook(hookKey, makeRequest());
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message.length).toBeGreaterThan(5);
    expect(await storedCounts()).toEqual(before);
  });

  it("answers 404 for an unknown or malformed hook key", async () => {
    expect((await postHook("no-such-hook", jsonRequest(hookUrl("x"), {}))).status).toBe(404);
    expect((await postHook("../../etc", jsonRequest(hookUrl("x"), {}))).status).toBe(404);
  });

  it("answers 409 for a paused flow and for a flow never published", async () => {
    const paused = await createPublishedFlow(definition, "Paused");
    await setFlowStatus({ flowId: paused.flow.id, status: "paused", actor: paused.actor });
    const pausedResponse = await postHook(paused.flow.hookKey, jsonRequest(hookUrl("x"), order("p-1")));
    expect(pausedResponse.status).toBe(409);
    expect(((await pausedResponse.json()) as { error: { message: string } }).error.message).toMatch(/paused/);

    const draftOnly = await createFlow({ actor: paused.actor, input: { name: "Draft only", definition } });
    expect((await postHook(draftOnly.hookKey, jsonRequest(hookUrl("x"), order("d-1")))).status).toBe(409);
    expect(await db.event.count({ where: { flowId: { in: [paused.flow.id, draftOnly.id] } } })).toBe(0);
  });

  it("answers 503 and stores no event when the job cannot be enqueued (no row without a job)", async () => {
    const boss = await getBoss();
    await boss.deleteQueue("run.execute");
    try {
      const before = await storedCounts();
      const response = await postHook(hookKey, jsonRequest(hookUrl(hookKey), order("e-no-queue")));
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("30");
      expect(await storedCounts()).toEqual(before);
    } finally {
      await boss.createQueue("run.execute", JOBS["run.execute"].queue);
    }
    // The sender's retry then goes through.
    expect((await postHook(hookKey, jsonRequest(hookUrl(hookKey), order("e-no-queue")))).status).toBe(202);
  });
});
