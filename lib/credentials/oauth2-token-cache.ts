import { createHash } from "node:crypto";
import type { CredentialFields } from "@/lib/credentials/schema";
import { requestOAuth2Token, type OAuth2Token } from "@/lib/credentials/oauth2-request-token";

export type GetOAuth2AccessTokenOptions = {
  credentialId: string;
  fields: CredentialFields<"oauth2-client-credentials">;
  /** A token the target just refused (401): dropped if it is still the cached one, and a new one fetched. */
  refusedToken?: string;
};

type Entry = { fingerprint: string; token: Promise<OAuth2Token>; expiresAt: number };

/** Tokens are renewed this long before the server's stated expiry (at most a tenth of their lifetime). */
const MAX_SKEW_MS = 30_000;
/** When the server states no lifetime; a refused token is renewed at once anyway. */
const DEFAULT_LIFETIME_MS = 5 * 60_000;

// Per process, one entry per credential. The fingerprint is a hash of the
// fields, so an updated client secret or scope misses the cache at once.
const entries = new Map<string, Entry>();

/**
 * A cached access token for a client-credentials credential. Single-flight:
 * every caller that needs a token while one is being fetched waits for
 * that request, so 50 concurrent steps make one token request, and a failed
 * request fails them all once instead of being repeated 50 times.
 */
export async function getOAuth2AccessToken({ credentialId, fields, refusedToken }: GetOAuth2AccessTokenOptions): Promise<string> {
  const fingerprint = createHash("sha256").update(JSON.stringify(fields)).digest("hex");
  let entry = entries.get(credentialId);
  if (entry && refusedToken !== undefined && (await entry.token.catch(() => undefined))?.accessToken === refusedToken) {
    // Only the first of many steps refused with the same token drops it;
    // the others find the replacement (or its request in flight) and share it.
    if (entries.get(credentialId) === entry) entries.delete(credentialId);
  }
  entry = entries.get(credentialId);
  if (!entry || entry.fingerprint !== fingerprint || Date.now() >= entry.expiresAt) entry = fetchInto(credentialId, fingerprint, fields);
  return (await entry.token).accessToken;
}

function fetchInto(credentialId: string, fingerprint: string, fields: GetOAuth2AccessTokenOptions["fields"]): Entry {
  const entry: Entry = { fingerprint, token: requestOAuth2Token(fields), expiresAt: Number.POSITIVE_INFINITY };
  entries.set(credentialId, entry);
  entry.token.then(
    ({ expiresIn }) => {
      const lifetimeMs = expiresIn === null ? DEFAULT_LIFETIME_MS : expiresIn * 1000;
      entry.expiresAt = Date.now() + lifetimeMs - Math.min(MAX_SKEW_MS, lifetimeMs / 10);
    },
    // A failure is not cached: the next step asks again (its own retry policy paces that).
    () => {
      if (entries.get(credentialId) === entry) entries.delete(credentialId);
    },
  );
  return entry;
}
