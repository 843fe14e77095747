import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // lib/env.mjs reads the keyring when it first loads, which is before any test code runs.
  process.env.FLOWGATE_MASTER_KEYS ??= `test:${Buffer.alloc(32, 7).toString("base64")}`;
});

import { db } from "@/lib/db";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import type { FlowDefinitionInput } from "@/lib/flows/schema";
import { getBoss } from "@/lib/queue/boss";
import { POST } from "@/app/api/hooks/[hookKey]/route";
import { countRunJobs, createPublishedFlow } from "@/tests/support/fixtures";
import { seedCredential } from "@/tests/support/seed-credential";

const SECRET = "github-hook-secret-0123456789";
const demo = buildDemoFlowDefinition("http://127.0.0.1:9/crm/leads");
// The demo flow, with its webhook trigger demanding a GitHub-style signature.
const definition: FlowDefinitionInput = {
  ...demo,
  nodes: demo.nodes.map((node) =>
    node.kind === "webhook-trigger" ? { ...node, config: { ...node.config, signature: { scheme: "github", credentialRef: "hook-secret" } } } : node,
  ),
};

let hookKey: string;
let flowId: string;

beforeAll(async () => {
  await seedCredential({ name: "hook-secret", secret: { type: "webhook-signing", fields: { secret: SECRET } } });
  const { flow } = await createPublishedFlow(definition, "Signed intake flow");
  hookKey = flow.hookKey;
  flowId = flow.id;
});

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false });
  await db.$disconnect();
});

const rawOrder = (id: string) => JSON.stringify({ id, order: { id: `ORD-${id}`, total: "10" }, customer: { name: "Ann", email: "a@b.c", phone: "+77011234567" } });
const sign = (rawBody: string, secret = SECRET) => `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;

function postHook(rawBody: string, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost/api/hooks/${hookKey}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: rawBody });
  return POST(request, { params: Promise.resolve({ hookKey }) });
}

async function storedCounts() {
  const [events, runs] = await Promise.all([db.event.count({ where: { flowId } }), db.run.count({ where: { flowId } })]);
  return { events, runs };
}

describe("POST /api/hooks/:hookKey with a signed webhook trigger", () => {
  it("accepts a correctly signed event with 202 and creates its run", async () => {
    const body = rawOrder("sig-1");
    const response = await postHook(body, { "x-hub-signature-256": sign(body) });
    expect(response.status).toBe(202);
    const { runId } = (await response.json()) as { runId: string };
    const run = await db.run.findUniqueOrThrow({ where: { id: runId }, include: { event: true } });
    expect(run.event.providerEventId).toBe("sig-1");
    expect(await countRunJobs(runId)).toBe(1);
  });

  it("refuses a wrong signature with 401 and stores no event and no run", async () => {
    const before = await storedCounts();
    const body = rawOrder("sig-2");
    const response = await postHook(body, { "x-hub-signature-256": sign(body, "not-the-secret") });
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).toContain("bad_signature");
    expect(text).not.toContain(SECRET);
    expect(await storedCounts()).toEqual(before);
    expect(await db.event.count({ where: { providerEventId: "sig-2" } })).toBe(0);
  });

  it("refuses a request without the signature header with 401 and stores nothing", async () => {
    const before = await storedCounts();
    const response = await postHook(rawOrder("sig-3"));
    expect(response.status).toBe(401);
    expect(await response.text()).toContain("missing_header");
    expect(await storedCounts()).toEqual(before);
  });
});
