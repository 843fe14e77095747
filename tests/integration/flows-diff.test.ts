import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { User } from "@/lib/generated/prisma/client";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { getBoss } from "@/lib/queue/boss";
import { updateDraft } from "@/lib/flows/update-draft";
import { publishVersion } from "@/lib/flows/publish-version";
import { GET as versionRoute } from "@/app/api/v1/flows/[flowId]/versions/[versionNumber]/route";
import { GET as diffRoute } from "@/app/api/v1/flows/[flowId]/diff/route";
import { actingAs, createPublishedFlow, createUserWithToken } from "@/tests/support/fixtures";

const BASE = "http://localhost/api/v1";
const SECRET = "Bearer diff-secret-0123456789";

let viewer: { user: User; token: string };

beforeAll(async () => {
  viewer = await createUserWithToken("viewer");
});

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false });
  await db.$disconnect();
});

const get = (path: string, token = viewer.token) => new Request(`${BASE}${path}`, { headers: { authorization: `Bearer ${token}` } });

/** v1 = the demo with a secret header; v2 changes a mapping's source; the draft then adds a filter. */
async function flowWithHistory() {
  const v1 = buildDemoFlowDefinition("https://crm.example/leads");
  const send = v1.nodes.find((node) => node.id === "send")!;
  if (send.kind !== "http-request") throw new Error("demo changed");
  send.config.headers = { Authorization: SECRET };
  const { flow, author, actor } = await createPublishedFlow(v1, "Diff flow");
  const v2 = structuredClone(v1);
  const map = v2.nodes.find((node) => node.id === "map")!;
  if (map.kind !== "map-fields") throw new Error("demo changed");
  map.config.mappings[1]!.source = "order.number";
  await updateDraft({ flowId: flow.id, actor, input: { definition: v2 } });
  await publishVersion({ flowId: flow.id, actor, message: "Use the order number", environment: "sandbox" });
  const draft = structuredClone(v2);
  draft.nodes.push({ id: "check", kind: "filter", position: { x: 0, y: 200 }, config: { condition: "amount > 0" } });
  await updateDraft({ flowId: flow.id, actor: actingAs(author), input: { definition: draft } });
  return { flow, author };
}

describe("GET /api/v1/flows/:id/versions/:number", () => {
  it("shows one version with its author, whether it is live, and its definition masked", async () => {
    const { flow, author } = await flowWithHistory();
    const params = (versionNumber: string) => ({ params: Promise.resolve({ flowId: flow.id, versionNumber }) });
    const v1 = await versionRoute(get(`/flows/${flow.id}/versions/1`), params("1"));
    expect(v1.status).toBe(200);
    const body = (await v1.json()) as { version: Record<string, unknown> };
    expect(body.version).toMatchObject({ number: 1, message: "v1", environment: "production", author: { email: author.email, name: author.name }, live: false });
    expect(Object.keys(body.version).sort()).toEqual(["author", "createdAt", "definition", "environment", "live", "message", "number"]);
    expect(JSON.stringify(body)).not.toContain("diff-secret");
    expect(JSON.stringify(body)).toContain("[REDACTED]");

    const v2 = (await (await versionRoute(get(`/flows/${flow.id}/versions/2`), params("2"))).json()) as { version: { live: boolean; environment: string } };
    expect(v2.version).toMatchObject({ live: true, environment: "sandbox" });
    expect((await versionRoute(get(`/flows/${flow.id}/versions/9`), params("9"))).status).toBe(404);
    expect((await versionRoute(get(`/flows/${flow.id}/versions/x`), params("x"))).status).toBe(404);
  });
});

describe("GET /api/v1/flows/:id/diff", () => {
  it("diffs two versions, and a version against the draft", async () => {
    const { flow } = await flowWithHistory();
    const params = { params: Promise.resolve({ flowId: flow.id }) };
    const versions = (await (await diffRoute(get(`/flows/${flow.id}/diff?from=1&to=2`), params)).json()) as { diff: unknown };
    expect(versions.diff).toEqual({ nodes: { added: [], removed: [], changed: [{ nodeId: "map", fields: ["config.mappings.1.source"] }] }, edges: { added: [], removed: [] } });

    const draft = (await (await diffRoute(get(`/flows/${flow.id}/diff?from=2&to=draft`), params)).json()) as { diff: unknown };
    expect(draft.diff).toEqual({ nodes: { added: ["check"], removed: [], changed: [] }, edges: { added: [], removed: [] } });
  });

  it("answers 400 for bad parameters and 404 for an unknown version", async () => {
    const { flow } = await flowWithHistory();
    const params = { params: Promise.resolve({ flowId: flow.id }) };
    const bad = await diffRoute(get(`/flows/${flow.id}/diff?from=1&to=latest`), params);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe('to: to must be a version number such as 1, or "draft"');
    expect((await diffRoute(get(`/flows/${flow.id}/diff?from=1`), params)).status).toBe(400);
    const unknown = await diffRoute(get(`/flows/${flow.id}/diff?from=1&to=7`), params);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe("Version 7 not found");
  });
});
