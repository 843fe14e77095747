import { db } from "@/lib/db";
import { TRUSTED_PROXIES_KEY, trustedProxiesSchema } from "@/lib/settings/schema";

/** How many proxies append to X-Forwarded-For; a malformed row counts as 0 so it can never lock everyone out of sign-in. */
export async function getTrustedProxies(): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: TRUSTED_PROXIES_KEY }, select: { value: true } });
  const parsed = trustedProxiesSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : 0;
}
