import { pickClientIp } from "@/lib/auth/pick-client-ip";
import { getTrustedProxies } from "@/lib/settings/get-trusted-proxies";

/** The caller's IP for the sign-in limiter and the audit log; null when the headers carry none. */
export async function getClientIp(headers: Headers): Promise<string | null> {
  return pickClientIp(headers, await getTrustedProxies());
}
