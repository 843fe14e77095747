import type { LookupAddress } from "node:dns";
import { createGuardedLookup, OutboundRefusedError } from "./guarded-lookup";
import type { OutboundPolicy } from "./outbound-policy";

/**
 * The address to connect to for a target that is not an HTTP URL (an SMTP
 * server), checked by the same outbound policy as every HTTP call (R23):
 * IP literals and metadata names first, then the guarded lookup resolves
 * the name once and keeps only allowed addresses. The caller connects to
 * the returned address, so no second resolution can swap in another one.
 * Rejects with OutboundRefusedError when the policy refuses the host.
 */
export async function resolveOutboundHost(host: string, policy: OutboundPolicy): Promise<string> {
  const refusal = policy.checkHost(host);
  if (refusal) throw new OutboundRefusedError(refusal);
  const lookup = createGuardedLookup(policy);
  return new Promise((resolve, reject) => {
    lookup(host, {}, (error: NodeJS.ErrnoException | null, address: string | LookupAddress[]) => {
      if (error) reject(error);
      else resolve(typeof address === "string" ? address : (address[0]?.address ?? ""));
    });
  });
}
