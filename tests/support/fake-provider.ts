import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local fake CRM over real HTTP: the demo target of `npm start` and the
 * counterpart of integration tests. It behaves like a Stripe-style API
 * (Idempotency-Key replays the original answer) and can be told to fail in
 * every way R8 distinguishes, including the hard ones where the effect is
 * committed but the answer is lost.
 */
export type Fault =
  | { type: "status"; status: number; retryAfter?: string; body?: unknown }
  | { type: "delay"; ms: number }
  | { type: "delay-before-effect"; ms: number }
  | { type: "reset" }
  | { type: "reset-after-effect" }
  | { type: "malformed" }
  | { type: "error-in-200"; body: unknown };

export type ReceivedRequest = { method: string; path: string; headers: Record<string, string>; body: unknown; receivedAt: Date };
export type CrmRecord = { id: string; collection: string; body: unknown; idempotencyKey: string | null };

export type FakeProvider = {
  url: string;
  requests: ReceivedRequest[];
  /** Created records, keyed by idempotency key (by id when the request had none). */
  records: Map<string, CrmRecord>;
  injectFaults: (...faults: Fault[]) => void;
  reset: () => void;
  close: () => Promise<void>;
};

export type StartFakeProviderOptions = {
  port?: number;
  host?: string;
  /** When set, requests must carry `Authorization: Bearer <token>` or get 401. */
  token?: string;
  /** One line per request (method, path, idempotency key, outcome); never the Authorization header. */
  log?: (line: string) => void;
};

type Answer = { status: number; body: unknown; replayed?: boolean };

const MAX_BODY_BYTES = 1024 * 1024;

export async function startFakeProvider(options: StartFakeProviderOptions = {}): Promise<FakeProvider> {
  const requests: ReceivedRequest[] = [];
  const records = new Map<string, CrmRecord>();
  const faults: Fault[] = [];
  const inFlightKeys = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let counter = 0;

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
    requests.push(received);
    const key = received.headers["idempotency-key"] ?? null;
    // Any POST under /crm/<collection>… creates a record in that collection.
    const isCreate = received.method === "POST" && /^\/crm\/[\w-]+/.test(url.pathname);
    if (options.token !== undefined && received.headers.authorization !== `Bearer ${options.token}`) return send(res, 401, { error: "unauthorized" });

    const fault = faults.shift();
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

  return {
    url: `http://${hostForUrl}:${address.port}`,
    requests,
    records,
    injectFaults: (...next) => void faults.push(...next),
    reset: () => {
      requests.length = 0;
      records.clear();
      faults.length = 0;
      inFlightKeys.clear();
      counter = 0;
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
