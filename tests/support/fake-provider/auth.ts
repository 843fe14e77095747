import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { send, sleep, type ReceivedRequest } from "./http";

/** What a request must carry to be let in; anything else gets 401, like a real API. */
export type ExpectedAuth =
  | { type: "header"; name: string; value: string }
  | { type: "query"; name: string; value: string }
  | { type: "basic"; username: string; password: string }
  | { type: "bearer"; token: string }
  /** A live access token from this provider's own token endpoint. */
  | { type: "oauth2" }
  /** The path must start with this secret prefix (Bitrix24's /rest/1/<token>), which is then stripped for routing. */
  | { type: "path"; prefix: string };

/** The OAuth2 client-credentials client the token endpoint (POST /oauth/token) knows. */
export type OAuth2ClientConfig = { clientId: string; clientSecret: string; scope?: string; tokenLifetimeSeconds?: number };

export type TokenFault = { type: "status"; status: number; body?: unknown } | { type: "delay"; ms: number };

export type TokenEndpoint = ReturnType<typeof createTokenEndpoint>;

/** RFC 6749 §4.4 with client authentication by Basic header or by body (§2.3.1). */
export function createTokenEndpoint(client: OAuth2ClientConfig | undefined, signal: AbortSignal) {
  const tokenRequests: ReceivedRequest[] = [];
  const tokenFaults: TokenFault[] = [];
  const issuedTokens: string[] = [];
  /** Token → expiry (ms); revoked tokens are removed. */
  const liveTokens = new Map<string, number>();

  async function issueToken(received: ReceivedRequest, res: ServerResponse, echoCredentials: boolean): Promise<string> {
    tokenRequests.push(received);
    const fault = tokenFaults.shift();
    if (fault?.type === "status") return send(res, fault.status, fault.body ?? { error: `injected ${fault.status}` });
    if (fault?.type === "delay") await sleep(fault.ms, signal);
    const form = new URLSearchParams(typeof received.body === "string" ? received.body : "");
    if (!client) return send(res, 404, { error: "not_found" });
    if (form.get("grant_type") !== "client_credentials") return send(res, 400, { error: "unsupported_grant_type" });
    const presented = clientCredentialsOf(received.headers.authorization, form);
    if (presented.clientId !== client.clientId || presented.clientSecret !== client.clientSecret) {
      const description = echoCredentials ? `client ${presented.clientId} with secret ${presented.clientSecret} is not registered` : "unknown client";
      return send(res, 401, { error: "invalid_client", error_description: description });
    }
    if (client.scope !== undefined && form.get("scope") !== client.scope) return send(res, 400, { error: "invalid_scope" });
    const lifetime = client.tokenLifetimeSeconds ?? 3600;
    const token = `at_${randomBytes(18).toString("base64url")}`;
    issuedTokens.push(token);
    liveTokens.set(token, Date.now() + lifetime * 1000);
    return send(res, 200, { access_token: token, token_type: "Bearer", expires_in: lifetime });
  }

  return {
    tokenRequests,
    tokenFaults,
    issuedTokens,
    issueToken,
    isLive: (token: string) => (liveTokens.get(token) ?? 0) > Date.now(),
    expireTokens: () => liveTokens.clear(),
    clear: () => {
      tokenRequests.length = 0;
      tokenFaults.length = 0;
      issuedTokens.length = 0;
      liveTokens.clear();
    },
  };
}

/** Decided from headers and URL alone, so a refused request is known before its body is read. */
export function isAuthorized(expected: ExpectedAuth, headers: Record<string, string>, url: URL, tokens: TokenEndpoint): boolean {
  const authorization = headers.authorization;
  switch (expected.type) {
    case "header":
      return headers[expected.name.toLowerCase()] === expected.value;
    case "query":
      return url.searchParams.get(expected.name) === expected.value;
    case "basic":
      return authorization === `Basic ${Buffer.from(`${expected.username}:${expected.password}`, "utf8").toString("base64")}`;
    case "bearer":
      return authorization === `Bearer ${expected.token}`;
    case "oauth2":
      return authorization?.startsWith("Bearer ") === true && tokens.isLive(authorization.slice(7));
    case "path":
      return url.pathname.startsWith(`${expected.prefix}/`);
  }
}

/** Quotes back what a request carried, in the ways real error bodies do: raw headers, the URL, decoded Basic credentials. */
export function echo(received: ReceivedRequest): Record<string, unknown> {
  const basic = /^Basic (.+)$/.exec(received.headers.authorization ?? "")?.[1];
  const decoded = basic === undefined ? undefined : Buffer.from(basic, "base64").toString("utf8");
  return {
    message: `rejected ${received.method} ${received.path} with headers ${JSON.stringify(received.headers)}${decoded === undefined ? "" : ` (basic ${decoded})`}`,
    received: { method: received.method, url: received.path, headers: received.headers, body: received.body },
  };
}

function clientCredentialsOf(authorization: string | undefined, form: URLSearchParams): { clientId: string | null; clientSecret: string | null } {
  const basic = /^Basic (.+)$/.exec(authorization ?? "")?.[1];
  if (basic === undefined) return { clientId: form.get("client_id"), clientSecret: form.get("client_secret") };
  const decoded = Buffer.from(basic, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  // §2.3.1: each part was form-encoded before joining.
  const formDecode = (text: string) => new URLSearchParams(`v=${text}`).get("v");
  return colon === -1 ? { clientId: null, clientSecret: null } : { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
}
