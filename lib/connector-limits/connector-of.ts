import type { CredentialSecret, Environment } from "@/lib/credentials/schema";

/** Which connector a call belongs to: its key, and the host its limits may be looked up by. */
export type ConnectorRef = { key: string; host: string | null };

export type ConnectorOfOptions = {
  /** The step's `connector`, when its author named one: wins, so flows can share one connector's limits. */
  connector?: string;
  /** The URL the step gives (relative when a secret-URL credential supplies the base). */
  url: string;
  /** The credential the call is made as, if any. */
  credential?: (CredentialSecret & { name: string; environment: Environment }) | null;
};

/**
 * The connector a call counts against (R10, R11). Named by the step, or else
 * the host it calls (lowercase, port only when not the scheme's default),
 * qualified by the credential: providers limit and authenticate per account
 * or token, so two customers' tokens for the same API must not share limits,
 * and one revoked token must pause only the flows that use it (R8).
 * Null when the URL cannot be parsed: such a call fails before sending.
 */
export function connectorOf({ connector, url, credential }: ConnectorOfOptions): ConnectorRef | null {
  // Only the host of a secret URL is used: its path holds the secret.
  const host = hostOf(credential?.type === "secret-url" ? credential.fields.url : url);
  if (connector !== undefined && connector.trim() !== "") return { key: connector.trim(), host };
  if (host === null) return null;
  if (!credential) return { key: host, host };
  const environment = credential.environment === "production" ? "" : `#${credential.environment}`;
  return { key: `${credential.name}@${host}${environment}`, host };
}

/** Lowercase, with the port only when it is not the scheme's default (URL does both). */
function hostOf(url: string): string | null {
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}
