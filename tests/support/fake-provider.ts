import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local fake CRM over real HTTP: the demo target of `npm start` and the
 * counterpart of integration tests. It behaves like a Stripe-style API
 * (Idempotency-Key replays the original answer) and can be told to fail in
 * every way R8 distinguishes, including the hard ones where the effect is
 * committed but the answer is lost. For authentication it behaves like real
 * APIs too: an expected credential (header, query, Basic, bearer, a secret
 * path, or tokens from its own OAuth2 token endpoint), 401 otherwise, and on
 * request error bodies that quote the credentials back (to prove masking).
 */
export type Fault =
  | { type: "status"; status: number; retryAfter?: string; body?: unknown }
  | { type: "delay"; ms: number }
  | { type: "delay-before-effect"; ms: number }
  | { type: "reset" }
  | { type: "reset-after-effect" }
  | { type: "malformed" }
  | { type: "error-in-200"; body: unknown }
  /** Answers `status` with everything it received quoted back, credentials included, as careless APIs do. */
  | { type: "echo"; status: number };

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

export type ReceivedRequest = { method: string; path: string; headers: Record<string, string>; body: unknown; receivedAt: Date };
export type CrmRecord = { id: string; collection: string; body: unknown; idempotencyKey: string | null };

export type FakeProvider = {
  url: string;
  /** POST here with grant_type=client_credentials for an access token. */
  tokenUrl: string;
  /** Requests to the API itself (token requests are in tokenRequests). */
  requests: ReceivedRequest[];
  tokenRequests: ReceivedRequest[];
  /** Every access token issued, in order. */
  issuedTokens: string[];
  /** Created records, keyed by idempotency key (by id when the request had none). */
  records: Map<string, CrmRecord>;
  injectFaults: (...faults: Fault[]) => void;
  injectTokenFaults: (...faults: TokenFault[]) => void;
  /** Changes what requests must carry (undefined: nothing). */
  setAuth: (auth: ExpectedAuth | undefined) => void;
  /** When on, a refused request's 401 (and a refused token request) quotes the credentials it got. */
  setEchoCredentials: (on: boolean) => void;
  /** Revokes every token issued so far, before their stated expiry, as a provider rotating keys does. */
  expireTokens: () => void;
  /** The most requests (token requests included) it was handling at once, arrival to answer: a client's in-flight limit, seen from outside. */
  peakConcurrency: () => number;
  /** Clears requests, records, faults and tokens; keeps the auth, OAuth2 client and echo settings. */
  reset: () => void;
  close: () => Promise<void>;
};

export type StartFakeProviderOptions = {
  port?: number;
  host?: string;
  /** When set, requests must carry `Authorization: Bearer <token>` or get 401 (shorthand for auth: bearer). */
  token?: string;
  auth?: ExpectedAuth;
  oauth2?: OAuth2ClientConfig;
  echoCredentials?: boolean;
  /** One line per request (method, path, idempotency key, outcome); never the Authorization header. */
  log?: (line: string) => void;
};

type Answer = { status: number; body: unknown; replayed?: boolean };

const MAX_BODY_BYTES = 1024 * 1024;
const TOKEN_PATH = "/oauth/token";

export async function startFakeProvider(options: StartFakeProviderOptions = {}): Promise<FakeProvider> {
  const requests: ReceivedRequest[] = [];
  const tokenRequests: ReceivedRequest[] = [];
  const issuedTokens: string[] = [];
  /** Token → expiry (ms); revoked tokens are removed. */
  const liveTokens = new Map<string, number>();
  const records = new Map<string, CrmRecord>();
  const faults: Fault[] = [];
  const tokenFaults: TokenFault[] = [];
  let auth: ExpectedAuth | undefined = options.auth ?? (options.token === undefined ? undefined : { type: "bearer", token: options.token });
  let echoCredentials = options.echoCredentials ?? false;
  const inFlightKeys = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let counter = 0;
  let concurrent = 0;
  let peak = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<string> {
    const url = new URL(req.url ?? "/", "http://fake.local");
    const received: ReceivedRequest = { method: req.method ?? "GET", path: url.pathname + url.search, headers: flatten(req), body: await readBody(req), receivedAt: new Date() };
    if (received.method === "POST" && url.pathname === TOKEN_PATH) return issueToken(received, res);
    requests.push(received);
    const key = received.headers["idempotency-key"] ?? null;
    if (auth !== undefined && !isAuthorized(auth, received, url)) {
      return send(res, 401, echoCredentials ? { error: "unauthorized", ...echo(received) } : { error: "unauthorized" });
    }
    // A secret path prefix authenticates; what follows it is the API's own path.
    if (auth?.type === "path") url.pathname = url.pathname.slice(auth.prefix.length) || "/";
    // Any POST under /crm/<collection>… creates a record in that collection.
    const isCreate = received.method === "POST" && /^\/crm\/[\w-]+/.test(url.pathname);

    const fault = faults.shift();
    if (fault?.type === "echo") return send(res, fault.status, { error: `injected ${fault.status}`, ...echo(received) });
    if (fault?.type === "status") {
      if (fault.retryAfter !== undefined) res.setHeader("retry-after", fault.retryAfter);
      return send(res, fault.status, fault.body ?? { error: `injected ${fault.status}` });
    }
    if (fault?.type === "reset") return destroy(res);
    if (fault?.type === "malformed") return sendRaw(res, 200, '{"id": ');
    if (fault?.type === "error-in-200") return send(res, 200, fault.body);
    // Like Stripe: a second request with a key still being processed is refused, not run twice.
    const claim = isCreate && key !== null && !records.has(key) ? key : null;
    if (claim !== null) {
      if (inFlightKeys.has(claim)) return send(res, 409, { error: "idempotency_key_in_use" });
      inFlightKeys.add(claim);
    }
    let answer: Answer;
    try {
      if (fault?.type === "delay-before-effect") await sleep(fault.ms);
      answer = isCreate ? create(url.pathname, received.body, key) : lookup(received.method, url);
    } finally {
      // Released once the effect is committed: from then on the key replays.
      if (claim !== null) inFlightKeys.delete(claim);
    }
    if (fault?.type === "reset-after-effect") return destroy(res);
    if (fault?.type === "delay") await sleep(fault.ms);
    if (answer.replayed) res.setHeader("idempotent-replayed", "true");
    return send(res, answer.status, answer.body);
  }


  function isAuthorized(expected: ExpectedAuth, received: ReceivedRequest, url: URL): boolean {
    const authorization = received.headers.authorization;
    switch (expected.type) {
      case "header":
        return received.headers[expected.name.toLowerCase()] === expected.value;
      case "query":
        return url.searchParams.get(expected.name) === expected.value;
      case "basic":
        return authorization === `Basic ${Buffer.from(`${expected.username}:${expected.password}`, "utf8").toString("base64")}`;
      case "bearer":
        return authorization === `Bearer ${expected.token}`;
      case "oauth2": {
        const expiresAt = authorization?.startsWith("Bearer ") ? liveTokens.get(authorization.slice(7)) : undefined;
        return expiresAt !== undefined && expiresAt > Date.now();
      }
      case "path":
        return url.pathname.startsWith(`${expected.prefix}/`);
    }
  }

  /** RFC 6749 §4.4 with client authentication by Basic header or by body (§2.3.1). */
  async function issueToken(received: ReceivedRequest, res: ServerResponse): Promise<string> {
    tokenRequests.push(received);
    const fault = tokenFaults.shift();
    if (fault?.type === "status") return send(res, fault.status, fault.body ?? { error: `injected ${fault.status}` });
    if (fault?.type === "delay") await sleep(fault.ms);
    const client = options.oauth2;
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

  function create(pathname: string, body: unknown, key: string | null): Answer {
    if (key !== null) {
      const existing = records.get(key);
      if (existing) {
        // Like Stripe: the same key with a different payload is a client bug, not a replay.
        if (JSON.stringify(existing.body) !== JSON.stringify(body)) return { status: 422, body: { error: "idempotency_key_reused" } };
        return { status: 201, body: { ...asObject(existing.body), id: existing.id }, replayed: true };
      }
    }
    const collection = pathname.split("/")[2] ?? "records";
    counter += 1;
    const id = `${collection.replace(/s$/, "")}_${counter}`;
    records.set(key ?? id, { id, collection, body, idempotencyKey: key });
    return { status: 201, body: { ...asObject(body), id } };
  }

  function lookup(method: string, url: URL): Answer {
    const [, root, collection, id] = url.pathname.split("/");
    if (method !== "GET" || root !== "crm" || collection === undefined) return { status: 404, body: { error: "not_found" } };
    const inCollection = [...records.values()].filter((record) => record.collection === collection);
    if (id) {
      const record = inCollection.find((candidate) => candidate.id === id);
      return record ? { status: 200, body: { ...asObject(record.body), id: record.id } } : { status: 404, body: { error: "not_found" } };
    }
    const externalId = url.searchParams.get("externalId");
    const matches = inCollection.filter((record) => externalId === null || asObject(record.body).externalId === externalId);
    return { status: 200, body: { results: matches.map((record) => ({ ...asObject(record.body), id: record.id })) } };
  }

  const server = createServer((req, res) => {
    concurrent += 1;
    peak = Math.max(peak, concurrent);
    res.once("close", () => {
      concurrent -= 1;
    });
    const key = req.headers["idempotency-key"];
    const line = `${req.method} ${req.url} idempotency-key=${typeof key === "string" ? key : "-"}`;
    handle(req, res)
      .then((outcome) => options.log?.(`${line} → ${outcome}`))
      .catch((error: unknown) => {
        options.log?.(`${line} → fake provider error: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) send(res, 500, { error: "fake provider failure" });
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === "IPv6" ? `[${address.address}]` : address.address;

  const baseUrl = `http://${hostForUrl}:${address.port}`;
  return {
    url: baseUrl,
    tokenUrl: `${baseUrl}${TOKEN_PATH}`,
    requests,
    tokenRequests,
    issuedTokens,
    records,
    injectFaults: (...next) => void faults.push(...next),
    injectTokenFaults: (...next) => void tokenFaults.push(...next),
    setAuth: (next) => {
      auth = next;
    },
    setEchoCredentials: (on) => {
      echoCredentials = on;
    },
    expireTokens: () => liveTokens.clear(),
    peakConcurrency: () => peak,
    reset: () => {
      requests.length = 0;
      tokenRequests.length = 0;
      issuedTokens.length = 0;
      liveTokens.clear();
      records.clear();
      faults.length = 0;
      tokenFaults.length = 0;
      inFlightKeys.clear();
      counter = 0;
      peak = concurrent;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      // Keep-alive and stalled sockets would otherwise hold close() open and hang the test run.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Quotes back what a request carried, in the ways real error bodies do: raw headers, the URL, decoded Basic credentials. */
function echo(received: ReceivedRequest): Record<string, unknown> {
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

function send(res: ServerResponse, status: number, body: unknown): string {
  return sendRaw(res, status, JSON.stringify(body ?? null));
}

function sendRaw(res: ServerResponse, status: number, text: string): string {
  if (res.destroyed) return `${status} (client gone)`;
  res.writeHead(status, { "content-type": "application/json" }).end(text);
  return String(status);
}

function destroy(res: ServerResponse): string {
  res.socket?.destroy();
  return "socket destroyed";
}

function flatten(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > MAX_BODY_BYTES) throw new Error("request body too large");
    chunks.push(bytes);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
}
