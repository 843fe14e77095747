import { z } from "zod";
import { db } from "@/lib/db";
import { pickClientIp } from "@/lib/auth/pick-client-ip";

/**
 * Admin setting: how many reverse proxies in front of Flowgate append to
 * X-Forwarded-For (0 = `next start` faces clients directly). Kept in the
 * Setting table so it can change without a redeploy.
 */
export const TRUSTED_PROXIES_SETTING = "auth.trustedProxies";
const trustedProxiesSchema = z.number().int().min(0).max(10);

/** The caller's IP for the sign-in limiter and the audit log; null when the headers carry none. */
export async function getClientIp(headers: Headers): Promise<string | null> {
  const row = await db.setting.findUnique({ where: { key: TRUSTED_PROXIES_SETTING } });
  // A malformed value must not lock everyone out of sign-in; it is treated as "no proxy".
  const parsed = trustedProxiesSchema.safeParse(row?.value);
  return pickClientIp(headers, parsed.success ? parsed.data : 0);
}
