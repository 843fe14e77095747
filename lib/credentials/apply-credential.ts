import { isHostAllowed } from "@/lib/credentials/is-host-allowed";
import { CREDENTIAL_HOST_BINDING, type CredentialFields, type CredentialType } from "@/lib/credentials/schema";
import type { StoredCredentialSecret } from "@/lib/credentials/read-credential-secret";
import { getOAuth2AccessToken } from "@/lib/credentials/oauth2-token-cache";
import { StepFailureError } from "@/lib/runs/failure-class";

/** The parts of an outgoing request a credential may change. Header names are lowercase. */
export type OutgoingRequest = { url: string; headers: Record<string, string> };

export type AppliedCredential = OutgoingRequest & {
  /**
   * Plaintext produced while applying (an access token, the secret parts of
   * a secret URL) that must be masked like the credential's own secrets.
   */
  secrets: string[];
  /** The OAuth2 access token used, so a 401 can name the token to replace. */
  accessToken?: string;
};

export type ApplyCredentialOptions = {
  credential: StoredCredentialSecret;
  request: OutgoingRequest;
  /** An access token the target refused: fetch a fresh one instead (oauth2 only). */
  refusedToken?: string;
};

type Applier<T extends CredentialType> = (
  fields: CredentialFields<T>,
  request: OutgoingRequest,
  context: { credentialId: string; refusedToken?: string },
) => AppliedCredential | Promise<AppliedCredential>;

/** Path segments at least this long in a secret URL are masked on their own: that is where its token sits. */
const TOKEN_SEGMENT_LENGTH = 16;

/** How each credential type authenticates a call; a type without an entry is a type error. */
const APPLIERS: { [T in CredentialType]: Applier<T> } = {
  "api-key-header": ({ headerName, prefix, apiKey }, request) => ({ ...withHeader(request, headerName, `${prefix}${apiKey}`), secrets: [] }),
  "api-key-query": ({ paramName, apiKey }, request) => ({ url: appendQueryParam(request.url, paramName, apiKey), headers: request.headers, secrets: [] }),
  bearer: ({ token }, request) => ({ ...withHeader(request, "authorization", `Bearer ${token}`), secrets: [] }),
  basic: ({ username, password }, request) => {
    // RFC 7617: the user-id cannot contain a colon, the first one ends it.
    if (username.includes(":")) throw permanent("credential_invalid", "A basic credential's username cannot contain a colon (RFC 7617)");
    const encoded = Buffer.from(`${username}:${password}`, "utf8").toString("base64");
    return { ...withHeader(request, "authorization", `Basic ${encoded}`), secrets: [] };
  },
  "oauth2-client-credentials": async (fields, request, { credentialId, refusedToken }) => {
    const token = await getOAuth2AccessToken({ credentialId, fields, refusedToken });
    return { ...withHeader(request, "authorization", `Bearer ${token}`), secrets: [token], accessToken: token };
  },
  "secret-url": ({ url: base }, request) => {
    if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(request.url)) {
      throw permanent(
        "credential_url_conflict",
        'This step uses a secret-URL credential, which supplies the base URL: give the step a relative path such as "crm.lead.add.json", not an absolute URL',
      );
    }
    return { url: joinSecretUrl(base, request.url), headers: request.headers, secrets: secretUrlParts(base) };
  },
  "webhook-signing": () => {
    throw permanent(
      "credential_not_for_calls",
      "A webhook-signing credential verifies incoming webhooks and cannot authenticate an outgoing call; pick another credential for this step",
    );
  },
  // Its password only ever goes to its own SMTP server, never onto an HTTP request a flow author points.
  smtp: () => {
    throw permanent("credential_not_for_calls", "An SMTP credential sends e-mail alerts and cannot authenticate an HTTP call; pick another credential for this step");
  },
};

/**
 * Puts a decrypted credential onto an outgoing request. A header the
 * credential sets replaces one of the same name typed into the step
 * (names compared case-insensitively), so a stale pasted token never wins.
 * Refuses first when the URL's host is not one the credential may be sent
 * to: whoever can edit a flow must not be able to point a step at their
 * own server and receive the secret (redirects are refused separately,
 * by performHttpCall, for credentialed calls).
 */
export async function applyCredential({ credential, request, refusedToken }: ApplyCredentialOptions): Promise<AppliedCredential> {
  if (CREDENTIAL_HOST_BINDING[credential.type] === "allowed-hosts") refuseUnlistedHost(credential, request.url);
  // The cast only restores the pairing of type and fields that the discriminated union guarantees.
  const apply = APPLIERS[credential.type] as Applier<CredentialType>;
  return apply(credential.fields as CredentialFields, request, { credentialId: credential.id, refusedToken });
}

/** The message names the credential and the host only: the path and query may carry data or secrets. */
function refuseUnlistedHost({ name, environment, allowedHosts }: StoredCredentialSecret, url: string): void {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw permanent("invalid_url", `The step's URL is not a valid absolute URL, so the ${environment} credential "${name}" cannot be applied to it`);
  }
  if (allowedHosts.length === 0) {
    throw permanent(
      "credential_host_refused",
      `The ${environment} credential "${name}" has no allowed hosts, so it is sent nowhere: an admin must set the hosts it may be sent to on the credential's page`,
    );
  }
  if (!isHostAllowed({ url: target, allowedHosts })) {
    throw permanent(
      "credential_host_refused",
      `The ${environment} credential "${name}" may not be sent to ${target.host}: an admin must add that host to the credential's allowed hosts if it is meant to receive it`,
    );
  }
}

function withHeader(request: OutgoingRequest, name: string, value: string): OutgoingRequest {
  const lower = name.toLowerCase();
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([key]) => key.toLowerCase() !== lower));
  return { url: request.url, headers: { ...headers, [lower]: value } };
}

/** Appends with URLSearchParams encoding and leaves the rest of the query exactly as it was. */
function appendQueryParam(url: string, name: string, value: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw permanent("invalid_url", "The step's URL is not a valid absolute URL, so the API key cannot be added to it");
  }
  const pair = new URLSearchParams([[name, value]]).toString();
  parsed.search = parsed.search.length > 1 ? `${parsed.search}&${pair}` : `?${pair}`;
  return parsed.toString();
}

/** The step's path goes after the secret URL's path with exactly one slash between; a query of either side is kept. */
function joinSecretUrl(base: string, relative: string): string {
  const url = new URL(base);
  const queryAt = relative.indexOf("?");
  const path = queryAt === -1 ? relative : relative.slice(0, queryAt);
  const query = queryAt === -1 ? "" : relative.slice(queryAt + 1);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
  if (query !== "") url.search = url.search.length > 1 ? `${url.search}&${query}` : `?${query}`;
  return url.toString();
}

/**
 * The parts of a secret URL that identify it when they turn up without the
 * rest (a 404 body quoting the path): its path and query, and long path
 * segments, which is where Bitrix24 and Telegram put their tokens.
 */
function secretUrlParts(url: string): string[] {
  const parsed = new URL(url);
  const path = parsed.pathname.replace(/\/+$/, "");
  const segments = path.split("/").filter((segment) => segment.length >= TOKEN_SEGMENT_LENGTH);
  return [...new Set([`${path}${parsed.search}`, ...segments, ...segments.map(decodeSafely)])].filter((part) => part !== "");
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function permanent(code: string, message: string): StepFailureError {
  return new StepFailureError({ class: "permanent", code, message });
}
