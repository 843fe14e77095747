import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // lib/env.mjs reads the keyring when it first loads, which is before any test code runs.
  process.env.FLOWGATE_MASTER_KEYS ??= `test:${Buffer.alloc(32, 7).toString("base64")}`;
});
import { db } from "@/lib/db";
import type { User } from "@/lib/generated/prisma/client";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import type { FlowDefinitionInput } from "@/lib/flows/schema";
import { updateDraft } from "@/lib/flows/update-draft";
import type { DryRunResult, DryRunStep } from "@/lib/dry-run/schema";
import { advanceRun } from "@/lib/runs/advance-run";
import { deriveIdempotencyKey } from "@/lib/runs/derive-idempotency-key";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";
import { POST as dryRunRoute } from "@/app/api/v1/flows/[flowId]/dry-run/route";
import { GET as sampleRoute } from "@/app/api/v1/flows/[flowId]/sample/route";
import type { FakeProvider } from "@/tests/support/fake-provider";
import { createPublishedFlow, createUserWithToken, jsonRequest } from "@/tests/support/fixtures";
import { seedCredential } from "@/tests/support/seed-credential";
import { useFakeProvider } from "@/tests/support/use-fake-provider";

let crm: FakeProvider;
let analyst: { user: User; token: string };

useFakeProvider((started) => (crm = started));

beforeAll(async () => {
  analyst = await createUserWithToken("analyst");
});

beforeEach(() => crm.reset());

const BASE = "http://localhost/api/v1";
const SAMPLE = { id: "evt-1", order: { id: "ORD-7", total: "129.90" }, customer: { name: " Ada ", email: "ADA@EXAMPLE.COM", phone: "8 701 123 45 67" } };

function dryRun(flowId: string, body: unknown) {
  return dryRunRoute(jsonRequest(`${BASE}/flows/${flowId}/dry-run`, body, { headers: { authorization: `Bearer ${analyst.token}` } }), { params: Promise.resolve({ flowId }) });
}

async function dryRunOk(flowId: string, body: unknown): Promise<DryRunResult> {
  const response = await dryRun(flowId, body);
  expect(response.status).toBe(200);
  return (await response.json()) as DryRunResult;
}

const stepOf = (result: DryRunResult, nodeId: string): DryRunStep => result.steps.find((step) => step.nodeId === nodeId)!;

/** What a dry run must never leave behind. */
const writes = async () => ({
  runs: await db.run.count(),
  events: await db.event.count(),
  steps: await db.stepRun.count(),
  claims: await db.dedupClaim.count(),
  permits: await db.connectorPermit.count(),
});

function demo(): FlowDefinitionInput {
  return buildDemoFlowDefinition(`${crm.url}/crm/leads`);
}

describe("POST /api/v1/flows/:id/dry-run", () => {
  it("shows each step of a 3-node flow and the exact request it would send, sending and writing nothing", async () => {
    const { flow } = await createPublishedFlow(demo(), "Dry run demo");
    const before = await writes();
    const result = await dryRunOk(flow.id, { sample: SAMPLE });

    expect(result.problems).toEqual([]);
    expect(result.steps.map((step) => [step.nodeId, step.status])).toEqual([["webhook", "succeeded"], ["map", "succeeded"], ["send", "succeeded"]]);
    expect(stepOf(result, "webhook").output).toEqual(SAMPLE);
    const mapped = { title: "Order #ORD-7", orderId: "ORD-7", name: "Ada", phone: "+77011234567", email: "ada@example.com", amount: 129.9, currency: "KZT" };
    expect(stepOf(result, "map")).toMatchObject({ input: SAMPLE, output: mapped, handle: "out" });
    const key = deriveIdempotencyKey({ flowId: flow.id, nodeId: "send", businessKey: "ORD-7" });
    expect(stepOf(result, "send").request).toEqual({
      method: "POST",
      url: `${crm.url}/crm/leads`,
      headers: expect.objectContaining({ "idempotency-key": key, "content-type": "application/json" }),
      body: { title: "Order #ORD-7", externalId: "ORD-7", contact: { name: "Ada", phone: "+77011234567", email: "ada@example.com" }, amount: 129.9, currency: "KZT" },
      idempotencyKey: key,
      idempotencyHeader: "Idempotency-Key",
    });
    expect(crm.requests).toHaveLength(0);
    expect(await writes()).toEqual(before);
  });

  it("tries the editor's definition instead of the stored draft, and reports the filter's branch", async () => {
    const { flow } = await createPublishedFlow(demo(), "Dry run filter");
    const base = demo();
    const send = base.nodes.find((node) => node.id === "send")!;
    const definition = {
      ...base,
      nodes: [...base.nodes, { id: "big", kind: "filter", position: { x: 0, y: 0 }, config: { condition: "amount > 500" } }, { ...send, id: "vip" }],
      edges: [
        { id: "webhook-map", source: "webhook", target: "map" },
        { id: "map-big", source: "map", target: "big" },
        { id: "big-vip", source: "big", sourceHandle: "true", target: "vip" },
        { id: "big-send", source: "big", sourceHandle: "false", target: "send" },
      ],
    };
    const result = await dryRunOk(flow.id, { definition, sample: SAMPLE });
    expect(stepOf(result, "big")).toMatchObject({ status: "succeeded", handle: "false" });
    expect(stepOf(result, "send").status).toBe("succeeded");
    expect(stepOf(result, "vip")).toEqual({ nodeId: "vip", kind: "http-request", status: "not-reached", note: 'Not reached: "big" took its "false" output' });
  });

  it("stops a branch at a node whose config is invalid, with the validation message", async () => {
    const { flow } = await createPublishedFlow(demo(), "Dry run invalid");
    const base = demo();
    const definition = { ...base, nodes: base.nodes.map((node) => (node.id === "map" ? { ...node, config: { mappings: [{ target: "a", source: "" }] } } : node)) };
    const result = await dryRunOk(flow.id, { definition, sample: SAMPLE });
    expect(stepOf(result, "map")).toMatchObject({ status: "failed", error: { class: "permanent", message: expect.stringContaining("config.mappings.0.source: Path is required") } });
    expect(stepOf(result, "send")).toMatchObject({ status: "not-reached", note: 'Not reached: "map" has an invalid config' });
    expect(result.problems).toContainEqual(expect.objectContaining({ nodeId: "map" }));
  });

  it("decides a duplicate against a live claim, read-only", async () => {
    const base = demo();
    const definition: FlowDefinitionInput = {
      ...base,
      nodes: [...base.nodes, { id: "once", kind: "dedup", position: { x: 0, y: 0 }, config: { keyFields: ["email"] } }],
      edges: [
        { id: "webhook-map", source: "webhook", target: "map" },
        { id: "map-once", source: "map", target: "once" },
        { id: "once-send", source: "once", target: "send" },
      ],
    };
    const { flow } = await createPublishedFlow(definition, "Dry run dedup");
    const fresh = await dryRunOk(flow.id, { sample: SAMPLE });
    expect(stepOf(fresh, "once")).toMatchObject({ status: "succeeded", handle: "out", dedup: { key: "ada@example.com", decision: "new" } });

    const delivered = await receiveWebhook({ hookKey: flow.hookKey, headers: new Headers({ "content-type": "application/json" }), rawBody: Buffer.from(JSON.stringify(SAMPLE)) });
    expect((await advanceRun({ runId: delivered.runId })).status).toBe("succeeded");
    const before = await writes();
    const again = await dryRunOk(flow.id, { sample: { ...SAMPLE, id: "evt-2", order: { id: "ORD-8", total: "1" } } });
    expect(stepOf(again, "once")).toMatchObject({
      status: "succeeded",
      dedup: { key: "ada@example.com", decision: "duplicate", duplicateOfRunId: delivered.runId },
      note: `The run would end here as a duplicate of run ${delivered.runId}`,
    });
    expect(stepOf(again, "send")).toMatchObject({ status: "not-reached" });
    expect(await writes()).toEqual(before);
  });

  it("shows where a credential goes but never its value", async () => {
    const canary = `canary-${randomUUID()}`;
    await seedCredential({ name: "dry-crm", secret: { type: "bearer", fields: { token: canary } } });
    const base = demo();
    const definition = { ...base, nodes: base.nodes.map((node) => (node.kind === "http-request" ? { ...node, config: { ...node.config, credentialRef: "dry-crm", headers: { "X-Echo": `copy ${canary}` } } } : node)) };
    const { flow } = await createPublishedFlow(definition, "Dry run credential");
    const response = await dryRun(flow.id, { sample: { ...SAMPLE, customer: { ...SAMPLE.customer, name: canary } } });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toContain(canary);
    const send = stepOf(JSON.parse(text) as DryRunResult, "send");
    expect(send.request?.headers).toMatchObject({ authorization: "[REDACTED]", "x-echo": "copy [REDACTED]" });
    expect(crm.requests).toHaveLength(0);
  });

  it("calls a lookup only when read-only calls are allowed, without a connector permit", async () => {
    const base = demo();
    const definition: FlowDefinitionInput = {
      ...base,
      nodes: [...base.nodes, { id: "find", kind: "lookup", position: { x: 0, y: 0 }, config: { url: `${crm.url}/crm/leads?externalId={{orderId}}`, foundPath: "results" } }],
      edges: [
        { id: "webhook-map", source: "webhook", target: "map" },
        { id: "map-find", source: "map", target: "find" },
        { id: "find-send", source: "find", sourceHandle: "not-found", target: "send" },
      ],
    };
    const { flow } = await createPublishedFlow(definition, "Dry run lookup");
    const offline = await dryRunOk(flow.id, { sample: SAMPLE });
    expect(stepOf(offline, "find")).toMatchObject({ status: "succeeded", handle: "not-found", lookup: { called: false }, note: expect.stringContaining("read-only calls are not allowed") });
    expect(stepOf(offline, "send").status).toBe("succeeded");
    expect(crm.requests).toHaveLength(0);

    const before = await writes();
    const online = await dryRunOk(flow.id, { sample: SAMPLE, allowReadOnlyCalls: true });
    expect(stepOf(online, "find")).toMatchObject({ status: "succeeded", handle: "not-found", lookup: { called: true, found: false } });
    expect(crm.requests.map((request) => `${request.method} ${request.path}`)).toEqual(["GET /crm/leads?externalId=ORD-7"]);
    expect(await writes()).toEqual(before);
  });

  it("answers 422 for a bad body and nothing else happens", async () => {
    const { flow } = await createPublishedFlow(demo(), "Dry run bad body");
    const missing = await dryRun(flow.id, { definition: demo() });
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain("sample");
    expect((await dryRun(flow.id, { sample: {}, allowReadOnlyCalls: "yes" })).status).toBe(422);
    expect((await dryRun(flow.id, { sample: {}, definition: { schemaVersion: 1, nodes: [{ id: "x" }] } })).status).toBe(422);
  });
});

describe("GET /api/v1/flows/:id/sample", () => {
  const sample = async (flowId: string) => {
    const response = await sampleRoute(new Request(`${BASE}/flows/${flowId}/sample`, { headers: { authorization: `Bearer ${analyst.token}` } }), { params: Promise.resolve({ flowId }) });
    expect(response.status).toBe(200);
    return response.json();
  };

  it("prefers the saved sample, else the latest event's body (masked), else nothing", async () => {
    const { flow, actor } = await createPublishedFlow(demo(), "Sample flow");
    expect(await sample(flow.id)).toEqual({ sample: null, source: null });
    await receiveWebhook({ hookKey: flow.hookKey, headers: new Headers({ "content-type": "application/json" }), rawBody: Buffer.from(JSON.stringify({ ...SAMPLE, apiToken: "t-123456789" })) });
    expect(await sample(flow.id)).toEqual({ sample: { ...SAMPLE, apiToken: "[REDACTED]" }, source: "last-event" });
    await updateDraft({ flowId: flow.id, actor, input: { sample: { order: { id: "saved" } } } });
    expect(await sample(flow.id)).toEqual({ sample: { order: { id: "saved" } }, source: "saved" });
  });
});
