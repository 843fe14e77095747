import type { HttpRequestConfig, LookupRequest } from "@/lib/flows/schema";

/**
 * What follows an ambiguous failure of an http-request (sent, answer lost;
 * R8): repeat it with the same key where the target honours keys; else look
 * the record up first and create only if it is absent; with no lookup
 * configured, stop for a person rather than risk a duplicate.
 */
export type AmbiguousRetryPlan = { kind: "retry-same-key" } | { kind: "look-up-first"; lookup: LookupRequest } | { kind: "review" };

export function planAmbiguousRetry(config: HttpRequestConfig): AmbiguousRetryPlan {
  if (config.idempotencyHonoured) return { kind: "retry-same-key" };
  const lookup = config.existingRecordLookup;
  if (lookup === undefined) return { kind: "review" };
  // The lookup usually reads from the same account it would create in.
  return { kind: "look-up-first", lookup: { ...lookup, credentialRef: lookup.credentialRef ?? config.credentialRef } };
}
