import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getClientIp } from "@/lib/auth/get-client-ip";
import { TRUSTED_PROXIES_KEY } from "@/lib/settings/schema";
import { updateTrustedProxies } from "@/lib/settings/update-trusted-proxies";
import { createUserWithToken } from "@/tests/support/fixtures";

afterAll(() => db.$disconnect());

// A client that forged 203.0.113.66, behind two proxies that each appended what they saw.
const chain = new Headers({ "x-forwarded-for": "203.0.113.66, 198.51.100.7, 10.0.0.5" });

describe("trusted proxies setting", () => {
  it("takes the rightmost address until an admin says proxies are in front, then counts from the right", async () => {
    expect(await getClientIp(chain)).toBe("10.0.0.5");

    const { user } = await createUserWithToken("admin");
    await updateTrustedProxies({ actor: { userId: user.id, email: user.email }, trustedProxies: 2, ip: "10.0.0.5" });
    expect(await getClientIp(chain)).toBe("198.51.100.7");

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "settings.update", targetId: TRUSTED_PROXIES_KEY } });
    expect(audit).toMatchObject({ actorId: user.id, ip: "10.0.0.5", details: { before: 0, after: 2 } });
  });

  it("treats a malformed stored value as no proxy, so sign-in keeps working", async () => {
    await db.setting.upsert({ where: { key: TRUSTED_PROXIES_KEY }, create: { key: TRUSTED_PROXIES_KEY, value: "lots" }, update: { value: "lots" } });
    expect(await getClientIp(chain)).toBe("10.0.0.5");
  });
});
