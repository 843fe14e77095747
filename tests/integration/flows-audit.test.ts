import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { User } from "@/lib/generated/prisma/client";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import type { FlowDefinition } from "@/lib/flows/schema";
import { POST as createFlowRoute } from "@/app/api/v1/flows/route";
import { GET as getFlowRoute, PATCH as patchFlowRoute } from "@/app/api/v1/flows/[flowId]/route";
import { POST as publishRoute } from "@/app/api/v1/flows/[flowId]/publish/route";
import { POST as statusRoute } from "@/app/api/v1/flows/[flowId]/status/route";
import { GET as auditRoute } from "@/app/api/v1/audit/route";
import { allowUnsignedWebhooks, createUserWithToken, jsonRequest } from "@/tests/support/fixtures";

// Changes made through an API token name the token in their audit details.
const VIA_TOKEN = expect.stringMatching(/^api token [0-9a-f-]{36}$/);

const BASE = "http://localhost/api/v1";
const params = (flowId: string) => ({ params: Promise.resolve({ flowId }) });
const CLIENT_IP = "198.51.100.23";

let analyst: { user: User; token: string };
let operator: { user: User; token: string };
let admin: { user: User; token: string };

beforeAll(async () => {
  [analyst, operator, admin] = await Promise.all([createUserWithToken("analyst"), createUserWithToken("operator"), createUserWithToken("admin")]);
});

afterAll(() => db.$disconnect());

const as = (token: string) => ({ authorization: `Bearer ${token}`, "x-forwarded-for": CLIENT_IP });

/** The demo flow with secret-looking and innocent-looking header values that both carry the canary. */
function definitionWithHeaders(canary: string): FlowDefinition {
  const definition = buildDemoFlowDefinition("http://127.0.0.1:9/crm/leads");
  const send = definition.nodes.find((node) => node.id === "send")!;
  (send.config as { headers: Record<string, string> }).headers = { "X-Api-Key": canary, "X-Tenant": `tenant-${canary}` };
  return definition;
}

async function createFlowAs(token: string, body: unknown): Promise<string> {
  const response = await createFlowRoute(jsonRequest(`${BASE}/flows`, body, { headers: as(token) }), undefined);
  expect(response.status).toBe(201);
  const { id } = ((await response.json()) as { flow: { id: string } }).flow;
  await allowUnsignedWebhooks(id);
  return id;
}

function publish(flowId: string, token: string, body: unknown = {}) {
  return publishRoute(jsonRequest(`${BASE}/flows/${flowId}/publish`, body, { headers: as(token) }), params(flowId));
}

function setStatus(flowId: string, token: string, status: string) {
  return statusRoute(jsonRequest(`${BASE}/flows/${flowId}/status`, { status }, { headers: as(token) }), params(flowId));
}

function auditRowsFor(flowId: string) {
  return db.auditLog.findMany({ where: { targetType: "flow", targetId: flowId }, orderBy: { id: "asc" } });
}

describe("audit of flow actions", () => {
  it("records who created a flow, from where, in one row", async () => {
    const flowId = await createFlowAs(analyst.token, { name: "Audited create" });
    const rows = await auditRowsFor(flowId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "flow.create",
      outcome: "success",
      actorId: analyst.user.id,
      actorEmail: analyst.user.email,
      ip: CLIENT_IP,
      details: { name: "Audited create", nodes: 1 },
    });
  });

  it("records draft edits, a publish and a pause/resume as one row each, with no part of the draft in any of them", async () => {
    const canary = `canary-${randomUUID()}`;
    const flowId = await createFlowAs(analyst.token, { name: "Canary flow", definition: definitionWithHeaders(canary) });

    const renamed = await patchFlowRoute(
      jsonRequest(`${BASE}/flows/${flowId}`, { name: "Canary flow 2", definition: definitionWithHeaders(`${canary}-v2`) }, { method: "PATCH", headers: as(analyst.token) }),
      params(flowId),
    );
    expect(renamed.status).toBe(200);
    expect((await publish(flowId, analyst.token, { message: `ship ${canary}`, environment: "sandbox" })).status).toBe(201);
    expect((await setStatus(flowId, operator.token, "paused")).status).toBe(200);
    expect((await setStatus(flowId, operator.token, "active")).status).toBe(200);

    const rows = await auditRowsFor(flowId);
    expect(rows.map((row) => [row.action, row.actorEmail])).toEqual([
      ["flow.create", analyst.user.email],
      ["flow.update_draft", analyst.user.email],
      ["flow.publish", analyst.user.email],
      ["flow.pause", operator.user.email],
      ["flow.resume", operator.user.email],
    ]);
    expect(rows[1]!.details).toEqual({ name: "Canary flow 2", previousName: "Canary flow", definition: "changed", nodes: 3, revision: 2, via: VIA_TOKEN });
    expect(rows[2]!.details).toEqual({ name: "Canary flow 2", version: 1, environment: "sandbox", via: VIA_TOKEN });
    expect(rows.every((row) => row.ip === CLIENT_IP)).toBe(true);

    // Neither the rows nor the CSV an admin downloads carry a header value (or the free-text message) from the draft.
    expect(JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value))).not.toContain(canary);
    const csv = await (await auditRoute(new Request(`${BASE}/audit?format=csv`, { headers: as(admin.token) }), undefined)).text();
    expect(csv).toContain(flowId);
    expect(csv).not.toContain(canary);
  });

  it("records the publish environment on the version, production when none is chosen", async () => {
    const flowId = await createFlowAs(analyst.token, { name: "Environments", definition: buildDemoFlowDefinition("http://127.0.0.1:9/x") });
    const first = (await (await publish(flowId, analyst.token)).json()) as { version: { number: number; environment: string } };
    const second = (await (await publish(flowId, analyst.token, { environment: "sandbox" })).json()) as { version: { number: number; environment: string } };
    expect(first.version).toMatchObject({ number: 1, environment: "production" });
    expect(second.version).toMatchObject({ number: 2, environment: "sandbox" });
    expect((await db.flowVersion.findMany({ where: { flowId }, orderBy: { number: "asc" } })).map((v) => v.environment)).toEqual(["production", "sandbox"]);

    const response = await publish(flowId, analyst.token, { environment: "staging" });
    expect(response.status).toBe(422);
    expect(await db.flowVersion.count({ where: { flowId } })).toBe(2);
  });

  it("writes no row for a change that did not happen: refused, invalid or already in that state", async () => {
    // A well-formed draft that fails publish validation: a mapping with no trigger before it.
    const noTrigger = { schemaVersion: 1, nodes: [{ id: "map", kind: "map-fields", position: { x: 0, y: 0 }, config: { mappings: [] } }], edges: [] };
    const flowId = await createFlowAs(analyst.token, { name: "No-ops", definition: noTrigger });
    const before = await auditRowsFor(flowId);

    const denied = await patchFlowRoute(jsonRequest(`${BASE}/flows/${flowId}`, { name: "x" }, { method: "PATCH", headers: as(operator.token) }), params(flowId));
    expect(denied.status).toBe(403);
    const invalid = await patchFlowRoute(
      jsonRequest(`${BASE}/flows/${flowId}`, { definition: { schemaVersion: 9 } }, { method: "PATCH", headers: as(analyst.token) }),
      params(flowId),
    );
    expect(invalid.status).toBe(422);
    expect((await publish(flowId, analyst.token)).status).toBe(422);
    expect((await setStatus(flowId, operator.token, "active")).status).toBe(200);

    expect(await auditRowsFor(flowId)).toEqual(before);
  });

  it("pauses once when two operators click at the same moment", async () => {
    const flowId = await createFlowAs(analyst.token, { name: "Double pause" });
    const responses = await Promise.all([setStatus(flowId, operator.token, "paused"), setStatus(flowId, admin.token, "paused")]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    expect((await auditRowsFor(flowId)).filter((row) => row.action === "flow.pause")).toHaveLength(1);
  });
});

describe("reading flows through the API", () => {
  it("masks secret header values in the draft and in published versions for every reader", async () => {
    const canary = `canary-${randomUUID()}`;
    const definition = buildDemoFlowDefinition("http://127.0.0.1:9/crm/leads");
    const send = definition.nodes.find((node) => node.id === "send")!;
    // A secret-named header is masked; an innocent-looking one stays readable (value masking needs a credential).
    (send.config as { headers: Record<string, string> }).headers = { "X-Api-Key": canary, "X-Tenant": "tenant-7" };
    const flowId = await createFlowAs(analyst.token, { name: "Masked read", definition });
    const published = await publish(flowId, analyst.token);
    expect(published.status).toBe(201);
    expect(await published.text()).not.toContain(canary);

    const viewer = await createUserWithToken("viewer");
    const read = await getFlowRoute(new Request(`${BASE}/flows/${flowId}`, { headers: as(viewer.token) }), params(flowId));
    expect(read.status).toBe(200);
    const text = await read.text();
    expect(text).toContain("tenant-7");
    expect(text).not.toContain(canary);
  });
});
