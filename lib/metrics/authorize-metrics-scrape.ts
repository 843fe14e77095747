import { createHash, timingSafeEqual } from "node:crypto";
import { requirePermission } from "@/lib/auth/require-permission";
import { env } from "@/lib/env.mjs";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Who may scrape: anyone when METRICS_PUBLIC is set; a scraper with the
 * METRICS_TOKEN bearer (compared in constant time, over digests so the
 * length does not leak); else a user or API token with queue.read (401/403).
 * Metrics name flows and connectors, so they are not public by default.
 */
export async function authorizeMetricsScrape(request: Request): Promise<void> {
  if (env.METRICS_PUBLIC) return;
  const presented = request.headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
  if (env.METRICS_TOKEN && presented && timingSafeEqual(digest(presented), digest(env.METRICS_TOKEN))) return;
  await requirePermission("queue.read", request);
}
