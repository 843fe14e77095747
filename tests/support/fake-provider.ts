import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createTokenEndpoint, echo, isAuthorized, type ExpectedAuth, type OAuth2ClientConfig, type TokenFault } from "./fake-provider/auth";
import { createCrmStore, type CrmRecord } from "./fake-provider/crm-store";
import { toFaultPlanFn, type FaultPlan } from "./fake-provider/fault-plan";
import { describeRetryAfter, errorIn200Body, providerErrorBody, type Fault, type FaultPlanFn, type RetryAfter } from "./fake-provider/faults";
import { destroy, dribble, flattenHeaders, readBody, scalarAt, send, sendRaw, sleep, waitUntilClosed, type ReceivedRequest } from "./fake-provider/http";
import { createIdempotencyStore, type StoredAnswer } from "./fake-provider/idempotency";
import { createLedger, type LedgerEntry, type LedgerViolations, type RequestLogEntry, type RetryAfterWindow } from "./fake-provider/ledger";

export type { ExpectedAuth, OAuth2ClientConfig, TokenFault } from "./fake-provider/auth";
export type { CrmRecord } from "./fake-provider/crm-store";
export { createSeededFaultPlan, type FaultMix, type FaultPlan, type FaultPresetName, type SeededFaultPlan } from "./fake-provider/fault-plan";
export { describeRetryAfter, errorIn200Body, providerErrorBody, type Fault, type FaultPlanFn, type FaultRequest, type ProviderStyle, type RetryAfter } from "./fake-provider/faults";
export type { ReceivedRequest } from "./fake-provider/http";
export { canonicalJson } from "./fake-provider/idempotency";
export type { LedgerEntry, LedgerViolations, RequestLogEntry, RetryAfterWindow } from "./fake-provider/ledger";

/**
 * A local fake CRM over real HTTP: the demo target of `npm start` and the
 * counterpart of integration tests. It keeps Stripe's idempotency rules
 * (fake-provider/idempotency.ts) and can be told to fail in every way R8
 * distinguishes, including the hard ones where the effect is committed but
 * the answer is lost (fake-provider/faults.ts), either from a queue or from a
 * seeded plan. Its ledger (fake-provider/ledger.ts) records what each business
 * id cost and when each request ran, so tests judge the client by its effects.
 * For authentication it behaves like real APIs too: an expected credential
 * (header, query, Basic, bearer, a secret path, or tokens from its own OAuth2
 * token endpoint), 401 otherwise, and on request error bodies that quote the
 * credentials back (to prove masking).
 */
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
  /** Queues faults: each API request takes the next one; the fault plan decides only when the queue is empty. */
  injectFaults: (...faults: Fault[]) => void;
  /** Decides a fault per request (a function, or a seeded mix); undefined removes it. */
  setFaultPlan: (plan: FaultPlan | undefined) => void;
  injectTokenFaults: (...faults: TokenFault[]) => void;
  /** Business id (body at businessIdPath, else the idempotency key) → keys seen, records created, its requests. */
  ledger: Map<string, LedgerEntry>;
  /** Every API request in arrival order, with start and end times in epoch ms on one monotonic clock. */
  requestLog: RequestLogEntry[];
  /** Each Retry-After the provider sent, as the interval it asked the client to stay away. */
  retryAfterWindows: RetryAfterWindow[];
  readonly inFlight: number;
  /** The most API requests in flight at once since start or reset(). */
  readonly inFlightPeak: number;
  maxConcurrency: () => number;
  overlapsFor: (businessId: string) => boolean;
  violations: () => LedgerViolations;
  requestsDuring: (window: RetryAfterWindow) => RequestLogEntry[];
  /** Changes what requests must carry (undefined: nothing). */
  setAuth: (auth: ExpectedAuth | undefined) => void;
  /** When on, a refused request's 401 (and a refused token request) quotes the credentials it got. */
  setEchoCredentials: (on: boolean) => void;
  /** Revokes every token issued so far, before their stated expiry, as a provider rotating keys does. */
  expireTokens: () => void;
  /** Clears requests, records, idempotency keys, faults, the plan, the ledger and tokens; keeps auth, OAuth2 client and echo settings. */
  reset: () => void;
  /** Also ends hanging and dribbling answers. */
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
  /** Dotted path of the business id in request bodies, also matched by `?externalId=` look-ups (default "externalId"). */
  businessIdPath?: string;
  /**
   * Called as soon as an API request's answer has been sent in full (not for
   * dropped or unanswered ones), with its status: the moment after the effect
   * and before the client has recorded it, where a chaos test kills the client.
   */
  onAnswered?: (entry: RequestLogEntry, status: number) => void;
  /** One line per request (method, path, idempotency key, outcome); never the Authorization header. */
  log?: (line: string) => void;
};

type Answer = StoredAnswer & { replayed?: boolean };

const TOKEN_PATH = "/oauth/token";

export async function startFakeProvider(options: StartFakeProviderOptions = {}): Promise<FakeProvider> {
  const requests: ReceivedRequest[] = [];
  const closing = new AbortController();
  const tokens = createTokenEndpoint(options.oauth2, closing.signal);
  const businessIdPath = options.businessIdPath ?? "externalId";
  const crm = createCrmStore(businessIdPath);
  const idempotency = createIdempotencyStore();
  const ledger = createLedger();
  const faults: Fault[] = [];
  let faultPlan: FaultPlanFn | undefined;
  let auth: ExpectedAuth | undefined = options.auth ?? (options.token === undefined ? undefined : { type: "bearer", token: options.token });
  let echoCredentials = options.echoCredentials ?? false;

  /** Logs the request in the ledger for its whole life, including answers that never come. */
  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<string> {
    const headers = flattenHeaders(req);
    const entry = ledger.begin({ method: req.method ?? "GET", path: url.pathname + url.search, key: headers["idempotency-key"] ?? null, headers, clientPort: req.socket.remotePort ?? null });
    res.once("close", () => ledger.end(entry));
    // "finish": the whole answer is handed to the network, so the client is about to act on it.
    res.once("finish", () => options.onAnswered?.(entry, res.statusCode));
    try {
      entry.outcome = await respond(req, res, url, headers, entry);
    } catch (error) {
      entry.outcome = "fake provider error";
      throw error;
    }
    return entry.outcome;
  }

  async function respond(req: IncomingMessage, res: ServerResponse, url: URL, headers: Record<string, string>, entry: RequestLogEntry): Promise<string> {
    const { method, path, key } = entry;
    const receive = async (read: boolean): Promise<ReceivedRequest> => {
      const received = { method, path, headers, body: read ? await readBody(req) : undefined, receivedAt: new Date() };
      requests.push(received);
      return received;
    };
    // A look-up names its business id in the query; a write carries it in the body.
    const identify = (body: unknown) =>
      ledger.identify(entry, scalarAt(body, businessIdPath) ?? (method === "GET" ? url.searchParams.get("externalId") : null) ?? key);

    if (auth !== undefined && !isAuthorized(auth, headers, url, tokens)) {
      const received = await receive(true);
      identify(received.body);
      return send(res, 401, echoCredentials ? { error: "unauthorized", ...echo(received) } : { error: "unauthorized" });
    }
    // A secret path prefix authenticates; what follows it is the API's own path.
    if (auth?.type === "path") url.pathname = url.pathname.slice(auth.prefix.length) || "/";
    // Any POST under /crm/<collection>… creates a record in that collection.
    const isCreate = method === "POST" && /^\/crm\/[\w-]+/.test(url.pathname);
    const fault = faults.shift() ?? faultPlan?.({ index: entry.index, method, path: url.pathname + url.search, idempotencyKey: key, isCreate });
    entry.fault = fault?.type ?? null;
    if (fault?.type === "reset-before-read") {
      await receive(false);
      return destroy(res);
    }
    const received = await receive(true);
    identify(received.body);

    if (fault?.type === "echo") return send(res, fault.status, { error: `injected ${fault.status}`, ...echo(received) });
    if (fault?.type === "status") {
      announceRetryAfter(res, fault.retryAfter);
      return send(res, fault.status, fault.body ?? { error: `injected ${fault.status}` });
    }
    if (fault?.type === "provider-error") {
      announceRetryAfter(res, fault.retryAfter);
      return send(res, fault.status, providerErrorBody(fault.style, fault.status, fault.code, fault.message));
    }
    if (fault?.type === "reset") return destroy(res);
    if (fault?.type === "malformed") return sendRaw(res, 200, '{"id": ');
    if (fault?.type === "error-in-200") return send(res, 200, fault.body ?? errorIn200Body(fault.style ?? "bitrix24"));

    let answer: Answer;
    if (isCreate) {
      const created = await createOnce(url.pathname, received.body, key, fault);
      // A refused key is answered at once: nothing ran, so no fault after the effect applies.
      if (created.refused) return send(res, created.status, created.body);
      if (created.recordId !== undefined) ledger.recordCreated(entry, created.recordId);
      answer = created;
    } else {
      answer = crm.lookup(method, url);
    }

    if (fault?.type === "reset-after-effect" || fault?.type === "commit-then-reset") return destroy(res);
    if (fault?.type === "commit-then-hang") {
      await waitUntilClosed(res, closing.signal);
      return "no answer (hung until the client left)";
    }
    if (fault?.type === "delay") await sleep(fault.ms, closing.signal);
    if (answer.replayed) res.setHeader("idempotent-replayed", "true");
    if (fault?.type === "slow-body") return dribble(res, answer.status, answer.body, fault, closing.signal);
    return send(res, answer.status, answer.body);
  }

  /** Creates the record unless the key says otherwise (see idempotency.ts); the key is held in flight until the effect commits. */
  async function createOnce(pathname: string, body: unknown, key: string | null, fault: Fault | undefined): Promise<Answer & { recordId?: string; refused?: boolean }> {
    const decision = key === null ? { type: "proceed" as const } : idempotency.claim(key, body);
    if (decision.type === "in-flight") return { refused: true, status: 409, body: { error: "idempotency_key_in_use", message: "A request with this Idempotency-Key is still being processed" } };
    if (decision.type === "body-mismatch") return { refused: true, status: 422, body: { error: "idempotency_key_reused", message: "This Idempotency-Key was used with a different request body" } };
    if (decision.type === "replay") return { ...decision.answer, replayed: true };
    try {
      if (fault?.type === "delay-before-effect") await sleep(fault.ms, closing.signal);
      const record = crm.create(pathname, body, key);
      const answer = { status: 201, body: crm.present(record) };
      if (key !== null) idempotency.commit(key, answer);
      return { ...answer, recordId: record.id };
    } finally {
      // A no-op after commit(); frees the key if the effect never happened.
      if (key !== null) idempotency.release(key);
    }
  }

  function announceRetryAfter(res: ServerResponse, value: RetryAfter | undefined): void {
    if (value === undefined) return;
    const { header, waitMs } = describeRetryAfter(value);
    res.setHeader("retry-after", header);
    if (waitMs !== null) ledger.announceRetryAfter(waitMs);
  }

  async function issueToken(req: IncomingMessage, res: ServerResponse, url: URL): Promise<string> {
    const received = { method: "POST", path: url.pathname + url.search, headers: flattenHeaders(req), body: await readBody(req), receivedAt: new Date() };
    return tokens.issueToken(received, res, echoCredentials);
  }

  const server = createServer((req, res) => {
    const key = req.headers["idempotency-key"];
    const line = `${req.method} ${req.url} idempotency-key=${typeof key === "string" ? key : "-"}`;
    const url = new URL(req.url ?? "/", "http://fake.local");
    const work = req.method === "POST" && url.pathname === TOKEN_PATH ? issueToken(req, res, url) : handle(req, res, url);
    work
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
    tokenRequests: tokens.tokenRequests,
    issuedTokens: tokens.issuedTokens,
    records: crm.records,
    injectFaults: (...next) => void faults.push(...next),
    setFaultPlan: (plan) => {
      faultPlan = plan === undefined ? undefined : toFaultPlanFn(plan);
    },
    injectTokenFaults: (...next) => void tokens.tokenFaults.push(...next),
    ledger: ledger.ledger,
    requestLog: ledger.requestLog,
    retryAfterWindows: ledger.retryAfterWindows,
    get inFlight() {
      return ledger.inFlight;
    },
    get inFlightPeak() {
      return ledger.inFlightPeak;
    },
    maxConcurrency: ledger.maxConcurrency,
    overlapsFor: ledger.overlapsFor,
    violations: ledger.violations,
    requestsDuring: ledger.requestsDuring,
    setAuth: (next) => {
      auth = next;
    },
    setEchoCredentials: (on) => {
      echoCredentials = on;
    },
    expireTokens: tokens.expireTokens,
    reset: () => {
      requests.length = 0;
      tokens.clear();
      crm.clear();
      idempotency.clear();
      ledger.clear();
      faults.length = 0;
      faultPlan = undefined;
    },
    close: async () => {
      // Ends sleeps, hangs and dribbles, which would otherwise hold their sockets open.
      closing.abort();
      // Keep-alive and stalled sockets would otherwise hold close() open and hang the test run.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
