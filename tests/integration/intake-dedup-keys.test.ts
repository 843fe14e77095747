import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import type { FlowDefinitionInput } from "@/lib/flows/schema";
import { getBoss } from "@/lib/queue/boss";
import { POST } from "@/app/api/hooks/[hookKey]/route";
import { createPublishedFlow } from "@/tests/support/fixtures";

const demo = buildDemoFlowDefinition("http://127.0.0.1:9/crm/leads");

/** The demo flow with its webhook trigger's dedup settings replaced. */
function withTrigger(config: Record<string, unknown>): FlowDefinitionInput {
  return { ...demo, nodes: demo.nodes.map((node) => (node.kind === "webhook-trigger" ? { ...node, config } : node)) };
}

async function post(hookKey: string, body: string, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost/api/hooks/${hookKey}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const response = await POST(request, { params: Promise.resolve({ hookKey }) });
  return { status: response.status, body: (await response.json()) as { runId: string; duplicate: boolean } };
}

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false });
  await db.$disconnect();
});

describe("dedup keys for providers without a usable event id (R4)", () => {
  it("takes the id from the configured header before the body path", async () => {
    const { flow } = await createPublishedFlow(withTrigger({ eventIdHeader: "X-Delivery", eventIdPath: "id" }), "header keys");
    const first = await post(flow.hookKey, JSON.stringify({ id: "body-1" }), { "x-delivery": "d-1" });
    const sameDelivery = await post(flow.hookKey, JSON.stringify({ id: "body-2" }), { "x-delivery": "d-1" });
    const other = await post(flow.hookKey, JSON.stringify({ id: "body-1" }), { "x-delivery": "d-2" });
    expect([first.status, sameDelivery.status, other.status]).toEqual([202, 200, 202]);
    expect(sameDelivery.body.runId).toBe(first.body.runId);
    expect(other.body.runId).not.toBe(first.body.runId);
  });

  it("keeps 64-bit numeric event ids apart: 2^53 + 1 and 2^53 are two events, redeliveries of either are duplicates", async () => {
    const { flow } = await createPublishedFlow(withTrigger({ eventIdPath: "id" }), "big ids");
    const results = [];
    for (const id of ["9007199254740993", "9007199254740992", "9007199254740993"]) results.push(await post(flow.hookKey, `{"id":${id}}`));
    expect(results.map((result) => result.status)).toEqual([202, 202, 200]);
    expect(results[2]!.body.runId).toBe(results[0]!.body.runId);
    const events = await db.event.findMany({ where: { flowId: flow.id }, orderBy: { receivedAt: "asc" }, select: { providerEventId: true } });
    expect(events.map((event) => event.providerEventId)).toEqual(["9007199254740993", "9007199254740992"]);
  });

  it("computes the key with the flow's JSONata expression", async () => {
    // Bitrix24-style: the event has no id, but entity id + timestamp identify it.
    const { flow } = await createPublishedFlow(withTrigger({ eventIdExpression: 'data.FIELDS.ID & "@" & ts' }), "expression keys");
    const event = { event: "ONCRMDEALUPDATE", data: { FIELDS: { ID: "42" } }, ts: "1732440000" };
    const first = await post(flow.hookKey, JSON.stringify(event));
    // Re-serialised with other whitespace: same key, so still a duplicate.
    const again = await post(flow.hookKey, JSON.stringify(event, null, 2));
    const later = await post(flow.hookKey, JSON.stringify({ ...event, ts: "1732440099" }));
    expect([first.status, again.status, later.status]).toEqual([202, 200, 202]);
    expect(again.body.runId).toBe(first.body.runId);
    const stored = await db.event.findMany({ where: { flowId: flow.id }, orderBy: { receivedAt: "asc" }, select: { providerEventId: true } });
    expect(stored.map((event) => event.providerEventId)).toEqual(["42@1732440000", "42@1732440099"]);
  });

  it("refuses (422, counted) an event its expression cannot key rather than storing it unkeyed", async () => {
    const { flow } = await createPublishedFlow(withTrigger({ eventIdExpression: "$number(data.id)" }), "failing expression");
    const response = await post(flow.hookKey, JSON.stringify({ data: { id: "not a number" } }));
    expect(response.status).toBe(422);
    expect(await db.event.count({ where: { flowId: flow.id } })).toBe(0);
  });

  it("dedups byte-identical redeliveries by a body hash only when the flow asks for it", async () => {
    const hashed = await createPublishedFlow(withTrigger({ dedupByBodyHash: true }), "body hash");
    const plain = await createPublishedFlow(withTrigger({}), "no dedup");
    const body = JSON.stringify({ order: { id: "O-7" } });
    const [a, b] = [await post(hashed.flow.hookKey, body), await post(hashed.flow.hookKey, body)];
    expect([a.status, b.status]).toEqual([202, 200]);
    expect(b.body.runId).toBe(a.body.runId);
    // A different byte is a different event.
    expect((await post(hashed.flow.hookKey, JSON.stringify({ order: { id: "O-7" } }, null, 1))).status).toBe(202);

    const [c, d] = [await post(plain.flow.hookKey, body), await post(plain.flow.hookKey, body)];
    expect([c.status, d.status]).toEqual([202, 202]);
    expect(d.body.runId).not.toBe(c.body.runId);
  });

  it("scopes keys to the flow: the same event id on two flows starts a run on each", async () => {
    const one = await createPublishedFlow(withTrigger({ eventIdPath: "id" }), "scope one");
    const two = await createPublishedFlow(withTrigger({ eventIdPath: "id" }), "scope two");
    const body = JSON.stringify({ id: "shared-id" });
    expect((await post(one.flow.hookKey, body)).status).toBe(202);
    expect((await post(two.flow.hookKey, body)).status).toBe(202);
  });
});
