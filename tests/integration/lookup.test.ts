import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import type { z } from "zod";
import type { FlowDefinitionInput, httpRequestConfigSchema } from "@/lib/flows/schema";
import { advanceRun } from "@/lib/runs/advance-run";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";
import type { FakeProvider } from "@/tests/support/fake-provider";
import { useFakeProvider } from "@/tests/support/use-fake-provider";
import { createPublishedFlow } from "@/tests/support/fixtures";

let crm: FakeProvider;

useFakeProvider((started) => (crm = started));

beforeEach(() => crm.reset());

const FAST_RETRY = { baseDelayMs: 50, maxDelayMs: 100, maxAttempts: 5 };

/** The demo flow (webhook → map → create lead) with the create step's config adjusted. */
function demoFlow(send: Partial<z.input<typeof httpRequestConfigSchema>> = {}): FlowDefinitionInput {
  const demo = buildDemoFlowDefinition(`${crm.url}/crm/leads`);
  return {
    ...demo,
    nodes: demo.nodes.map((node) =>
      node.kind === "http-request" ? { ...node, config: { ...node.config, ...send, retry: { ...node.config.retry, ...FAST_RETRY } } } : node,
    ),
  };
}

/** webhook → map → lookup by external id ─not-found→ create lead; "found" ends the run. */
function lookupFlow(): FlowDefinitionInput {
  const demo = demoFlow();
  return {
    schemaVersion: 1,
    nodes: [
      ...demo.nodes,
      {
        id: "find",
        kind: "lookup",
        position: { x: 480, y: 0 },
        config: { url: `${crm.url}/crm/leads?externalId={{orderId}}`, foundPath: "results", retry: FAST_RETRY },
      },
    ],
    edges: [
      { id: "webhook-map", source: "webhook", target: "map" },
      { id: "map-find", source: "map", target: "find" },
      { id: "find-send", source: "find", sourceHandle: "not-found", target: "send" },
    ],
  };
}

/** A target that ignores Idempotency-Key, and (optionally) how to find a lead by the order it came from. */
function nonHonouringFlow({ withLookup }: { withLookup: boolean }): FlowDefinitionInput {
  return demoFlow({
    idempotencyHonoured: false,
    ...(withLookup ? { existingRecordLookup: { url: `${crm.url}/crm/leads?externalId={{orderId}}`, foundPath: "results" } } : {}),
  });
}

let sequence = 0;
async function deliver(hookKey: string, orderId = `ORD-L${(sequence += 1)}`) {
  const body = { id: `lookup-${(sequence += 1)}`, order: { id: orderId, total: "7" }, customer: { name: "Ann", email: "a@b.c", phone: "+77011234567" } };
  return receiveWebhook({ hookKey, headers: new Headers({ "content-type": "application/json" }), rawBody: Buffer.from(JSON.stringify(body)) });
}

const calls = () => crm.requests.map((request) => `${request.method} ${request.path.split("?")[0]}`);
const stepOf = (runId: string, nodeId: string) =>
  db.stepRun.findFirstOrThrow({ where: { runId, nodeId }, include: { attempts: { orderBy: { number: "asc" } } } });

describe("the lookup node", () => {
  it("takes the not-found branch for a new record, which then creates it", async () => {
    const { flow } = await createPublishedFlow(lookupFlow(), "Lookup not found");
    const { runId } = await deliver(flow.hookKey, "ORD-NEW");
    expect(await advanceRun({ runId })).toEqual({ status: "succeeded" });
    expect(calls()).toEqual(["GET /crm/leads", "POST /crm/leads"]);
    const find = await stepOf(runId, "find");
    expect(find).toMatchObject({ status: "succeeded", handle: "not-found" });
    // Not found passes the input on, so the create step sees the mapped fields.
    expect(find.output).toMatchObject({ orderId: "ORD-NEW", title: "Order #ORD-NEW" });
    expect(crm.records.size).toBe(1);
  });

  it("takes the found branch with the record as output when it exists, creating nothing", async () => {
    const { flow } = await createPublishedFlow(lookupFlow(), "Lookup found");
    expect((await advanceRun({ runId: (await deliver(flow.hookKey, "ORD-SEEN")).runId })).status).toBe("succeeded");
    crm.requests.length = 0;

    const { runId } = await deliver(flow.hookKey, "ORD-SEEN");
    expect(await advanceRun({ runId })).toEqual({ status: "succeeded" });
    expect(calls()).toEqual(["GET /crm/leads"]);
    const find = await stepOf(runId, "find");
    expect(find).toMatchObject({ status: "succeeded", handle: "found", output: { externalId: "ORD-SEEN", id: expect.stringMatching(/^lead_/) } });
    expect(await db.stepRun.count({ where: { runId, nodeId: "send" } })).toBe(0);
    expect(crm.records.size).toBe(1);
  });

  it("reads a configured not-found status as an answer, and retries a 503 like any temporary failure", async () => {
    const { flow } = await createPublishedFlow(lookupFlow(), "Lookup statuses");
    const { runId } = await deliver(flow.hookKey);
    crm.injectFaults({ type: "status", status: 503 }, { type: "status", status: 404 });
    expect((await advanceRun({ runId })).status).toBe("waiting_retry");
    expect(await stepOf(runId, "find")).toMatchObject({ status: "waiting_retry", errorClass: "temporary" });
    expect(await advanceRun({ runId })).toEqual({ status: "succeeded" });
    expect((await stepOf(runId, "find")).handle).toBe("not-found");
    expect(calls()).toEqual(["GET /crm/leads", "GET /crm/leads", "POST /crm/leads"]);
  });

  it("fails permanently on a 400 from the lookup", async () => {
    const { flow } = await createPublishedFlow(lookupFlow(), "Lookup 400");
    const { runId } = await deliver(flow.hookKey);
    crm.injectFaults({ type: "status", status: 400 });
    expect(await advanceRun({ runId })).toEqual({ status: "failed" });
    expect(await stepOf(runId, "find")).toMatchObject({ status: "failed", errorClass: "permanent" });
    expect(calls()).toEqual(["GET /crm/leads"]);
  });
});

describe("an ambiguous call to a target that ignores idempotency keys (R8)", () => {
  it("looks the record up before creating again: the lost answer's record is found and becomes the output", async () => {
    const { flow } = await createPublishedFlow(nonHonouringFlow({ withLookup: true }), "Ambiguous with lookup");
    const { runId } = await deliver(flow.hookKey, "ORD-AMB1");
    // Committed, then the connection drops: the create happened, its answer is lost.
    crm.injectFaults({ type: "reset-after-effect" });
    expect((await advanceRun({ runId })).status).toBe("waiting_retry");
    expect(await advanceRun({ runId })).toEqual({ status: "succeeded" });

    expect(calls()).toEqual(["POST /crm/leads", "GET /crm/leads"]);
    expect(crm.records.size).toBe(1);
    const [record] = [...crm.records.values()];
    const send = await stepOf(runId, "send");
    expect(send.output).toMatchObject({ id: record!.id, externalId: "ORD-AMB1" });
    expect(send.attempts.map((attempt) => [attempt.status, attempt.errorClass])).toEqual([
      ["failed", "ambiguous"],
      ["succeeded", null],
    ]);
    expect(send.attempts[1]!.request).toMatchObject({ method: "GET" });
  });

  it("creates after the lookup finds nothing, when the lost call never took effect", async () => {
    const { flow } = await createPublishedFlow(nonHonouringFlow({ withLookup: true }), "Ambiguous not created");
    const { runId } = await deliver(flow.hookKey, "ORD-AMB2");
    crm.injectFaults({ type: "reset" });
    expect((await advanceRun({ runId })).status).toBe("waiting_retry");
    expect(await advanceRun({ runId })).toEqual({ status: "succeeded" });
    expect(calls()).toEqual(["POST /crm/leads", "GET /crm/leads", "POST /crm/leads"]);
    expect(crm.records.size).toBe(1);
    // The attempt's record shows the lookup that cleared the way.
    const send = await stepOf(runId, "send");
    expect(send.attempts[1]!.request).toMatchObject({ method: "POST", lookedUpFirst: { request: { method: "GET" } } });
  });

  it("keeps looking first after a lookup that itself failed in between", async () => {
    const { flow } = await createPublishedFlow(nonHonouringFlow({ withLookup: true }), "Ambiguous lookup fails");
    const { runId } = await deliver(flow.hookKey, "ORD-AMB3");
    crm.injectFaults({ type: "reset-after-effect" }, { type: "status", status: 503 });
    expect((await advanceRun({ runId })).status).toBe("waiting_retry");
    expect((await advanceRun({ runId })).status).toBe("waiting_retry");
    expect(await advanceRun({ runId })).toEqual({ status: "succeeded" });
    expect(calls()).toEqual(["POST /crm/leads", "GET /crm/leads", "GET /crm/leads"]);
    expect(crm.records.size).toBe(1);
  });

  it("treats an attempt whose worker died mid-call like a lost answer: it looks up before creating", async () => {
    const { flow } = await createPublishedFlow(nonHonouringFlow({ withLookup: true }), "Ambiguous crash");
    const { runId } = await deliver(flow.hookKey, "ORD-AMB4");
    crm.injectFaults({ type: "status", status: 503 });
    expect((await advanceRun({ runId })).status).toBe("waiting_retry");
    // The second attempt started (and was counted) and its create reached the target, then the worker died before recording it.
    const send = await stepOf(runId, "send");
    await db.stepRun.update({ where: { id: send.id }, data: { attemptCount: 2 } });
    await fetch(`${crm.url}/crm/leads`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ externalId: "ORD-AMB4" }) });

    expect(await advanceRun({ runId })).toEqual({ status: "succeeded" });
    expect(calls()).toEqual(["POST /crm/leads", "POST /crm/leads", "GET /crm/leads"]);
    expect(crm.records.size).toBe(1);
  });

  it("stops as needs-review at once, after exactly one call, when no lookup is configured", async () => {
    const { flow } = await createPublishedFlow(nonHonouringFlow({ withLookup: false }), "Ambiguous no lookup");
    const { runId } = await deliver(flow.hookKey);
    crm.injectFaults({ type: "reset-after-effect" });
    expect(await advanceRun({ runId })).toEqual({ status: "needs_review" });
    expect(calls()).toEqual(["POST /crm/leads"]);
    expect(await stepOf(runId, "send")).toMatchObject({ status: "needs_review", errorClass: "ambiguous", attemptCount: 1 });
  });

  it("reads a 500 to a create as ambiguous, not temporary, when keys are ignored", async () => {
    const { flow } = await createPublishedFlow(nonHonouringFlow({ withLookup: false }), "Ambiguous 500");
    const { runId } = await deliver(flow.hookKey);
    crm.injectFaults({ type: "status", status: 500 });
    expect(await advanceRun({ runId })).toEqual({ status: "needs_review" });
    expect(calls()).toEqual(["POST /crm/leads"]);
  });

  it("still retries with the same key where the target honours keys (the default)", async () => {
    const { flow } = await createPublishedFlow(demoFlow(), "Ambiguous honoured");
    const { runId } = await deliver(flow.hookKey);
    crm.injectFaults({ type: "reset-after-effect" });
    expect((await advanceRun({ runId })).status).toBe("waiting_retry");
    expect(await advanceRun({ runId })).toEqual({ status: "succeeded" });
    expect(calls()).toEqual(["POST /crm/leads", "POST /crm/leads"]);
    expect(new Set(crm.requests.map((request) => request.headers["idempotency-key"])).size).toBe(1);
    expect(crm.records.size).toBe(1);
  });
});
