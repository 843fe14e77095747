import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { User } from "@/lib/generated/prisma/client";
import { findCredentialUsage } from "@/lib/credentials/find-credential-usage";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { POST as createFlowRoute } from "@/app/api/v1/flows/route";
import { GET as getFlowRoute, PATCH as patchFlowRoute } from "@/app/api/v1/flows/[flowId]/route";
import { POST as publishRoute } from "@/app/api/v1/flows/[flowId]/publish/route";
import { createUserWithToken, jsonRequest } from "@/tests/support/fixtures";

const BASE = "http://localhost/api/v1";
const params = (flowId: string) => ({ params: Promise.resolve({ flowId }) });

let analyst: { user: User; token: string };
let colleague: { user: User; token: string };

beforeAll(async () => {
  [analyst, colleague] = await Promise.all([createUserWithToken("analyst"), createUserWithToken("analyst")]);
});

afterAll(() => db.$disconnect());

type FlowBody = { flow: { id: string; draft: { nodes: Array<{ id: string; config: Record<string, unknown> }> }; draftRevision: number; editorSample: unknown } };
type ErrorBody = { error: { code: string; message: string; details?: { reason?: string; currentRevision?: number; problems?: unknown[] } } };

async function createFlow(definition: unknown = buildDemoFlowDefinition("http://127.0.0.1:9/crm/leads")): Promise<string> {
  const response = await createFlowRoute(jsonRequest(`${BASE}/flows`, { name: "Draft flow", definition }, { headers: { authorization: `Bearer ${analyst.token}` } }), undefined);
  expect(response.status).toBe(201);
  return ((await response.json()) as FlowBody).flow.id;
}

function patch(flowId: string, body: unknown, token = analyst.token) {
  return patchFlowRoute(jsonRequest(`${BASE}/flows/${flowId}`, body, { method: "PATCH", headers: { authorization: `Bearer ${token}` } }), params(flowId));
}

async function getFlow(flowId: string): Promise<FlowBody["flow"]> {
  const response = await getFlowRoute(new Request(`${BASE}/flows/${flowId}`, { headers: { authorization: `Bearer ${analyst.token}` } }), params(flowId));
  expect(response.status).toBe(200);
  return ((await response.json()) as FlowBody).flow;
}

function withSendConfig(config: Record<string, unknown>) {
  const definition = buildDemoFlowDefinition("http://127.0.0.1:9/crm/leads");
  return { ...definition, nodes: definition.nodes.map((node) => (node.id === "send" ? { ...node, config } : node)) };
}

describe("drafts may be incomplete", () => {
  it("saves a node with an empty URL, and publishing still refuses it with the node's problem", async () => {
    const flowId = await createFlow();
    const saved = await patch(flowId, { definition: withSendConfig({ method: "POST", url: "" }) });
    expect(saved.status).toBe(200);
    expect((await getFlow(flowId)).draft.nodes.find((node) => node.id === "send")?.config).toEqual({ method: "POST", url: "" });

    const published = await publishRoute(jsonRequest(`${BASE}/flows/${flowId}/publish`, {}, { headers: { authorization: `Bearer ${analyst.token}` } }), params(flowId));
    expect(published.status).toBe(422);
    const body = (await published.json()) as ErrorBody;
    expect(body.error.details?.problems).toContainEqual(expect.objectContaining({ nodeId: "send", path: "config.url", message: expect.stringContaining("URL is required") }));
  });

  it("refuses a structurally broken draft with 422 naming the path, and writes nothing", async () => {
    const flowId = await createFlow();
    const response = await patch(flowId, { definition: { schemaVersion: 1, nodes: [{ id: "x", kind: "teleport", position: { x: 0, y: 0 }, config: {} }] } });
    expect(response.status).toBe(422);
    expect(((await response.json()) as ErrorBody).error.message).toMatch(/^nodes\.0\.kind: Unknown node kind/);
    expect((await getFlow(flowId)).draftRevision).toBe(1);
  });

  it("still lists a credential named only in an unfinished node as in use", async () => {
    const flowId = await createFlow();
    expect((await patch(flowId, { definition: withSendConfig({ url: "", credentialRef: "half-done-crm" }) })).status).toBe(200);
    expect(await findCredentialUsage("half-done-crm")).toEqual([expect.objectContaining({ flowId, inDraft: true, published: null })]);
  });
});

describe("draft revisions (stale saves)", () => {
  it("counts definition saves, returns the revision, and keeps the editor sample beside the draft", async () => {
    const flowId = await createFlow();
    expect(await getFlow(flowId)).toMatchObject({ draftRevision: 1, editorSample: null });
    const first = await patch(flowId, { definition: withSendConfig({ url: "" }), sample: { order: { id: "A-1" } }, expectedRevision: 1 });
    expect(((await first.json()) as FlowBody).flow).toMatchObject({ draftRevision: 2, editorSample: { order: { id: "A-1" } } });
    // A rename or a new sample is not a new revision of the definition.
    const renamed = await patch(flowId, { name: "Renamed", expectedRevision: 2 });
    expect(((await renamed.json()) as FlowBody).flow.draftRevision).toBe(2);
    expect(await getFlow(flowId)).toMatchObject({ draftRevision: 2, editorSample: { order: { id: "A-1" } } });
    expect(((await (await patch(flowId, { sample: null })).json()) as FlowBody).flow.editorSample).toBeNull();
  });

  it("refuses a save based on an older revision with 409, naming who saved the newer one, and writes nothing", async () => {
    const flowId = await createFlow();
    expect((await patch(flowId, { definition: withSendConfig({ url: "https://a.example/1" }), expectedRevision: 1 }, colleague.token)).status).toBe(200);

    const stale = await patch(flowId, { name: "Mine", definition: withSendConfig({ url: "https://b.example/2" }), expectedRevision: 1 });
    expect(stale.status).toBe(409);
    const { error } = (await stale.json()) as ErrorBody;
    expect(error).toMatchObject({ code: "conflict", details: { reason: "stale_draft", currentRevision: 2 } });
    expect(error.message).toContain(colleague.user.email);
    expect(error.message).toMatch(/^The draft was changed by .+ at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC \(revision 2\); reload it/);
    const flow = await db.flow.findUniqueOrThrow({ where: { id: flowId } });
    expect(flow).toMatchObject({ name: "Draft flow", draftRevision: 2 });
    expect(JSON.stringify(flow.draft)).toContain("https://a.example/1");
  });

  it("lets exactly one of two concurrent saves based on the same revision win", async () => {
    const flowId = await createFlow();
    const responses = await Promise.all(
      ["https://one.example/", "https://two.example/", "https://three.example/"].map((url) => patch(flowId, { definition: withSendConfig({ url }), expectedRevision: 1 })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409, 409]);
    const winner = (await responses.find((response) => response.status === 200)!.json()) as FlowBody;
    const stored = await db.flow.findUniqueOrThrow({ where: { id: flowId } });
    expect(stored.draftRevision).toBe(2);
    expect(stored.draft).toEqual(winner.flow.draft);
    expect(await db.auditLog.count({ where: { targetId: flowId, action: "flow.update_draft" } })).toBe(1);
  });

  it("keeps stored secrets when the masked draft is saved back, and takes a value typed over the mask", async () => {
    const flowId = await createFlow(withSendConfig({ url: "https://crm.example/leads", headers: { Authorization: "Bearer real-secret-123456", "X-Tenant": "acme" } }));
    const loaded = await getFlow(flowId);
    expect(JSON.stringify(loaded)).not.toContain("real-secret-123456");
    expect(loaded.draft.nodes.find((node) => node.id === "send")?.config.headers).toEqual({ Authorization: "[REDACTED]", "X-Tenant": "acme" });

    expect((await patch(flowId, { definition: loaded.draft, expectedRevision: loaded.draftRevision })).status).toBe(200);
    const stored = (await db.flow.findUniqueOrThrow({ where: { id: flowId } })).draft as FlowBody["flow"]["draft"];
    expect(stored.nodes.find((node) => node.id === "send")?.config.headers).toEqual({ Authorization: "Bearer real-secret-123456", "X-Tenant": "acme" });

    const retyped = structuredClone(loaded.draft);
    retyped.nodes.find((node) => node.id === "send")!.config.headers = { Authorization: "Bearer new-secret-654321" };
    expect((await patch(flowId, { definition: retyped })).status).toBe(200);
    const after = (await db.flow.findUniqueOrThrow({ where: { id: flowId } })).draft as FlowBody["flow"]["draft"];
    expect(after.nodes.find((node) => node.id === "send")?.config.headers).toEqual({ Authorization: "Bearer new-secret-654321" });
  });

  it("answers 422 for a malformed expectedRevision", async () => {
    const flowId = await createFlow();
    expect((await patch(flowId, { name: "x", expectedRevision: "one" })).status).toBe(422);
  });
});
