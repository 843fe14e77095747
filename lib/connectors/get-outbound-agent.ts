import { Agent } from "undici";
import { createGuardedLookup } from "./guarded-lookup";
import type { OutboundPolicy } from "./outbound-policy";

// One agent per policy and connect timeout, shared by every call: keep-alive
// pooling matters when a flow calls the same target thousands of times. Keyed
// by policy so that a pooled connection opened under an older allow-list is
// never reused once the list changes (the old agent goes with its policy).
const agents = new WeakMap<OutboundPolicy, Map<number, Agent>>();

/** The connection pool whose sockets only ever connect to addresses `policy` allows (R23). */
export function getOutboundAgent(policy: OutboundPolicy, connectTimeoutMs: number): Agent {
  let byTimeout = agents.get(policy);
  if (!byTimeout) {
    byTimeout = new Map();
    agents.set(policy, byTimeout);
  }
  let agent = byTimeout.get(connectTimeoutMs);
  if (!agent) {
    // The guarded lookup checks each resolved address as the socket connects.
    agent = new Agent({ connect: { timeout: connectTimeoutMs, lookup: createGuardedLookup(policy) } });
    byTimeout.set(connectTimeoutMs, agent);
  }
  return agent;
}
