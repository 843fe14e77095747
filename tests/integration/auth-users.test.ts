import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as listUsersRoute, POST as createUserRoute } from "@/app/api/v1/users/route";
import { PATCH as patchUserRoute } from "@/app/api/v1/users/[userId]/route";
import { verifyPassword } from "@/lib/auth/password";
import { updateUser } from "@/lib/users/update-user";
import { createUserWithToken, jsonRequest, waitFor } from "@/tests/support/fixtures";

async function countLockWaiters(): Promise<number> {
  const rows = await db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
  return rows[0]?.n ?? 0;
}

const BASE = "http://localhost/api/v1/users";
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
type ErrorBody = { error: { message: string } };

const createUserAs = (token: string, body: Record<string, unknown>) => createUserRoute(jsonRequest(BASE, body, { headers: bearer(token) }), undefined);
const patchUserAs = (token: string, userId: string, body: Record<string, unknown>) =>
  patchUserRoute(jsonRequest(`${BASE}/${userId}`, body, { method: "PATCH", headers: bearer(token) }), { params: Promise.resolve({ userId }) });

// Each test starts with no enabled admin but its own, so "the last admin" is well defined.
let admin: Awaited<ReturnType<typeof createUserWithToken>>;
beforeEach(async () => {
  await db.user.updateMany({ where: { role: "admin" }, data: { role: "viewer" } });
  admin = await createUserWithToken("admin");
});
afterAll(() => db.$disconnect());

describe("password policy", () => {
  it.each([
    ["shorter than 12 characters", "short-pw", /at least 12 characters/],
    ["longer than 128 characters", "x".repeat(129), /at most 128 characters/],
    ["over bcrypt's 72 bytes", "пароль-".repeat(7), /at most 72 bytes/],
  ])("refuses a new user's password %s with a clear message", async (_label, password, message) => {
    const email = `policy-${Math.random().toString(36).slice(2)}@test.local`;
    const response = await createUserAs(admin.token, { email, name: "P", password, role: "viewer" });
    expect(response.status).toBe(422);
    expect(((await response.json()) as ErrorBody).error.message).toMatch(message);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("applies the same policy when an admin resets a password, and stores a working new one", async () => {
    const { user } = await createUserWithToken("viewer");
    const tooLong = await patchUserAs(admin.token, user.id, { password: "é".repeat(40) });
    expect(tooLong.status).toBe(422);
    expect((await patchUserAs(admin.token, user.id, { password: "a-brand-new-password" })).status).toBe(200);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("a-brand-new-password", stored.passwordHash)).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.update", targetId: user.id }, orderBy: { id: "desc" } });
    expect(audit.details).toMatchObject({ changed: ["password"] });
    expect(JSON.stringify(audit.details)).not.toContain("a-brand-new-password");
  });
});

describe("user management", () => {
  it("creates a user through the API and audits it", async () => {
    const response = await createUserAs(admin.token, { email: "New.Person@test.local", name: "New", password: "twelve-chars-ok", role: "operator" });
    expect(response.status).toBe(201);
    const { user } = (await response.json()) as { user: { id: string; email: string } };
    expect(user.email).toBe("new.person@test.local");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.create", targetId: user.id } });
    expect(audit).toMatchObject({ actorId: admin.user.id, details: { email: "new.person@test.local", role: "operator" } });
  });

  it("audits a role change with the role before and after", async () => {
    const { user } = await createUserWithToken("viewer");
    expect((await patchUserAs(admin.token, user.id, { role: "analyst" })).status).toBe(200);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.update", targetId: user.id } });
    expect(audit.details).toMatchObject({ changed: ["role"], before: { role: "viewer", disabled: false }, after: { role: "analyst", disabled: false } });
  });

  it("refuses user management to non-admins", async () => {
    const analyst = await createUserWithToken("analyst");
    expect((await listUsersRoute(new Request(BASE, { headers: bearer(analyst.token) }), undefined)).status).toBe(403);
    expect((await patchUserAs(analyst.token, analyst.user.id, { role: "admin" })).status).toBe(403);
    expect((await db.user.findUniqueOrThrow({ where: { id: analyst.user.id } })).role).toBe("analyst");
  });
});

describe("last-admin guard", () => {
  it("refuses to demote the last enabled admin, even by themselves", async () => {
    const response = await patchUserAs(admin.token, admin.user.id, { role: "analyst" });
    expect(response.status).toBe(409);
    expect(((await response.json()) as ErrorBody).error.message).toMatch(/last enabled admin/);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.user.id } })).role).toBe("admin");
  });

  it("refuses an admin disabling themselves", async () => {
    // Another admin exists, so only the self rule can refuse this.
    await createUserWithToken("admin");
    const response = await patchUserAs(admin.token, admin.user.id, { disabled: true });
    expect(response.status).toBe(409);
    expect(((await response.json()) as ErrorBody).error.message).toMatch(/cannot disable yourself/);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.user.id } })).disabled).toBe(false);
  });

  it("lets an admin step down while another enabled admin remains", async () => {
    await createUserWithToken("admin");
    expect((await patchUserAs(admin.token, admin.user.id, { role: "operator" })).status).toBe(200);
  });

  it("does not count a disabled admin as remaining", async () => {
    const other = await createUserWithToken("admin");
    await db.user.update({ where: { id: other.user.id }, data: { disabled: true } });
    expect((await patchUserAs(admin.token, admin.user.id, { role: "viewer" })).status).toBe(409);
  });

  it("lets only one of two admins demoting each other at the same moment succeed", async () => {
    const other = await createUserWithToken("admin");
    let racing: Promise<PromiseSettledResult<unknown>[]> | undefined;
    // Hold the admins' rows so both demotions start and queue up before either can go on;
    // committing then releases them together, so the two race for real.
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "User" WHERE role = 'admin' FOR UPDATE`;
      racing = Promise.allSettled([
        updateUser({ input: { userId: other.user.id, role: "viewer" }, actor: { userId: admin.user.id, email: admin.user.email } }),
        updateUser({ input: { userId: admin.user.id, role: "viewer" }, actor: { userId: other.user.id, email: other.user.email } }),
      ]);
      await waitFor(async () => (await countLockWaiters()) >= 2, { what: "both demotions to wait on the admins' rows" });
    });
    const results = await racing!;
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.user.count({ where: { role: "admin", disabled: false } })).toBe(1);
  });
});
