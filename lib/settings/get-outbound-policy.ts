import { createOutboundPolicy, type OutboundPolicy } from "@/lib/connectors/outbound-policy";
import { getOutboundAllowList } from "@/lib/settings/get-outbound-allow-list";

/**
 * How long a process trusts its copy of the allow-list. Workers call out
 * thousands of times a minute and must not read the settings row per call;
 * the price is that a change saved in another process (the web app) takes
 * up to this long to reach a worker. The saving process sees it at once.
 */
const CACHE_TTL_MS = 5_000;

let cached: { policy: OutboundPolicy; key: string; expiresAt: number } | undefined;
let loading: Promise<OutboundPolicy> | undefined;
// Bumped by invalidation so a read that started before a save cannot put the old list back.
let generation = 0;

/** The effective outbound policy (R23): OUTBOUND_ALLOWLIST plus the admin's list, cached briefly. */
export async function getOutboundPolicy(): Promise<OutboundPolicy> {
  if (cached && cached.expiresAt > Date.now()) return cached.policy;
  if (loading) return loading;
  const current = load(generation).finally(() => {
    if (loading === current) loading = undefined;
  });
  loading = current;
  return current;
}

/** Forgets the cached policy, so this process's next call reads the list it just saved. */
export function invalidateOutboundPolicy(): void {
  generation += 1;
  cached = undefined;
  loading = undefined;
}

async function load(startedAt: number): Promise<OutboundPolicy> {
  const { entries, environmentEntries } = await getOutboundAllowList();
  const all = [...new Set([...environmentEntries, ...entries])];
  const key = all.join(",");
  // An unchanged list keeps its policy object, and with it the pooled keep-alive connections keyed by it.
  const policy = cached?.key === key ? cached.policy : createOutboundPolicy(all);
  if (startedAt === generation) cached = { policy, key, expiresAt: Date.now() + CACHE_TTL_MS };
  return policy;
}
