import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { User } from "@/lib/generated/prisma/client";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { getBoss } from "@/lib/queue/boss";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";
import { POST as publishRoute } from "@/app/api/v1/flows/[flowId]/publish/route";
import { POST as rollbackRoute } from "@/app/api/v1/flows/[flowId]/rollback/route";
import { PATCH as patchFlowRoute } from "@/app/api/v1/flows/[flowId]/route";
import { createPublishedFlow, createUserWithToken, jsonRequest } from "@/tests/support/fixtures";

const BASE = "http://localhost/api/v1";
const params = (flowId: string) => ({ params: Promise.resolve({ flowId }) });
const V1_URL = "http://127.0.0.1:9/v1/leads";
const V2_URL = "http://127.0.0.1:9/v2/leads";

let analyst: { user: User; token: string };

beforeAll(async () => {
  analyst = await createUserWithToken("analyst");
});

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false });
  await db.$disconnect();
});

function rollback(flowId: string, body: unknown, token = analyst.token) {
  return rollbackRoute(jsonRequest(`${BASE}/flows/${flowId}/rollback`, body, { headers: { authorization: `Bearer ${token}` } }), params(flowId));
}

/** A flow with v1 (production, posts to V1_URL) and v2 (sandbox, posts to V2_URL), v2 published. */
async function flowWithTwoVersions() {
  const { flow } = await createPublishedFlow(buildDemoFlowDefinition(V1_URL), "Rollback flow");
  const headers = { authorization: `Bearer ${analyst.token}` };
  const patched = await patchFlowRoute(
    jsonRequest(`${BASE}/flows/${flow.id}`, { definition: buildDemoFlowDefinition(V2_URL) }, { method: "PATCH", headers }),
    params(flow.id),
  );
  expect(patched.status).toBe(200);
  const published = await publishRoute(jsonRequest(`${BASE}/flows/${flow.id}/publish`, { environment: "sandbox" }, { headers }), params(flow.id));
  expect(published.status).toBe(201);
  return flow;
}

const versionsOf = (flowId: string) => db.flowVersion.findMany({ where: { flowId }, orderBy: { number: "asc" } });
const publishedOf = async (flowId: string) => (await db.flow.findUniqueOrThrow({ where: { id: flowId }, include: { publishedVersion: true } })).publishedVersion;

describe("POST /api/v1/flows/:flowId/rollback", () => {
  it("publishes a copy of the old version as the next number, keeping its environment, and new runs use it", async () => {
    const flow = await flowWithTwoVersions();
    const [v1Before, v2Before] = await versionsOf(flow.id);

    const response = await rollback(flow.id, { versionNumber: 1 });
    expect(response.status).toBe(201);
    const { version } = (await response.json()) as { version: { id: string; number: number; message: string; environment: string } };
    expect(version).toMatchObject({ number: 3, message: "Rollback to v1", environment: "production" });

    const published = await publishedOf(flow.id);
    expect(published?.id).toBe(version.id);
    expect(published?.definition).toEqual(v1Before!.definition);
    expect(published?.authorId).toBe(analyst.user.id);
    // Versions are immutable: the old ones are exactly as they were.
    const [v1After, v2After] = await versionsOf(flow.id);
    expect([v1After, v2After]).toEqual([v1Before, v2Before]);

    const { runId } = await receiveWebhook({
      hookKey: flow.hookKey,
      headers: new Headers({ "content-type": "application/json" }),
      rawBody: Buffer.from(JSON.stringify({ id: "evt-after-rollback", order: { id: "ORD-1", total: "5" }, customer: {} })),
    });
    const run = await db.run.findUniqueOrThrow({ where: { id: runId }, include: { flowVersion: true } });
    expect(run.flowVersionId).toBe(version.id);
    expect(JSON.stringify(run.flowVersion.definition)).toContain(V1_URL);
    expect(JSON.stringify(run.flowVersion.definition)).not.toContain(V2_URL);
  });

  it("audits the rollback with who did it, what was running and what it went back to", async () => {
    const flow = await flowWithTwoVersions();
    expect((await rollback(flow.id, { versionNumber: 1, environment: "sandbox" })).status).toBe(201);

    const rows = await db.auditLog.findMany({ where: { targetId: flow.id, action: "flow.rollback" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: analyst.user.id,
      actorEmail: analyst.user.email,
      targetType: "flow",
      details: { name: "Rollback flow", version: 3, environment: "sandbox", rolledBackTo: 1, previousVersion: 2 },
    });
    expect((await publishedOf(flow.id))?.environment).toBe("sandbox");
  });

  it("answers 409 when it would change nothing, and creates no version", async () => {
    const flow = await flowWithTwoVersions();
    const current = await rollback(flow.id, { versionNumber: 2 });
    expect(current.status).toBe(409);
    expect(((await current.json()) as { error: { message: string } }).error.message).toMatch(/v2 is already the published version/);

    expect((await rollback(flow.id, { versionNumber: 1 })).status).toBe(201);
    const again = await rollback(flow.id, { versionNumber: 1 });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/v3 already runs v1's definition/);
    expect(await db.flowVersion.count({ where: { flowId: flow.id } })).toBe(3);

    // The same definition in another environment is a real change.
    expect((await rollback(flow.id, { versionNumber: 1, environment: "sandbox" })).status).toBe(201);
  });

  it("answers 404 for an unknown version or flow, and 422 for a malformed request", async () => {
    const flow = await flowWithTwoVersions();
    expect((await rollback(flow.id, { versionNumber: 99 })).status).toBe(404);
    expect((await rollback("00000000-0000-4000-8000-000000000000", { versionNumber: 1 })).status).toBe(404);
    for (const body of [{}, { versionNumber: 0 }, { versionNumber: "1" }, { versionNumber: 1.5 }, { versionNumber: 1, environment: "staging" }]) {
      expect((await rollback(flow.id, body)).status).toBe(422);
    }
    expect(await db.flowVersion.count({ where: { flowId: flow.id } })).toBe(2);
  });

  it("answers 422 with the problems when the old version no longer passes validation", async () => {
    const flow = await flowWithTwoVersions();
    // Written directly: today's publish would refuse it, which is the point.
    await db.flowVersion.create({
      data: { flowId: flow.id, number: 3, message: "legacy", definition: { schemaVersion: 1, nodes: [{ id: "map", kind: "map-fields", position: { x: 0, y: 0 }, config: {} }], edges: [] } },
    });
    const response = await rollback(flow.id, { versionNumber: 3 });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { details: { problems: Array<{ message: string }> } } };
    expect(body.error.details.problems.some((problem) => /trigger/i.test(problem.message))).toBe(true);
    expect((await publishedOf(flow.id))?.number).toBe(2);
  });

  it("is refused to roles that may not publish", async () => {
    const flow = await flowWithTwoVersions();
    for (const role of ["operator", "viewer"] as const) {
      const { token } = await createUserWithToken(role);
      expect((await rollback(flow.id, { versionNumber: 1 }, token)).status).toBe(403);
    }
    const anonymous = await rollbackRoute(jsonRequest(`${BASE}/flows/${flow.id}/rollback`, { versionNumber: 1 }), params(flow.id));
    expect(anonymous.status).toBe(401);
    expect((await publishedOf(flow.id))?.number).toBe(2);
  });
});
