import { env } from "@/lib/env.mjs";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Counts are reused this long: a burst of requests costs one count query, and recovery shows within a second. */
const CACHE_MS = 1_000;
const RETRY_AFTER_SECONDS = 30;

const cache = new Map<string, { at: number; queued: number }>();

/**
 * Refuses new events with 429 + Retry-After while too many runs wait to
 * start, for the whole system or for this flow (R5): a sender retries later,
 * which is better than accepting work the worker cannot reach for hours.
 */
export async function checkBacklog(flowId: string): Promise<void> {
  const [system, flow] = await Promise.all([queuedRuns("*"), queuedRuns(flowId)]);
  if (system >= env.INTAKE_MAX_BACKLOG || flow >= env.INTAKE_MAX_FLOW_BACKLOG) {
    const scope = system >= env.INTAKE_MAX_BACKLOG ? "Flowgate" : "this flow";
    throw new AppError("rate_limited", `Too many runs are waiting for ${scope}; retry later`, { retryAfterSeconds: RETRY_AFTER_SECONDS });
  }
}

async function queuedRuns(flowId: string): Promise<number> {
  const hit = cache.get(flowId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.queued;
  const queued = await db.run.count({ where: { status: "queued", ...(flowId === "*" ? {} : { flowId }) } });
  if (cache.size > 10_000) cache.clear();
  cache.set(flowId, { at: Date.now(), queued });
  return queued;
}
