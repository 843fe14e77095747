import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // lib/env.mjs reads the keyring when it first loads, which is before any test code runs.
  process.env.FLOWGATE_MASTER_KEYS ??= `test:${Buffer.alloc(32, 7).toString("base64")}`;
});

import { db } from "@/lib/db";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import type { FlowDefinitionInput } from "@/lib/flows/schema";
import { flushRejectionCounts } from "@/lib/intake/count-rejection";
import type { IntakeActivity } from "@/lib/intake/list-intake-activity";
import { getBoss } from "@/lib/queue/boss";
import { POST as postHookRoute } from "@/app/api/hooks/[hookKey]/route";
import { GET as getEventsRoute } from "@/app/api/v1/flows/[flowId]/events/route";
import { POST as publishRoute } from "@/app/api/v1/flows/[flowId]/publish/route";
import { PUT as putUnsignedRoute } from "@/app/api/v1/flows/[flowId]/unsigned-webhooks/route";
import { createFlow } from "@/lib/flows/create-flow";
import { actingAs, createPublishedFlow, createUserWithToken, jsonRequest } from "@/tests/support/fixtures";
import { seedCredential } from "@/tests/support/seed-credential";

const TOKEN = "shared-token-canary-5f1e2d";
const demo = buildDemoFlowDefinition("http://127.0.0.1:9/crm/leads");
const withTrigger = (config: Record<string, unknown>): FlowDefinitionInput => ({
  ...demo,
  nodes: demo.nodes.map((node) => (node.kind === "webhook-trigger" ? { ...node, config: { ...node.config, ...config } } : node)),
});
const order = (id: string) => JSON.stringify({ id, order: { id: `ORD-${id}`, total: "1" }, customer: { name: "A", email: "a@b.c", phone: "+77011234567" } });

async function postHook(hookKey: string, body: string, { query = "", headers = {} }: { query?: string; headers?: Record<string, string> } = {}) {
  const request = new Request(`http://localhost/api/hooks/${hookKey}${query}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return postHookRoute(request, { params: Promise.resolve({ hookKey }) });
}

let admin: string;
let analyst: string;
beforeAll(async () => {
  admin = (await createUserWithToken("admin")).token;
  analyst = (await createUserWithToken("analyst")).token;
  await seedCredential({ name: "hook-token", secret: { type: "webhook-signing", fields: { secret: TOKEN } } });
});

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false });
  await db.$disconnect();
});

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const params = (flowId: string) => ({ params: Promise.resolve({ flowId }) });

describe("unsigned webhooks need an admin's permission per flow (R3)", () => {
  it("refuses to publish an unsigned trigger until an admin allows it, and intake refuses once it is withdrawn", async () => {
    const created = await createFlow({ actor: actingAs((await createUserWithToken("analyst")).user), input: { name: "Unsigned", definition: demo } });

    const refused = await publishRoute(jsonRequest(`http://localhost/api/v1/flows/${created.id}/publish`, {}, { headers: auth(analyst) }), params(created.id));
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await refused.json())).toContain("ask an admin to allow unsigned webhooks");

    // Analysts cannot grant it themselves.
    const denied = await putUnsignedRoute(jsonRequest(`http://localhost/api/v1/flows/${created.id}/unsigned-webhooks`, { allowed: true }, { method: "PUT", headers: auth(analyst) }), params(created.id));
    expect(denied.status).toBe(403);
    const granted = await putUnsignedRoute(jsonRequest(`http://localhost/api/v1/flows/${created.id}/unsigned-webhooks`, { allowed: true }, { method: "PUT", headers: auth(admin) }), params(created.id));
    expect(granted.status).toBe(200);
    expect(await db.auditLog.count({ where: { action: "flow.unsigned_webhooks", targetId: created.id } })).toBe(1);

    const published = await publishRoute(jsonRequest(`http://localhost/api/v1/flows/${created.id}/publish`, {}, { headers: auth(analyst) }), params(created.id));
    expect(published.status).toBe(201);
    expect((await postHook(created.hookKey, order("u-1"))).status).toBe(202);

    await putUnsignedRoute(jsonRequest(`http://localhost/api/v1/flows/${created.id}/unsigned-webhooks`, { allowed: false }, { method: "PUT", headers: auth(admin) }), params(created.id));
    const afterWithdrawal = await postHook(created.hookKey, order("u-2"));
    expect(afterWithdrawal.status).toBe(401);
    expect(((await afterWithdrawal.json()) as { error: { details: unknown } }).error.details).toEqual({ reason: "signature_required" });
    expect(await db.event.count({ where: { flowId: created.id } })).toBe(1);
  });

  it("answers a malformed permission change with a readable 4xx", async () => {
    const { flow } = await createPublishedFlow(demo, "Bad toggle");
    const response = await putUnsignedRoute(jsonRequest(`http://localhost/api/v1/flows/${flow.id}/unsigned-webhooks`, { allowed: "yes" }, { method: "PUT", headers: auth(admin) }), params(flow.id));
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("allowed");
  });
});

describe("shared-secret tokens and counted rejections", () => {
  it("accepts the token in the query, refuses a wrong one with 401, and counts a flood of refusals in one row", async () => {
    const { flow } = await createPublishedFlow(withTrigger({ signature: { scheme: "shared-secret", credentialRef: "hook-token", queryParam: "token" } }), "Token flow", {
      unsignedWebhooksAllowed: false,
    });
    expect((await postHook(flow.hookKey, order("t-1"), { query: `?token=${TOKEN}` })).status).toBe(202);
    expect((await postHook(flow.hookKey, order("t-1"), { query: `?token=${TOKEN}` })).status).toBe(200);

    const floods = await Promise.all(Array.from({ length: 120 }, (_, i) => postHook(flow.hookKey, order(`forged-${i}`), { query: "?token=guess" })));
    expect(new Set(floods.map((response) => response.status))).toEqual(new Set([401]));
    expect((await postHook(flow.hookKey, order("t-3"))).status).toBe(401);
    await flushRejectionCounts();

    // Nothing of the forged requests is stored but their count, per minute and reason.
    expect(await db.event.count({ where: { flowId: flow.id } })).toBe(1);
    const rows = await db.intakeRejection.findMany({ where: { flowId: flow.id } });
    const byReason: Record<string, number> = {};
    for (const row of rows) byReason[row.reason] = (byReason[row.reason] ?? 0) + row.count;
    expect(byReason).toEqual({ bad_signature: 120, missing_header: 1 });
    expect(rows.length).toBeLessThanOrEqual(4); // at most two minutes per reason, however many requests

    // The events view tells the analyst what happened, and never shows the token.
    const response = await getEventsRoute(new Request(`http://localhost/api/v1/flows/${flow.id}/events`, { headers: auth(analyst) }), params(flow.id));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(TOKEN);
    const activity = JSON.parse(text) as IntakeActivity;
    expect(activity.entries.map((entry) => entry.kind)).toEqual(expect.arrayContaining(["accepted", "duplicate", "rejected"]));
    expect(activity.rejectedToday).toEqual([
      expect.objectContaining({ reason: "bad_signature", label: "Signature did not match", count: 120 }),
      expect.objectContaining({ reason: "missing_header", count: 1 }),
    ]);
  });

  it("counts refusals by other causes too: paused flow, wrong content type, oversized body", async () => {
    const { flow } = await createPublishedFlow(demo, "Counted causes");
    expect((await postHook(flow.hookKey, "hello", { headers: { "content-type": "text/plain" } })).status).toBe(415);
    expect((await postHook(flow.hookKey, "{ broken")).status).toBe(400);
    expect((await postHook(flow.hookKey, JSON.stringify({ blob: "x".repeat(1024 * 1024 + 1) }))).status).toBe(413);
    await db.flow.update({ where: { id: flow.id }, data: { status: "paused" } });
    expect((await postHook(flow.hookKey, order("p-1"))).status).toBe(409);
    await flushRejectionCounts();
    const reasons = (await db.intakeRejection.findMany({ where: { flowId: flow.id } })).map((row) => row.reason).sort();
    expect(reasons).toEqual(["bad_request", "flow_paused", "payload_too_large", "unsupported_media_type"]);
  });
});
