import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { createFlow } from "@/lib/flows/create-flow";
import { GET as listFlowsRoute, POST as createFlowRoute } from "@/app/api/v1/flows/route";
import { GET as getFlowRoute, PATCH as patchFlowRoute } from "@/app/api/v1/flows/[flowId]/route";
import { POST as publishRoute } from "@/app/api/v1/flows/[flowId]/publish/route";
import { GET as listRunsRoute } from "@/app/api/v1/runs/route";
import { encode } from "next-auth/jwt";
import { updateUser } from "@/lib/users/update-user";
import { actingAs, allowUnsignedWebhooks, createUserWithToken, jsonRequest } from "@/tests/support/fixtures";

const BASE = "http://localhost/api/v1";
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const params = (flowId: string) => ({ params: Promise.resolve({ flowId }) });

let flowId: string;
let analystActor: ReturnType<typeof actingAs>;
let tokens: Record<"admin" | "analyst" | "operator" | "viewer", string>;

beforeAll(async () => {
  const [admin, analyst, operator, viewer] = await Promise.all(
    (["admin", "analyst", "operator", "viewer"] as const).map((role) => createUserWithToken(role)),
  );
  analystActor = actingAs(analyst!.user);
  flowId = (await createFlow({ actor: analystActor, input: { name: "Auth flow", definition: buildDemoFlowDefinition("http://127.0.0.1:9/x") } })).id;
  await allowUnsignedWebhooks(flowId);
  tokens = { admin: admin!.token, analyst: analyst!.token, operator: operator!.token, viewer: viewer!.token };
});

afterAll(() => db.$disconnect());

const publishAs = (token: string | null) =>
  publishRoute(jsonRequest(`${BASE}/flows/${flowId}/publish`, { message: "go" }, { headers: token ? bearer(token) : {} }), params(flowId));

describe("API authentication and roles", () => {
  it("answers 401 without a session or token, and with a bad token", async () => {
    expect((await listFlowsRoute(new Request(`${BASE}/flows`), undefined)).status).toBe(401);
    expect((await listFlowsRoute(new Request(`${BASE}/flows`, { headers: bearer("fgt_not-a-real-token") }), undefined)).status).toBe(401);
    expect((await publishAs(null)).status).toBe(401);
  });

  it("accepts a next-auth session cookie and still reads the JSON body", async () => {
    const { user } = await createUserWithToken("analyst");
    const session = await encode({ token: { sub: user.id }, secret: process.env.AUTH_SECRET! });
    // Sec-Fetch-Site is what a browser sends from our own pages; without it the CSRF guard refuses a cookie write.
    const request = jsonRequest(`${BASE}/flows`, { name: "Cookie flow" }, { headers: { cookie: `other=1; next-auth.session-token=${session}`, "sec-fetch-site": "same-origin" } });
    const response = await createFlowRoute(request, undefined);
    expect(response.status).toBe(201);

    await db.user.update({ where: { id: user.id }, data: { disabled: true } });
    const afterDisable = jsonRequest(`${BASE}/flows`, { name: "Cookie flow 2" }, { headers: { cookie: `next-auth.session-token=${session}`, "sec-fetch-site": "same-origin" } });
    expect((await createFlowRoute(afterDisable, undefined)).status).toBe(401);
  });

  it("ends sessions signed in before a password reset, and accepts the next sign-in", async () => {
    const { user } = await createUserWithToken("analyst");
    const admin = await createUserWithToken("admin");
    const cookieFor = async (signedInAt: number) =>
      `next-auth.session-token=${await encode({ token: { sub: user.id, signedInAt }, secret: process.env.AUTH_SECRET! })}`;
    const listWith = async (cookie: string) => (await listFlowsRoute(new Request(`${BASE}/flows`, { headers: { cookie } }), undefined)).status;
    const before = await cookieFor(Date.now() - 1_000);
    expect(await listWith(before)).toBe(200);

    await updateUser({ input: { userId: user.id, password: "a-brand-new-password-42" }, actor: actingAs(admin.user) });
    expect(await listWith(before)).toBe(401);
    // A cookie from before signedInAt existed is as old as it gets.
    expect(await listWith(`next-auth.session-token=${await encode({ token: { sub: user.id }, secret: process.env.AUTH_SECRET! })}`)).toBe(401);
    expect(await listWith(await cookieFor(Date.now() + 1_000))).toBe(200);
  });

  it("lets a viewer read flows and runs but not publish or edit", async () => {
    expect((await listFlowsRoute(new Request(`${BASE}/flows`, { headers: bearer(tokens.viewer) }), undefined)).status).toBe(200);
    expect((await listRunsRoute(new Request(`${BASE}/runs`, { headers: bearer(tokens.viewer) }), undefined)).status).toBe(200);
    const denied = await publishAs(tokens.viewer);
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { error: { message: string } }).error.message).toMatch(/viewer/);
    const edit = await patchFlowRoute(jsonRequest(`${BASE}/flows/${flowId}`, { name: "x" }, { method: "PATCH", headers: bearer(tokens.viewer) }), params(flowId));
    expect(edit.status).toBe(403);
    expect(await db.flowVersion.count({ where: { flowId } })).toBe(0);
  });

  it("lets an operator read but not publish, and an analyst publish", async () => {
    expect((await publishAs(tokens.operator)).status).toBe(403);
    const published = await publishAs(tokens.analyst);
    expect(published.status).toBe(201);
    expect(((await published.json()) as { version: { number: number } }).version.number).toBe(1);
  });

  it("stops honouring a token when its user is disabled, it is revoked or it expired", async () => {
    const disabled = await createUserWithToken("admin");
    await db.user.update({ where: { id: disabled.user.id }, data: { disabled: true } });
    expect((await listFlowsRoute(new Request(`${BASE}/flows`, { headers: bearer(disabled.token) }), undefined)).status).toBe(401);

    const revoked = await createUserWithToken("admin");
    await db.apiToken.updateMany({ where: { userId: revoked.user.id }, data: { revokedAt: new Date() } });
    expect((await listFlowsRoute(new Request(`${BASE}/flows`, { headers: bearer(revoked.token) }), undefined)).status).toBe(401);

    const expired = await createUserWithToken("admin");
    await db.apiToken.updateMany({ where: { userId: expired.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await listFlowsRoute(new Request(`${BASE}/flows`, { headers: bearer(expired.token) }), undefined)).status).toBe(401);
  });
});

describe("flows API validation", () => {
  it("creates a flow with a starter definition and returns 201", async () => {
    const response = await createFlowRoute(jsonRequest(`${BASE}/flows`, { name: "New flow" }, { headers: bearer(tokens.analyst) }), undefined);
    expect(response.status).toBe(201);
    const { flow } = (await response.json()) as { flow: { id: string; hookKey: string } };
    const loaded = await getFlowRoute(new Request(`${BASE}/flows/${flow.id}`, { headers: bearer(tokens.viewer) }), params(flow.id));
    expect(loaded.status).toBe(200);
  });

  it.each([
    ["malformed JSON", () => jsonRequest(`${BASE}/flows`, "{", { headers: bearer("T") }), 400],
    ["a missing name", () => jsonRequest(`${BASE}/flows`, { name: "" }, { headers: bearer("T") }), 422],
    ["an invalid definition", () => jsonRequest(`${BASE}/flows`, { name: "x", definition: { schemaVersion: 9 } }, { headers: bearer("T") }), 422],
    ["a form-encoded body", () => new Request(`${BASE}/flows`, { method: "POST", headers: { ...bearer("T"), "content-type": "application/x-www-form-urlencoded" }, body: "name=x" }), 415],
  ])("refuses %s with a readable error and creates nothing", async (_label, make, status) => {
    const request = make();
    request.headers.set("authorization", `Bearer ${tokens.analyst}`);
    const before = await db.flow.count();
    const response = await createFlowRoute(request, undefined);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { message: string } }).error.message).not.toBe("");
    expect(await db.flow.count()).toBe(before);
  });

  it("refuses to publish a draft with graph problems and lists them per node", async () => {
    const broken = await createFlow({
      actor: analystActor,
      input: { name: "Broken", definition: { schemaVersion: 1, nodes: [{ id: "map", kind: "map-fields", position: { x: 0, y: 0 }, config: { mappings: [] } }], edges: [] } },
    });
    const response = await publishRoute(jsonRequest(`${BASE}/flows/${broken.id}/publish`, {}, { headers: bearer(tokens.analyst) }), params(broken.id));
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { details: { problems: Array<{ message: string }> } } };
    expect(body.error.details.problems.some((p) => /trigger/i.test(p.message))).toBe(true);
    expect(await db.flowVersion.count({ where: { flowId: broken.id } })).toBe(0);
  });

  it("answers 404 for an unknown or malformed flow id", async () => {
    expect((await getFlowRoute(new Request(`${BASE}/flows/x`, { headers: bearer(tokens.viewer) }), params("not-a-uuid"))).status).toBe(404);
    expect((await getFlowRoute(new Request(`${BASE}/flows/x`, { headers: bearer(tokens.viewer) }), params("00000000-0000-4000-8000-000000000000"))).status).toBe(404);
  });
});
