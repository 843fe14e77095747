import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";
import { SIGN_IN_LIMITS } from "@/lib/auth/is-sign-in-limited";

const PASSWORD = "right-password-123";
let counter = 0;

async function createAccount(options: { disabled?: boolean } = {}) {
  counter += 1;
  return db.user.create({
    data: { email: `signin-${counter}-${Date.now()}@test.local`, name: "Sign-in", role: "viewer", passwordHash: await hashPassword(PASSWORD), disabled: options.disabled ?? false },
  });
}

const signIn = (email: string, password: string, ip: string | null = "203.0.113.1") => authenticateWithPassword({ credentials: { email, password }, ip });

/** Failures recorded directly, as other web processes would have; `ageMs` back from now. */
function recordFailures(count: number, where: { email?: string; ip?: string }, ageMs = 0) {
  const at = new Date(Date.now() - ageMs);
  return db.signInAttempt.createMany({
    data: Array.from({ length: count }, (_, index) => ({ email: where.email ?? `other-${index}@test.local`, ip: where.ip ?? `198.51.100.${index + 1}`, succeeded: false, at })),
  });
}

beforeEach(() => db.signInAttempt.deleteMany());
afterAll(() => db.$disconnect());

describe("password sign-in", () => {
  it("signs in with the right password and audits it", async () => {
    const user = await createAccount();
    const result = await signIn(user.email.toUpperCase(), PASSWORD);
    expect(result).toEqual({ outcome: "ok", user: { id: user.id, email: user.email, name: user.name } });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "auth.sign_in", actorId: user.id } });
    expect(audit.ip).toBe("203.0.113.1");
  });

  it("gives the same answer for a wrong password, an unknown email and a disabled account", async () => {
    const user = await createAccount();
    const disabled = await createAccount({ disabled: true });
    expect(await signIn(user.email, "wrong-password-123")).toEqual({ outcome: "wrong" });
    expect(await signIn("nobody@test.local", PASSWORD)).toEqual({ outcome: "wrong" });
    expect(await signIn(disabled.email, PASSWORD)).toEqual({ outcome: "wrong" });
  });

  it("audits a failure with the attempted email and never the password", async () => {
    await signIn("ghost@test.local", "secret-guess-999");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "auth.sign_in_failed" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorId: null, actorEmail: "ghost@test.local", details: { reason: "wrong_credentials" } });
    expect(audit.ip).toBe("203.0.113.1");
    const everything = JSON.stringify(await db.auditLog.findMany({ select: { details: true, actorEmail: true } }));
    expect(everything).not.toContain("secret-guess-999");
  });
});

describe("sign-in rate limit", () => {
  it("refuses an account after five failures without checking the password, even the right one", async () => {
    const user = await createAccount();
    for (let i = 0; i < SIGN_IN_LIMITS.failuresPerAccount; i += 1) {
      // Each from a different address: the account limit does not depend on the IP.
      expect(await signIn(user.email, `wrong-password-${i}`, `198.51.100.${i + 1}`)).toEqual({ outcome: "wrong" });
    }
    const attemptsBefore = await db.signInAttempt.count();
    expect(await signIn(user.email, PASSWORD, "192.0.2.99")).toEqual({ outcome: "limited" });
    // Refused before the password check: nothing counted, and the refusal is audited as denied.
    expect(await db.signInAttempt.count()).toBe(attemptsBefore);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "auth.sign_in_failed", outcome: "denied" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorId: null, actorEmail: user.email, details: { reason: "rate_limited" } });
  });

  it("limits the same way whether or not the account exists", async () => {
    await recordFailures(SIGN_IN_LIMITS.failuresPerAccount, { email: "nobody@test.local" });
    expect(await signIn("nobody@test.local", PASSWORD)).toEqual({ outcome: "limited" });
  });

  it("does not count failures older than the window", async () => {
    const user = await createAccount();
    await recordFailures(SIGN_IN_LIMITS.failuresPerAccount, { email: user.email }, SIGN_IN_LIMITS.windowMs + 60_000);
    expect((await signIn(user.email, PASSWORD)).outcome).toBe("ok");
    await recordFailures(SIGN_IN_LIMITS.failuresPerAccount - 1, { email: user.email }, SIGN_IN_LIMITS.windowMs - 60_000);
    expect((await signIn(user.email, PASSWORD)).outcome).toBe("ok");
  });

  it("does not count successful sign-ins", async () => {
    const user = await createAccount();
    for (let i = 0; i < SIGN_IN_LIMITS.failuresPerAccount + 1; i += 1) expect((await signIn(user.email, PASSWORD)).outcome).toBe("ok");
    expect(await db.signInAttempt.count({ where: { email: user.email, succeeded: true } })).toBe(SIGN_IN_LIMITS.failuresPerAccount + 1);
  });

  it("refuses an address after thirty failures across accounts, but not other addresses", async () => {
    const user = await createAccount();
    await recordFailures(SIGN_IN_LIMITS.failuresPerIp - 1, { ip: "203.0.113.50" });
    expect((await signIn(user.email, PASSWORD, "203.0.113.50")).outcome).toBe("ok");
    await recordFailures(1, { ip: "203.0.113.50" });
    expect(await signIn(user.email, PASSWORD, "203.0.113.50")).toEqual({ outcome: "limited" });
    expect((await signIn(user.email, PASSWORD, "203.0.113.51")).outcome).toBe("ok");
  });

  it("counts callers without an address in one shared bucket", async () => {
    const user = await createAccount();
    await recordFailures(SIGN_IN_LIMITS.failuresPerIp, { ip: "unknown" });
    expect(await signIn(user.email, PASSWORD, null)).toEqual({ outcome: "limited" });
  });
});
