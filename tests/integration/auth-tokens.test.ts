import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createApiToken } from "@/lib/auth/create-api-token";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { createFlow } from "@/lib/flows/create-flow";
import { GET as listFlowsRoute } from "@/app/api/v1/flows/route";
import { POST as publishRoute } from "@/app/api/v1/flows/[flowId]/publish/route";
import { GET as listTokensRoute, POST as createTokenRoute } from "@/app/api/v1/tokens/route";
import { DELETE as revokeTokenRoute } from "@/app/api/v1/tokens/[tokenId]/route";
import { GET as listUsersRoute } from "@/app/api/v1/users/route";
import { actingAs, createUserWithToken, jsonRequest } from "@/tests/support/fixtures";

const BASE = "http://localhost/api/v1";
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const listFlows = (token: string) => listFlowsRoute(new Request(`${BASE}/flows`, { headers: bearer(token) }), undefined);
const listUsers = (token: string) => listUsersRoute(new Request(`${BASE}/users`, { headers: bearer(token) }), undefined);

let flowId: string;
let admin: Awaited<ReturnType<typeof createUserWithToken>>;

beforeAll(async () => {
  admin = await createUserWithToken("admin");
  const input = { name: "Token flow", definition: buildDemoFlowDefinition("http://127.0.0.1:9/x") };
  flowId = (await createFlow({ actor: actingAs(admin.user), input })).id;
});

afterAll(() => db.$disconnect());

/** A user of `ownerRole` holding a token of `tokenRole`. */
async function tokenFor(ownerRole: Role, tokenRole: Role) {
  const { user } = await createUserWithToken(ownerRole);
  const created = await createApiToken({ userId: user.id, name: `${tokenRole} token`, role: tokenRole });
  return { owner: user, ...created };
}

const publishAs = (token: string) =>
  publishRoute(jsonRequest(`${BASE}/flows/${flowId}/publish`, { message: "x" }, { headers: bearer(token) }), { params: Promise.resolve({ flowId }) });

describe("token role capping", () => {
  it("lets a token act only with its own role even when its owner is admin", async () => {
    const { token } = await tokenFor("admin", "viewer");
    expect((await listFlows(token)).status).toBe(200);
    const denied = await listUsers(token);
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { error: { message: string } }).error.message).toMatch(/token \(role viewer.*users\.manage/);
  });

  it("caps an admin-role token by its owner's role", async () => {
    const { token } = await tokenFor("viewer", "admin");
    expect((await listFlows(token)).status).toBe(200);
    expect((await listUsers(token)).status).toBe(403);
    expect((await publishAs(token)).status).toBe(403);
  });

  it("allows only what both roles allow when they overlap (analyst owner, operator token)", async () => {
    const { token } = await tokenFor("analyst", "operator");
    // flows.publish: the analyst may, the operator token may not.
    expect((await publishAs(token)).status).toBe(403);
    expect(await db.flowVersion.count({ where: { flowId } })).toBe(0);
  });

  it("narrows a token on the next request when its owner is demoted", async () => {
    const { owner, token } = await tokenFor("admin", "admin");
    expect((await listUsers(token)).status).toBe(200);
    await db.user.update({ where: { id: owner.id }, data: { role: "viewer" } });
    expect((await listUsers(token)).status).toBe(403);
    expect((await listFlows(token)).status).toBe(200);
  });

  it("defaults a token without a role to its owner's role", async () => {
    const { user } = await createUserWithToken("operator");
    const created = await createApiToken({ userId: user.id, name: "default" });
    expect(created.role).toBe("operator");
  });
});

describe("tokens that stop working", () => {
  it.each([
    ["its owner is disabled", (id: string, ownerId: string) => db.user.update({ where: { id: ownerId }, data: { disabled: true } }).then(() => id)],
    ["it was revoked", (id: string) => db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } })],
    ["it expired", (id: string) => db.apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } })],
  ])("answers 401 once %s", async (_label, breakIt) => {
    const { owner, id, token } = await tokenFor("admin", "admin");
    expect((await listFlows(token)).status).toBe(200);
    await breakIt(id, owner.id);
    expect((await listFlows(token)).status).toBe(401);
  });

  it("records when a token was last used", async () => {
    const { id, token } = await tokenFor("viewer", "viewer");
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeNull();
    await listFlows(token);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeInstanceOf(Date);
  });
});

describe("token management API", () => {
  it("creates a token with a role and expiry, shows it once, and audits it without the value", async () => {
    const { user: owner } = await createUserWithToken("operator");
    const response = await createTokenRoute(
      jsonRequest(`${BASE}/tokens`, { userId: owner.id, name: "ci", role: "viewer", expiresInDays: 30 }, { headers: bearer(admin.token) }),
      undefined,
    );
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; token: string; role: string; expiresAt: string };
    expect(created.token).toMatch(/^fgt_/);
    expect(created.role).toBe("viewer");
    expect(new Date(created.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    // The new token works with its role.
    expect((await listFlows(created.token)).status).toBe(200);
    expect((await listUsers(created.token)).status).toBe(403);

    const list = await listTokensRoute(new Request(`${BASE}/tokens`, { headers: bearer(admin.token) }), undefined);
    const listed = JSON.stringify(await list.json());
    expect(listed).toContain(created.id);
    expect(listed).not.toContain(created.token);
    expect(listed).not.toMatch(/tokenHash/);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "token.create", targetId: created.id } });
    expect(audit.actorId).toBe(admin.user.id);
    expect(audit.details).toMatchObject({ name: "ci", role: "viewer", ownerEmail: owner.email });
    const everyAuditDetail = await db.auditLog.findMany({ select: { details: true, targetId: true } });
    expect(JSON.stringify(everyAuditDetail)).not.toContain(created.token);
  });

  it("revokes a token, which then answers 401, and audits it once", async () => {
    const { id, token } = await tokenFor("analyst", "analyst");
    const revoke = () => revokeTokenRoute(new Request(`${BASE}/tokens/${id}`, { method: "DELETE", headers: bearer(admin.token) }), { params: Promise.resolve({ tokenId: id }) });
    expect((await revoke()).status).toBe(200);
    expect((await listFlows(token)).status).toBe(401);
    expect((await revoke()).status).toBe(200);
    expect(await db.auditLog.count({ where: { action: "token.revoke", targetId: id } })).toBe(1);
  });

  it("refuses token management to anyone without users.manage", async () => {
    const { token } = await tokenFor("analyst", "analyst");
    const response = await createTokenRoute(jsonRequest(`${BASE}/tokens`, { userId: admin.user.id, name: "x", role: "admin" }, { headers: bearer(token) }), undefined);
    expect(response.status).toBe(403);
    expect(await db.apiToken.count({ where: { name: "x" } })).toBe(0);
  });

  it("answers 404 for an unknown token and 422 for a bad role", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    const revoke = await revokeTokenRoute(new Request(`${BASE}/tokens/${unknown}`, { method: "DELETE", headers: bearer(admin.token) }), { params: Promise.resolve({ tokenId: unknown }) });
    expect(revoke.status).toBe(404);
    const bad = await createTokenRoute(jsonRequest(`${BASE}/tokens`, { userId: admin.user.id, name: "x", role: "root" }, { headers: bearer(admin.token) }), undefined);
    expect(bad.status).toBe(422);
  });
});
